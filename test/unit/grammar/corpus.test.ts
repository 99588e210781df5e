// Whole-file invariants over nats-server's own test configurations (the shared corpus).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BASE_SCOPE, Token, describeLine, hasScope, tokenAt, tokenizeDocument } from './tokenize';

const CORPUS_ROOT = path.resolve(process.cwd(), '../shared/corpus');
const CORPUS_DIR = path.join(CORPUS_ROOT, 'nats-server');
const EXPECTED = path.join(CORPUS_ROOT, 'expected-nats-server-2.9.10.json');

// A scheme, ://, then the rest of an unquoted value (nats-server ends those at blanks , ; ] } ').
const URL_IN_LINE = /[A-Za-z][A-Za-z0-9+.\-]*:\/\/[^\s,;}\]']*/g;

function listConfigs(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listConfigs(full);
    return entry.name.endsWith('.conf') ? [full] : [];
  });
}

/** Files the upstream conf parser accepts, keyed by path relative to the corpus root. */
function parsableFiles(): Set<string> {
  const records = JSON.parse(fs.readFileSync(EXPECTED, 'utf8')) as Array<{
    file: string;
    conf_parse_main?: { ok: boolean };
  }>;
  return new Set(records.filter((r) => r.conf_parse_main?.ok).map((r) => r.file));
}

function onlyBaseScope(tokens: readonly Token[]): boolean {
  return tokens.every((t) => t.text.trim() === '' || t.scopes.every((s) => s === BASE_SCOPE));
}

const files = fs.existsSync(CORPUS_DIR) ? listConfigs(CORPUS_DIR).sort() : [];
const parsable = fs.existsSync(EXPECTED) ? parsableFiles() : new Set<string>();

test('the shared corpus is present', () => {
  assert.ok(files.length >= 100, `expected the 104 corpus configs under ${CORPUS_DIR}, found ${files.length}`);
});

for (const file of files) {
  const name = path.relative(CORPUS_ROOT, file);
  test(`corpus ${name}`, async () => {
    const text = fs.readFileSync(file, 'utf8');
    const sourceLines = text.split(/\r?\n/);
    const { lines, closedAtEnd } = await tokenizeDocument(text);
    const problems: string[] = [];
    lines.forEach((tokens, i) => {
      const line = sourceLines[i];
      const where = `${name}:${i + 1}`;
      if (line.trim() !== '' && onlyBaseScope(tokens)) {
        problems.push(`${where}: nothing on ${JSON.stringify(line)} got a scope`);
      }
      for (const m of line.matchAll(URL_IN_LINE)) {
        const start = m.index ?? 0;
        const first = tokenAt(tokens, start);
        if (!first || hasScope(first.scopes, 'comment')) continue; // a URL written in a comment
        const end = start + m[0].length;
        const inside = tokens.filter((t) => t.start < end && t.end > start);
        if (inside.some((t) => hasScope(t.scopes, 'comment'))) {
          problems.push(`${where}: a comment starts inside the value ${m[0]}:\n${describeLine(tokens)}`);
        }
      }
    });
    if (parsable.has(name)) {
      lines.forEach((tokens, i) => {
        const bad = tokens.find((t) => hasScope(t.scopes, 'invalid'));
        if (bad) problems.push(`${name}:${i + 1}: ${JSON.stringify(bad.text)} marked invalid in a file nats-server parses`);
      });
      if (!closedAtEnd) problems.push(`${name}: a map, array or string is still open at the end of a file nats-server parses`);
    }
    assert.deepEqual(problems, []);
  });
}
