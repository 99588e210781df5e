// The mutation fuzzer's inputs: seeds from the shared nats-server corpus, our conformance cases,
// fixtures and examples, mutated deterministically from (seed, index), so any input of a run can
// be rebuilt from those two numbers alone.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HostSourceKind } from '../../server/src/sources/hostSettings';

export interface SeedFile { kind: 'config' | HostSourceKind; text: string; name: string }

function filesUnder(folder: string, out: string[] = []): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) filesUnder(full, out);
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

function kindOf(file: string): SeedFile['kind'] | undefined {
  const base = path.basename(file);
  if (/\.conf$/.test(base) && !/\.service\.d\//.test(file)) return 'config';
  if (base === '.envrc') return 'envrc';
  if (base.endsWith('.env') || base.startsWith('.env')) return 'dotenv';
  if (/compose.*\.ya?ml$/.test(base)) return 'compose';
  if (/\.ya?ml$/.test(base)) return 'kubernetes';
  if (base.endsWith('.service')) return 'systemd';
  return undefined;
}

/** Seeds from the places the brief names; `root` is the repository (the corpus sits next to it). */
export function loadSeeds(root: string): SeedFile[] {
  const folders = [
    path.resolve(root, '../shared/corpus/nats-server'),
    path.join(root, 'test/conformance/cases'),
    path.join(root, 'test/fixtures'),
    path.join(root, 'examples'),
    path.join(root, 'test/truth/scenarios'),
  ];
  const seeds: SeedFile[] = [];
  for (const folder of folders) {
    for (const file of filesUnder(folder)) {
      const kind = kindOf(file);
      if (!kind) continue;
      const text = fs.readFileSync(file, 'utf8');
      if (text.length <= 200_000) seeds.push({ kind, text, name: path.relative(root, file) });
    }
  }
  return seeds;
}

/** A small fast generator (mulberry32); the same (seed, index) gives the same stream. */
export function generator(seed: number, index: number): () => number {
  let state = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JUNK = [
  '{', '}', '[', ']', '(', ')', '"', "'", '\\', '$', '${', '#', '//', '/', '=', ':', ';', ',', '\n', '\r\n', '\r', ' ', '\t',
  '-', '.', '0', '1k', '1kb', '2m', '"2m"', 'x', 'é', '😀', '\ud800', '\u0000', '\uFEFF', 'include ', 'include "nats.conf"\n',
  'include "."\n', '$A', '$B', 'true', 'nats://h:4222', '2024-01-01T00:00:00Z', '\n)\n', '(\n', 'password: ', 'tls { insecure: true }\n',
  'leafnodes { port: 7422 }\n', 'no_auth_user: a\n', 'SUAM3EWDUJNQIWM6ZVL7QI3VJ2XUU6NMHZCVNFIFJXOLUJNFU5GSHGGU5M', 'eyJ0.eyJ1.c2ln',
  'export ', 'environment:\n  - ', '&a [*a,*a]', '<<: *a', 'Environment=', '[Service]\n', 'env:\n- name: X\n  value: ',
];

export function mutate(text: string, others: readonly SeedFile[], next: () => number): string {
  const pick = (n: number) => Math.floor(next() * n);
  let out = text;
  for (let round = 0, rounds = 1 + pick(6); round < rounds; round++) {
    const at = pick(out.length + 1);
    switch (pick(8)) {
      case 0: out = out.slice(0, at) + JUNK[pick(JUNK.length)] + out.slice(at); break;
      case 1: out = out.slice(0, at) + out.slice(at + 1 + pick(16)); break;
      case 2: { const from = pick(out.length + 1); out = out.slice(0, at) + out.slice(from, from + pick(64)) + out.slice(at); break; }
      case 3: { const other = others[pick(others.length)].text; const from = pick(other.length + 1); out = out.slice(0, at) + other.slice(from, from + pick(200)) + out.slice(at); break; }
      case 4: out = out.slice(0, at); break;
      case 5: { const c = out.charCodeAt(at); if (!Number.isNaN(c)) out = out.slice(0, at) + String.fromCharCode(c ^ (1 << pick(7))) + out.slice(at + 1); break; }
      case 6: { const open = ['{', '[', 'a {', 'a = ['][pick(4)]; out = out.slice(0, at) + open.repeat(1 + pick(200)) + out.slice(at); break; }
      default: out = out.slice(0, at) + out.slice(at).replace(/\n/g, () => (next() < 0.3 ? '\r\n' : '\n')); break;
    }
  }
  return out;
}

export interface FuzzInput { kind: SeedFile['kind']; text: string; seedName: string; offsets: number[] }

/** Input number `index` of the run with seed `seed`. */
export function fuzzInput(seeds: readonly SeedFile[], seed: number, index: number): FuzzInput {
  const next = generator(seed, index);
  const base = seeds[Math.floor(next() * seeds.length)];
  const text = mutate(base.text, seeds, next);
  const offsets = [0, text.length, Math.floor(next() * (text.length + 1)), Math.floor(next() * (text.length + 1))];
  return { kind: base.kind, text, seedName: base.name, offsets };
}
