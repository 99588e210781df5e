// The conformance harness's own pieces: reading nats-server's messages, the canonical form and
// the agreement rule. A harness that cannot see a difference would make every agreement meaningless.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { canonicalDifference, toCanonical } from './canonical';
import { parseEnvFile } from './cases';
import { disagreements, OracleAnswer } from './judge';
import { classifyNatsServerOutput, locateConfError } from './nats-messages';
import { evaluateOurs } from './our-side';

test('locateConfError follows include chains and reads the line', () => {
  const cases: [string, ReturnType<typeof locateConfError>][] = [
    ["Parse error on line 3: 'Unexpected EOF processing map.'", { file: 'main.conf', line: 3 }],
    ["error parsing include file 'sub/a.conf', error parsing include file 'b.conf', Parse error on line 2: 'x'", { file: 'sub/b.conf', line: 2 }],
    ["error parsing include file '/sub/a.conf', variable reference for 'P' on line 4 can not be found", { file: 'sub/a.conf', line: 4 }],
    ["error parsing include file 'missing.conf', open missing.conf: no such file or directory", { file: 'main.conf' }],
    ["error parsing include file 'a.conf', error parsing include file 'gone.conf', error opening config file: open gone.conf: no such file", { file: 'a.conf' }],
    ["variable reference for 'FIRST' on line 2 could not be parsed: variable reference for 'x' on line 1 can not be found", { file: 'main.conf', line: 2 }],
    ["integer '9223372036854775808' is out of the range", { file: 'main.conf' }],
  ];
  for (const [message, want] of cases) assert.deepEqual(locateConfError(message, 'main.conf'), want, message);
});

test('classifyNatsServerOutput separates conf errors from option errors', () => {
  assert.deepEqual(classifyNatsServerOutput(0, 'nats-server: configuration file a.conf is valid', false), { verdict: 'valid' });
  assert.deepEqual(classifyNatsServerOutput(1, "nats-server: Parse error on line 2: 'x'", false), { verdict: 'conf-error', confError: "Parse error on line 2: 'x'" });
  assert.deepEqual(
    classifyNatsServerOutput(1, 'nats-server: a.conf:2:1: unknown field "b"\na.conf:1:1: unknown field "a"', false),
    { verdict: 'option-errors', optionErrors: ['a.conf:1:1: unknown field "a"', 'a.conf:2:1: unknown field "b"'] },
  );
  assert.equal(classifyNatsServerOutput(2, 'runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow', false).verdict, 'crash');
  assert.equal(classifyNatsServerOutput(null, '', true).verdict, 'timeout');
});

test('canonical form: tags, numeric float comparison, __proto__ keys', () => {
  const map = Object.create(null) as Record<string, unknown>;
  map.__proto__ = 1n;
  map.when = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
  map.list = [1.5, 'x', true];
  assert.deepEqual(JSON.parse(JSON.stringify(toCanonical(map))), {
    ['__proto__']: { int: '1' }, when: { time: '2024-01-02T03:04:05Z' }, list: [{ float: '1.5' }, 'x', true],
  });
  assert.equal(canonicalDifference({ float: '1e+21' }, { float: '1000000000000000000000' }), undefined);
  assert.match(canonicalDifference({ int: '1' }, { float: '1' }) ?? '', /at \$/);
  assert.match(canonicalDifference({ a: [{ int: '1' }] }, { a: [{ int: '2' }] }) ?? '', /at \$\.a\[0\]/);
  assert.match(canonicalDifference({ a: 'x' }, { b: 'x' }) ?? '', /missing keys \["a"\].*unexpected keys \["b"\]/);
});

test('env sidecars keep everything after the first =', () => {
  assert.deepEqual(parseEnvFile('A=1\n# note\nB=x=y\nC=\n'), { A: '1', B: 'x=y', C: '' });
  assert.throws(() => parseEnvFile('nonsense\n'), /KEY=VALUE/);
});

test('the agreement rule notices wrong lines, wrong values and missing errors', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nats-lattice-harness-'));
  try {
    const file = path.join(dir, 'main.conf');
    fs.writeFileSync(file, 'a = 1\nb = [1 2 ]\n');
    const ours = evaluateOurs(file, {});
    const at = (line: number): OracleAnswer => ({ rejects: { message: 'm', location: { file: 'main.conf', line } } });
    assert.deepEqual(disagreements(at(2), ours, file), []);
    assert.equal(disagreements(at(1), ours, file).length, 1);
    assert.equal(disagreements({ value: {} }, ours, file).length, 1);

    fs.writeFileSync(file, 'a = 1\n');
    const ok = evaluateOurs(file, {});
    assert.deepEqual(disagreements({ value: { a: { int: '1' } } }, ok, file), []);
    assert.match(disagreements({ value: { a: { int: '2' } } }, ok, file)[0], /value differs at \$\.a/);
    assert.match(disagreements(at(1), ok, file)[0], /we report no error/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
