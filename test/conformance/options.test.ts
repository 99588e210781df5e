// Checks the option table against the real nats-server on PATH (Debian ships 2.9.10):
// for every key and alias, a tiny config holding just that key is checked with
// `nats-server -c FILE -t`. Keys the table dates at or before the installed version
// must not be reported as unknown; newer keys must be reported as `unknown field`
// (at the first path segment the installed server does not know).
// Other errors (bad sample values, missing files) are expected and ignored: only
// the unknown-field verdict is compared.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findOption, spellings } from '../../server/src/facts/optionLookup';
import { walkOptions } from '../../server/src/facts/optionWalk';
import type { ValueType } from '../../server/src/facts/optionTypes';
import { availableIn } from '../../server/src/facts/versions';

function installedServerVersion(): string | undefined {
  const run = spawnSync('nats-server', ['--version'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) return undefined;
  return /v(\d+\.\d+\.\d+)/.exec(run.stdout + run.stderr)?.[1];
}

/** A value of the right shape; it need not be valid beyond that. */
function sampleValue(value: ValueType): string {
  switch (value.kind) {
    case 'bool':
      return 'true';
    case 'integer':
      return String(value.min ?? 1);
    case 'number':
      return '1';
    case 'size':
      return '1024';
    case 'duration':
      return '"1s"';
    case 'string':
      return '"x"';
    case 'hostport':
      return '"127.0.0.1:14999"';
    case 'url':
      return '"nats://127.0.0.1:14999"';
    case 'subject':
      return '"foo"';
    case 'enum':
      return JSON.stringify(value.values[0]);
    case 'stringOrArray':
      return sampleValue(value.item);
    case 'array':
      return `[ ${sampleValue(value.item)} ]`;
    case 'map':
      return '{}';
    case 'union':
      return sampleValue(value.of[0]);
  }
}

function configFor(path: readonly string[], leaf: string): string {
  const [head, ...rest] = path;
  const key = JSON.stringify(head);
  if (rest.length === 0) return `${key}: ${leaf}`;
  if (rest[0] === '*') return `${key}: [ { ${configFor(rest.slice(1), leaf)} } ]`;
  return `${key}: { ${configFor(rest, leaf)} }`;
}

function unknownFieldPattern(key: string): RegExp {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`unknown field( name)?\\s*\\[?"${escaped}"`, 'i');
}

interface Verdict {
  path: string[];
  expectKnown: boolean;
  /** Segment the server should name as unknown (expectKnown false). */
  unknownSegment?: string;
  skipReason?: string;
}

/** Where an older server stops recognising the path, from the table's versions. */
function verdictFor(path: string[], serverVersion: string): Verdict {
  for (let i = 1; i <= path.length; i++) {
    if (path[i - 1] === '*') continue;
    const found = findOption(path.slice(0, i));
    if (!found) throw new Error(`table cannot resolve ${path.slice(0, i).join('.')}`);
    if (found.userDefinedName) continue;
    const spelling = path[i - 1];
    const spellingSince = found.option.aliasSince?.[spelling] ?? found.option.since;
    if (!availableIn(spellingSince, serverVersion)) {
      const skipReason =
        found.block.unknownKeys === 'ignored' ? `${found.block.id} ignores unknown keys, so the server cannot tell` : undefined;
      return { path, expectKnown: false, unknownSegment: spelling, skipReason };
    }
  }
  return { path, expectKnown: true };
}

const serverVersion = installedServerVersion();

test('installed nats-server agrees with the table on which keys exist', { skip: serverVersion ? false : 'nats-server is not on PATH' }, (t) => {
  const version = serverVersion!;
  const dir = mkdtempSync(join(tmpdir(), 'nats-options-'));
  const failures: string[] = [];
  let accepted = 0;
  let rejected = 0;
  let skipped = 0;
  try {
    let n = 0;
    for (const entry of walkOptions()) {
      for (const spelling of spellings(entry.option)) {
        const path = [...entry.path.slice(0, -1), spelling];
        const verdict = verdictFor(path, version);
        if (verdict.skipReason) {
          skipped++;
          continue;
        }
        const file = join(dir, `k${n++}.conf`);
        writeFileSync(file, configFor(path, sampleValue(entry.option.value)) + '\n');
        const run = spawnSync('nats-server', ['-c', file, '-t'], { encoding: 'utf8', timeout: 10_000 });
        const output = `${run.stdout}${run.stderr}`;
        const where = `${path.join('.')} (since ${entry.option.since})`;
        if (verdict.expectKnown) {
          accepted++;
          if (unknownFieldPattern(spelling).test(output)) failures.push(`${where}: table says ${version} knows it, server says: ${output.trim()}`);
        } else {
          rejected++;
          if (!unknownFieldPattern(verdict.unknownSegment!).test(output)) {
            failures.push(`${where}: table says ${version} does not know "${verdict.unknownSegment}", server says: ${output.trim() || 'valid'}`);
          }
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  t.diagnostic(`nats-server ${version}: ${accepted} spellings known, ${rejected} reported unknown, ${skipped} not observable`);
  assert.deepEqual(failures, [], `${failures.length} disagreements`);
  assert.ok(accepted > 200 && rejected > 50, `accepted ${accepted}, rejected ${rejected}, skipped ${skipped}`);
});
