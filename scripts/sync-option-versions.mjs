#!/usr/bin/env node
// Writes the `since` (and `aliasSince`) fields of server/src/facts/natsOptions.ts
// from test/fixtures/facts/key-versions.json (made by scripts/opts-key-versions.mjs).
//
// Usage: node scripts/sync-option-versions.mjs [--check]
//   --check  change nothing; exit 1 and list the entries that differ.
//
// natsOptions.ts keeps each block in one object literal starting with `id: '<block>'`,
// and every entry starts with `name: '<key>', since: '<version>',`, which is what
// this script rewrites.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const tablePath = join(repo, 'server/src/facts/natsOptions.ts');
const versions = JSON.parse(readFileSync(join(repo, 'test/fixtures/facts/key-versions.json'), 'utf8')).since;
const check = process.argv.includes('--check');

export function compareVersions(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

const source = readFileSync(tablePath, 'utf8');
const ENTRY = /name: '([^']+)', since: '([^']*)',( aliasSince: \{[^}]*\},)?( aliases: \[([^\]]*)\],)?/g;
const problems = [];
let block = null;
let out = '';
let last = 0;
// Walk the file in order, remembering the latest `id: '<block>'` seen.
const tokens = /id: '([A-Za-z]+)',|name: '[^']+', since: '[^']*',(?: aliasSince: \{[^}]*\},)?(?: aliases: \[[^\]]*\],)?/g;
for (const m of source.matchAll(tokens)) {
  if (m[1]) {
    block = m[1];
    continue;
  }
  const e = new RegExp(ENTRY.source).exec(m[0]);
  const [, name, oldSince, , , aliasText] = e;
  const aliases = aliasText ? [...aliasText.matchAll(/'([^']+)'/g)].map((a) => a[1]) : [];
  const spellings = [name, ...aliases];
  const found = spellings.map((s) => [s, versions[`${block}.${s}`]]);
  const missing = found.filter(([, v]) => !v).map(([s]) => s);
  if (missing.length) problems.push(`${block}: no release found for ${missing.join(', ')}`);
  const known = found.filter(([, v]) => v);
  if (!known.length) continue;
  const since = known.map(([, v]) => v).sort(compareVersions)[0];
  const later = known.filter(([, v]) => compareVersions(v, since) > 0);
  let text = `name: '${name}', since: '${since}',`;
  if (later.length) text += ` aliasSince: { ${later.map(([s, v]) => `${s}: '${v}'`).join(', ')} },`;
  if (aliasText !== undefined) text += ` aliases: [${aliasText}],`;
  if (text !== m[0]) {
    if (oldSince !== since) problems.push(`${block}.${name}: since ${oldSince} -> ${since}`);
    else problems.push(`${block}.${name}: aliasSince changed`);
  }
  out += source.slice(last, m.index) + text;
  last = m.index + m[0].length;
}
out += source.slice(last);

if (check) {
  for (const p of problems) console.log(p);
  process.exit(problems.length ? 1 : 0);
}
writeFileSync(tablePath, out);
console.log(`updated ${tablePath}; ${problems.length} changes`);
