// The quick check against the full check, over generated configurations and chains of edits the way
// an editor sends them: after every edit the quick answer, when there is one, must be exactly what
// a fresh full check of the new text answers. Most edits rewrite one value (typing a port, a size,
// a password), some rename a key (a typo, another option, a variable's name); others do what the
// quick check must decline (line breaks, variables).
// A share of the value edits must be answered quickly, so the test fails if the quick path silently
// stops applying. Every answer also goes through the publish encoder, which reuses the bytes of the
// findings the previous answer kept: its bytes must be those of JSON.stringify.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { createMemoryFileSystem } from '../../server/src/memoryFileSystem';
import { createLanguageService, LanguageService } from '../../server/src/service';
import { pathToUri } from '../../server/src/uri';
import { createPublishEncoder } from '../../server/src/publishEncoder';
import { generator } from '../support/fuzzInputs';

const SEED = 7301;
const DOCUMENTS = 150;
const EDITS_PER_DOCUMENT = 20;
/**
 * Of the edits that rewrite one value, at least this share is answered quickly. The generated
 * configs are dense in what only a full check can answer (syntax errors elsewhere in the file,
 * listener hosts and ports, dropped `1kbb` values, keys read through variables), so the share is
 * far lower than in real files (10-15% across seeds); the bound is there to fail when the quick path
 * silently stops applying.
 */
const MIN_QUICK_SHARE = 0.05;
/** Renamed keys answered quickly, at least: the generated configs are mostly listener keys and blocks. */
const MIN_QUICK_RENAMES = 20;

const URI = pathToUri('/cfg/nats-server.conf');
const FILES = { '/cfg/extra.conf': 'debug: true\n' };
const BCRYPT = '"$2a$11$PWIFAL8RPZ3hzrMZUvqTce5Fc.Ww/NNd2nHNNiKpmNxXb6zOHbT0a"';

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];
const chance = (random: Random, p: number) => random() < p;

/** Values to type, by the kind of value a key takes; a few are wrong on purpose. */
const VALUES = {
  port: ['4222', '4223', '6222', '7422', '8222', '0', '-1', '65535', '65536', '99999', '"4222"', 'x'],
  size: ['1MB', '64MB', '1G', '10G', '1024', '1kbb', '1Gx', '"1MB"', '"1XB"', '0', '-1', '100kbb', '100000'],
  duration: ['"10s"', '"2m"', '"10x"', '2m', '10', '"1h30m"', '"1d"', '"-5s"', '30s'],
  boolean: ['true', 'false', '"true"', 'yes', 'no', 'on', '1'],
  name: ['hub', 'east', 'west', '"hu b"', '"a.b"', 'x', '"*"', '""', 'leaf-1'],
  password: ['"pw"', '"secret"', '"s3cr3t!"', BCRYPT, '"$2a$11$short"', '""', 'plain'],
  subject: ['"a.>"', '"b"', '"b.c"', '"b..c"', '"*"', '">"', '"foo.*.bar"', '"a b"', '"_INBOX.>"'],
  host: ['127.0.0.1', '0.0.0.0', '"10.0.0.1"', 'localhost', '"::1"', '"[::]"', '"::"'],
  url: ['"nats-leaf://hub:7422"', '"nats://hub:4222"', '"tls://hub:7422"', '"nats-leaf://hub:74222"', '"hub"', '"nats://u:p@hub:7422"'],
  path: ['"/data"', '"/tmp/js"', '"./store"', '""', '"/var/lib/nats"'],
} as const;
type Kind = keyof typeof VALUES;

/** One generated `key: value` line: the key, what kind of value it takes, and how to write it. */
interface ValueLine { key: string; kind: Kind }

const TOP: ValueLine[] = [
  { key: 'port', kind: 'port' }, { key: 'http_port', kind: 'port' }, { key: 'server_name', kind: 'name' },
  { key: 'max_payload', kind: 'size' }, { key: 'max_pending', kind: 'size' }, { key: 'max_connections', kind: 'size' },
  { key: 'ping_interval', kind: 'duration' }, { key: 'write_deadline', kind: 'duration' }, { key: 'debug', kind: 'boolean' },
  { key: 'trace', kind: 'boolean' }, { key: 'host', kind: 'host' }, { key: 'no_auth_user', kind: 'name' },
];

/** A random configuration, every value on a line of its own or in one-line maps and arrays. */
function generateConfig(random: Random): string {
  const lines: string[] = [];
  const value = (kind: Kind) => pick(random, VALUES[kind]);
  const entry = (indent: string, line: ValueLine) => `${indent}${line.key}${pick(random, [': ', ' = ', ' '])}${value(line.kind)}${chance(random, 0.1) ? ' # note' : ''}`;
  const someTop = TOP.filter(() => chance(random, 0.4));
  for (const line of someTop) {
    if (chance(random, 0.1)) lines.push(`# nats-lattice-disable-next-line ${pick(random, ['unknown-size-suffix', 'value-out-of-range', 'plaintext-password', ''])}`);
    lines.push(entry('', line));
  }
  if (chance(random, 0.3)) {
    lines.push(`LIMIT: ${value('size')}`);
    lines.push(`max_payload: $LIMIT`);
  }
  if (chance(random, 0.6)) {
    lines.push('jetstream {');
    for (const line of [{ key: 'domain', kind: 'name' }, { key: 'max_mem', kind: 'size' }, { key: 'max_file', kind: 'size' }, { key: 'store_dir', kind: 'path' }] as ValueLine[]) {
      if (chance(random, 0.7)) lines.push(entry('  ', line));
    }
    lines.push('}');
  } else if (chance(random, 0.3)) {
    lines.push(`jetstream: { max_mem: ${value('size')}, max_file: ${value('size')} }`);
  }
  if (chance(random, 0.5)) {
    lines.push('cluster {');
    lines.push(entry('  ', { key: 'name', kind: 'name' }));
    if (chance(random, 0.6)) lines.push(entry('  ', { key: 'host', kind: 'host' }));
    lines.push(entry('  ', { key: 'port', kind: 'port' }));
    if (chance(random, 0.4)) lines.push('  routes: [', `    ${value('url')}`, '  ]');
    if (chance(random, 0.2)) lines.push('  include "extra.conf"');
    lines.push('}');
  }
  if (chance(random, 0.5)) {
    lines.push('leafnodes {');
    if (chance(random, 0.5)) lines.push(entry('  ', { key: 'port', kind: 'port' }));
    lines.push('  remotes: [', '    {', entry('      ', { key: 'url', kind: 'url' }), entry('      ', { key: 'account', kind: 'name' }), '    }', '  ]', '}');
  }
  if (chance(random, 0.3)) lines.push('websocket {', entry('  ', { key: 'port', kind: 'port' }), entry('  ', { key: 'no_tls', kind: 'boolean' }), '}');
  if (chance(random, 0.3)) lines.push('tls {', '  ca_file: "ca.pem"', entry('  ', { key: 'verify', kind: 'boolean' }), '}');
  if (chance(random, 0.7)) {
    lines.push('accounts {', '  A {', '    users: [');
    for (let i = 0, n = 1 + Math.floor(random() * 3); i < n; i++) {
      if (chance(random, 0.5)) lines.push(`      { user: u${i}, password: ${value('password')} }`);
      else lines.push('      {', `        user: u${i}`, entry('        ', { key: 'password', kind: 'password' }), '      }');
    }
    lines.push('    ]');
    if (chance(random, 0.5)) lines.push(`    users2: [ { user: x, password: ${value('password')} }, { user: y, password: ${value('password')} } ]`);
    lines.push('  }', '}');
  }
  if (chance(random, 0.5)) {
    lines.push('authorization {', '  users: [', '    {', '      user: a', entry('      ', { key: 'password', kind: 'password' }));
    lines.push(`      permissions: { publish: { allow: [${value('subject')}, ${value('subject')}] }, subscribe: ${value('subject')} }`);
    lines.push('    }', '  ]', '}');
  }
  if (chance(random, 0.2)) lines.push('include "extra.conf"');
  if (chance(random, 0.2)) lines.push(`a: $${pick(random, ['LIMIT', 'PORT', 'port', 'domain'])}`);
  // A listener block written twice: nats-server keeps the last.
  if (chance(random, 0.1)) lines.push(`${pick(random, ['cluster', 'Cluster', 'leafnodes'])} {`, entry('  ', { key: 'host', kind: 'host' }), entry('  ', { key: 'port', kind: 'port' }), '}');
  if (lines.length === 0) lines.push(entry('', pick(random, TOP)));
  return lines.join(chance(random, 0.15) ? '\r\n' : '\n') + '\n';
}

/** The values written in a text: where each scalar after a key or inside a one-line bracket starts and ends. */
function valuesIn(text: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  // A key, its separator, then a quoted or bare value; or a value after `[` or `,` in a bracket.
  const pattern = /(?:[A-Za-z_][\w]*\s*(?::|=|\s)\s*|[[,]\s*)("(?:[^"\\\r\n]|\\.)*"|[^\s,;{}[\]#"$\r\n][^\s,;{}[\]#\r\n]*)/g;
  for (const match of text.matchAll(pattern)) {
    const start = match.index + match[0].length - match[1].length;
    found.push({ start, end: start + match[1].length });
  }
  return found;
}

interface Edit { text: string; rewritesOneValue: boolean; renamesOneKey?: boolean }

/** Where each key written at the start of a line (or after `{` or `,` on it) starts and ends. */
function keysIn(text: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (const match of text.matchAll(/(^|[{,])[ \t]*([A-Za-z_][\w]*)(?=[ \t]*(?::|=|[ \t]))/gm)) {
    const start = match.index + match[0].length - match[2].length;
    found.push({ start, end: start + match[2].length });
  }
  return found;
}

/** Keys typed over a key: typos, other options (some read by the listener rules), aliases, variables. */
const KEY_NAMES = ['port', 'max_payload', 'max_pending', 'max_conn', 'max_connections', 'debug', 'trace', 'name', 'domain', 'store_dir', 'max_mem', 'password', 'pass', 'user', 'url', 'urls', 'account', 'LIMIT', 'PORT', 'host', 'no_tls', 'verify', 'include'];

/** One random edit: mostly one value rewritten (whole, or a character typed or deleted). */
function randomEdit(random: Random, text: string): Edit {
  const values = valuesIn(text);
  const roll = random();
  if (values.length > 0 && roll < 0.85) {
    const { start, end } = pick(random, values);
    const old = text.slice(start, end);
    const typed = pick(random, ['0', '1', '9', 'k', 'b', 'x', 'M', 's', '.', '-', 'a']);
    const at = start + Math.floor(random() * (old.length + 1));
    const quoted = old.startsWith('"');
    const inner = quoted ? Math.min(Math.max(at, start + 1), end - 1) : at;
    const replacement = pick(random, Object.values(VALUES).flat());
    const choice = Math.floor(random() * 3);
    const next =
      choice === 0 ? text.slice(0, start) + replacement + text.slice(end)
      : choice === 1 ? text.slice(0, inner) + typed + text.slice(inner)
      : old.length > (quoted ? 3 : 1) ? text.slice(0, inner) + text.slice(inner + 1) : text.slice(0, start) + replacement + text.slice(end);
    return { text: next, rewritesOneValue: true };
  }
  const keys = keysIn(text);
  if (keys.length > 0 && roll < 0.93) {
    const { start, end } = pick(random, keys);
    const old = text.slice(start, end);
    const typed = pick(random, ['x', 's', '_', 'e']);
    const at = start + Math.floor(random() * (old.length + 1));
    const choice = Math.floor(random() * 3);
    const next =
      choice === 0 ? text.slice(0, start) + pick(random, KEY_NAMES) + text.slice(end)
      : choice === 1 ? text.slice(0, at) + typed + text.slice(at)
      : old.length > 1 ? text.slice(0, at === end ? at - 1 : at) + text.slice((at === end ? at - 1 : at) + 1) : text.slice(0, start) + pick(random, KEY_NAMES) + text.slice(end);
    return { text: next, rewritesOneValue: false, renamesOneKey: true };
  }
  // What the quick check must decline, or may: structure, keys, variables, comments.
  const at = Math.floor(random() * (text.length + 1));
  const insert = pick(random, ['\n', '\r\n', 'x', '$LIMIT', '{', '}', '"', '#', 'include "extra.conf"\n', 'port: 1\n', ',', ' ']);
  return { text: text.slice(0, at) + insert + text.slice(at), rewritesOneValue: false };
}

function fullCheck(text: string): Diagnostic[] {
  return serviceFor().doValidation(TextDocument.create(URI, 'nats-conf', 1, text));
}

function serviceFor(): LanguageService {
  return createLanguageService({ fs: createMemoryFileSystem(FILES), env: {}, lookUpProjectFiles: false });
}

describe('the quick check agrees with the full check', () => {
  it(`${DOCUMENTS} generated configurations, ${EDITS_PER_DOCUMENT} edits each`, async () => {
    let valueEdits = 0;
    let answeredValueEdits = 0;
    let renames = 0;
    let answeredRenames = 0;
    for (let document = 0; document < DOCUMENTS; document++) {
      const random = generator(SEED, document);
      const service = serviceFor();
      const encoder = createPublishEncoder();
      const published = async (diagnostics: Diagnostic[], where: string) => {
        const message = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: URI, version, diagnostics } };
        const bytes = Buffer.from(await encoder.encode(message, { charset: 'utf-8' })).toString('utf8');
        assert.equal(bytes, JSON.stringify(message), `${where}: the publish encoder's bytes differ from JSON.stringify`);
      };
      let text = generateConfig(random);
      let version = 1;
      await published(service.doValidation(TextDocument.create(URI, 'nats-conf', version, text)), `document ${document}`);
      for (let step = 0; step < EDITS_PER_DOCUMENT; step++) {
        const edit = randomEdit(random, text);
        const before = text;
        text = edit.text;
        const current = TextDocument.create(URI, 'nats-conf', ++version, text);
        const answer = service.quickValidation(current);
        if (edit.rewritesOneValue && text !== before) valueEdits++;
        if (edit.renamesOneKey && text !== before) renames++;
        if (answer === undefined) {
          // As the server does: no quick answer, so the full check runs now.
          await published(service.doValidation(current), `document ${document}, edit ${step + 1}`);
          continue;
        }
        if (edit.rewritesOneValue && text !== before) answeredValueEdits++;
        if (edit.renamesOneKey && text !== before) answeredRenames++;
        await published(answer, `document ${document}, edit ${step + 1}`);
        const full = fullCheck(text);
        assert.deepEqual(answer, full, `document ${document}, edit ${step + 1}: the quick answer differs from the full check.\nbefore: ${JSON.stringify(before)}\nafter:  ${JSON.stringify(text)}`);
      }
    }
    const share = answeredValueEdits / valueEdits;
    assert.ok(share >= MIN_QUICK_SHARE, `only ${answeredValueEdits} of ${valueEdits} one-value edits were answered quickly (${(share * 100).toFixed(0)}%, expected at least ${MIN_QUICK_SHARE * 100}%)`);
    assert.ok(answeredRenames >= MIN_QUICK_RENAMES, `only ${answeredRenames} of ${renames} renamed keys were answered quickly (expected at least ${MIN_QUICK_RENAMES})`);
  });
});
