import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Message } from 'vscode-languageserver/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createPublishEncoder } from '../../../server/src/publishEncoder';
import { keepUnchanged } from '../../../server/src/diagnostics';

const finding = (line: number, message = `finding on line ${line}`, extra: Partial<Diagnostic> = {}): Diagnostic => ({
  range: { start: { line, character: 2 }, end: { line, character: 9 } },
  severity: 2,
  code: 'plaintext-password',
  source: 'nats-lattice',
  message,
  ...extra,
});
const publish = (uri: string, diagnostics: Diagnostic[], version?: number): Message =>
  ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version, diagnostics } }) as Message;

async function encodeAll(messages: Message[]): Promise<void> {
  const encoder = createPublishEncoder();
  for (const [index, message] of messages.entries()) {
    const bytes = Buffer.from(await encoder.encode(message, { charset: 'utf-8' }));
    assert.equal(bytes.toString('utf8'), JSON.stringify(message), `message ${index}`);
  }
}

// Each case: publishes in a row through one encoder; every one must be byte for byte JSON.stringify.
const a = finding(1);
const b = finding(2, 'a message with "quotes", \\ and a tab\t');
const c = finding(3, 'non-ASCII: café ✓ 😀');
const d = finding(4, 'with related', { relatedInformation: [{ location: { uri: 'file:///x.env', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } } }, message: 'here' }] });
const e = finding(5, 'with data and no source', { source: undefined, data: { fixes: [{ title: 'fix', newText: 'x' }] } });
const f = finding(6);
const cases: [string, Message[]][] = [
  ['one publish', [publish('file:///a.conf', [a, b, c], 1)]],
  ['the same list again', [publish('file:///a.conf', [a, b, c], 1), publish('file:///a.conf', [a, b, c], 2)]],
  ['a finding replaced in the middle', [publish('file:///a.conf', [a, b, c, d]), publish('file:///a.conf', [a, f, c, d])]],
  ['a finding inserted first', [publish('file:///a.conf', [b, c]), publish('file:///a.conf', [a, b, c])]],
  ['a finding inserted last', [publish('file:///a.conf', [a, b]), publish('file:///a.conf', [a, b, c])]],
  ['the first removed', [publish('file:///a.conf', [a, b, c]), publish('file:///a.conf', [b, c])]],
  ['the last removed', [publish('file:///a.conf', [a, b, c]), publish('file:///a.conf', [a, b])]],
  ['all removed, then back', [publish('file:///a.conf', [a, b]), publish('file:///a.conf', []), publish('file:///a.conf', [a, b])]],
  ['reordered', [publish('file:///a.conf', [a, b, c, d, e]), publish('file:///a.conf', [e, d, c, b, a]), publish('file:///a.conf', [c, a, e, b, d])]],
  ['a finding twice', [publish('file:///a.conf', [a, a, b]), publish('file:///a.conf', [a, b, b, a])]],
  ['equal content, new objects', [publish('file:///a.conf', [a, b]), publish('file:///a.conf', [finding(1), finding(2, b.message as string)])]],
  ['two documents interleaved', [publish('file:///a.conf', [a, b]), publish('file:///b.conf', [c, d]), publish('file:///a.conf', [a, c]), publish('file:///b.conf', [d])]],
  ['no version', [publish('file:///a.conf', [a]), publish('file:///a.conf', [a, e])]],
  ['a uri that needs escaping', [publish('file:///a "b"/ü.conf', [a, b])]],
  [
    'more removed in a row than the look-ahead',
    [publish('file:///a.conf', Array.from({ length: 40 }, (_, i) => finding(i))), publish('file:///a.conf', [a, f])],
  ],
];

for (const [name, messages] of cases) test(`publish encoder: ${name}`, () => encodeAll(messages));

test('publish encoder: long seeded sequences of edits to a list', async () => {
  let seed = 20261127;
  const random = (below: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % below;
  };
  const pool = Array.from({ length: 60 }, (_, i) => finding(i, i % 7 === 0 ? `é ${i}` : `finding ${i}`));
  let list = pool.slice(0, 30);
  const messages: Message[] = [];
  for (let step = 0; step < 400; step++) {
    const next = list.slice();
    const at = random(next.length + 1);
    switch (random(5)) {
      case 0: next.splice(at, 1 + random(3)); break;
      case 1: next.splice(at, 0, pool[random(pool.length)]); break;
      case 2: next.splice(at, 1, finding(at)); break;
      case 3: next.splice(at, 0, ...next.splice(random(next.length + 1), 1 + random(4))); break;
      default: break;
    }
    list = next;
    messages.push(publish(step % 5 === 0 ? 'file:///other.conf' : 'file:///a.conf', list, step));
  }
  await encodeAll(messages);
});

test('publish encoder: other messages and other charsets are plain JSON', async () => {
  const encoder = createPublishEncoder();
  const request = { jsonrpc: '2.0', id: 7, result: { items: ['ü'] } } as Message;
  assert.equal(Buffer.from(await encoder.encode(request, { charset: 'utf-8' })).toString('utf8'), JSON.stringify(request));
  const ascii = publish('file:///a.conf', [a]);
  assert.deepEqual(Buffer.from(await encoder.encode(ascii, { charset: 'ascii' })), Buffer.from(JSON.stringify(ascii), 'ascii'));
});

// keepUnchanged: [previous, next, which of next end up as the previous objects]
const cases2: [string, Diagnostic[] | undefined, Diagnostic[], boolean[]][] = [
  ['no previous check', undefined, [finding(1)], [false]],
  ['all equal', [finding(1), finding(2)], [finding(1), finding(2)], [true, true]],
  ['one changed message', [finding(1), finding(2)], [finding(1), finding(2, 'other')], [true, false]],
  ['one inserted', [finding(1), finding(3)], [finding(1), finding(2), finding(3)], [true, false, true]],
  ['one removed', [finding(1), finding(2), finding(3)], [finding(1), finding(3)], [true, true]],
  ['same place, other related information', [finding(1, 'm', { relatedInformation: [] })], [finding(1, 'm')], [false]],
];
for (const [name, previous, next, kept] of cases2) {
  test(`keepUnchanged: ${name}`, () => {
    const result = keepUnchanged(previous, next.slice());
    assert.deepEqual(result, next);
    assert.deepEqual(
      result.map((diagnostic) => previous?.includes(diagnostic) ?? false),
      kept,
    );
  });
}
