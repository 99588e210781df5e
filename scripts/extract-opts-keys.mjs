#!/usr/bin/env node
// Extracts every config key nats-server switches on (per parse function) and
// compares them with our option table (server/src/facts/natsOptions.ts).
//
// Usage: node scripts/extract-opts-keys.mjs [mirror] [--rev <git rev>] [--list] [--json]
//   mirror   bare git dir of nats-server (default /work/.mirror/nats-io+nats-server/repo)
//   --rev    revision to read (default HEAD)
//   --list   print the extracted keys per parse function
//   --json   print the comparison as JSON
//   --write-fixture <file>  also save the extracted key groups (names only) as JSON,
//            for the unit tests that check the table without the mirror
// Exit status 1 when a key of the sources is missing from the table, a key sits in
// another alias group than in the sources, or a parse function is not mapped to a block.
//
// How the comparison works: each `case "a", "b":` of a key switch (or a direct
// `m["key"]` lookup) is one group. The parse function (plus the keys of the
// enclosing switches, for nested maps) maps to one table block id. Every spelling
// of the group must be a name or alias of the same table entry, and every table
// spelling must occur in the sources ("extra" otherwise).

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MIRROR, keyGroupsAt } from './lib/goConfigKeys.mjs';
import { requireTs } from './lib/loadTs.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The option table, loaded straight from its TypeScript source. */
export function loadTable() {
  return requireTs(join(repo, 'server/src/facts/natsOptions.ts'));
}

export function compare(groups, BLOCKS) {
  const unmapped = [];
  const missing = [];
  const regrouped = [];
  const seen = new Map(); // block id -> Set of spellings found in sources
  for (const g of groups) {
    const where = `${g.file}:${g.line} ${g.func}${g.path.length ? ` (in ${g.path.join('.')})` : ''}`;
    if (!g.block || !BLOCKS[g.block]) {
      unmapped.push(`${where}: ${g.names.join(', ')}`);
      continue;
    }
    const block = BLOCKS[g.block];
    if (!seen.has(g.block)) seen.set(g.block, new Set());
    for (const n of g.names) seen.get(g.block).add(n);
    const entryOf = (n) => block.keys.find((k) => k.name === n || (k.aliases ?? []).includes(n));
    for (const n of g.names) {
      if (!entryOf(n)) missing.push(`${g.block}.${n}  (${where})`);
    }
    if (g.via === 'switch') {
      const entries = new Set(g.names.map(entryOf).filter(Boolean));
      const entry = [...entries][0];
      const spellings = entry ? [entry.name, ...(entry.aliases ?? [])].sort() : [];
      if (entries.size > 1 || (entry && spellings.join() !== [...g.names].sort().join())) {
        regrouped.push(`${g.block}: sources group [${g.names.join(', ')}], table has [${spellings.join(', ')}]`);
      }
    }
  }
  const extra = [];
  let tableOptions = 0;
  let tableSpellings = 0;
  for (const [id, block] of Object.entries(BLOCKS)) {
    for (const k of block.keys) {
      tableOptions++;
      for (const s of [k.name, ...(k.aliases ?? [])]) {
        tableSpellings++;
        if (!seen.get(id)?.has(s)) extra.push(`${id}.${s}`);
      }
    }
  }
  return { unmapped, missing, regrouped: [...new Set(regrouped)], extra, tableOptions, tableSpellings };
}

function main() {
  const args = process.argv.slice(2);
  const revIndex = args.indexOf('--rev');
  const rev = revIndex >= 0 ? args[revIndex + 1] : 'HEAD';
  const valueArgs = new Set([revIndex + 1, args.indexOf('--write-fixture') + 1].filter((i) => i > 0));
  const mirror = args.find((a, i) => !a.startsWith('--') && !valueArgs.has(i)) ?? DEFAULT_MIRROR;
  const groups = keyGroupsAt(mirror, rev);
  const { BLOCKS } = loadTable();
  const result = compare(groups, BLOCKS);
  const extractedNames = new Set(groups.filter((g) => g.block).flatMap((g) => g.names.map((n) => `${g.block}.${n}`)));
  // A direct lookup of a name that a switch also handles is the same option, not another one.
  const switchNames = new Set(groups.filter((g) => g.block && g.via === 'switch').flatMap((g) => g.names.map((n) => `${g.block}.${n}`)));
  const extractedOptions = new Set(
    groups
      .filter((g) => g.block && (g.via === 'switch' || !switchNames.has(`${g.block}.${g.names[0]}`)))
      .map((g) => `${g.block}.${g.names[0]}`),
  );

  const fixtureIndex = args.indexOf('--write-fixture');
  if (fixtureIndex >= 0) {
    const unique = new Map();
    for (const g of groups) {
      if (!g.block) continue;
      const key = `${g.block}|${g.names.join(',')}`;
      if (!unique.has(key)) unique.set(key, { block: g.block, names: g.names, via: g.via });
    }
    const commit = execFileSync('git', ['-C', mirror, 'rev-parse', rev], { encoding: 'utf8' }).trim();
    const fixture = { source: `nats-server ${rev} (${commit})`, groups: [...unique.values()] };
    writeFileSync(args[fixtureIndex + 1], JSON.stringify(fixture, null, 1) + '\n');
  }
  if (args.includes('--json')) {
    console.log(JSON.stringify({ mirror, rev, extractedOptions: extractedOptions.size, extractedSpellings: extractedNames.size, ...result }, null, 2));
  } else {
    if (args.includes('--list')) {
      const byFunc = new Map();
      for (const g of groups) {
        const k = `${g.func}${g.path.length ? `[${g.path.join('.')}]` : ''} -> ${g.block ?? '?'}`;
        if (!byFunc.has(k)) byFunc.set(k, []);
        byFunc.get(k).push(g.names.join('|'));
      }
      for (const [k, v] of byFunc) console.log(`${k}\n  ${v.join(' ')}`);
      console.log();
    }
    console.log(`nats-server ${rev} at ${mirror}`);
    console.log(`extracted: ${extractedOptions.size} options (${extractedNames.size} spellings incl. aliases)`);
    console.log(`table:     ${result.tableOptions} options (${result.tableSpellings} spellings incl. aliases)`);
    const section = (title, list) => {
      console.log(`${title}: ${list.length}`);
      for (const line of list) console.log(`  ${line}`);
    };
    section('missing from table', result.missing);
    section('grouped differently', result.regrouped);
    section('parse functions without a table block', result.unmapped);
    section('extra in table (not in these sources)', result.extra);
  }
  const failed = result.missing.length + result.regrouped.length + result.unmapped.length > 0;
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
