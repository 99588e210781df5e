// Runs the option rules on short texts. A case marks the expected range with « and »:
// `port: «"4222"»` expects a problem exactly on `"4222"`.

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { parse } from '../../../../server/src/syntax/parser';
import { checkOptions, OptionProblem } from '../../../../server/src/rules/options';
import { CURRENT_SERVER_VERSION } from '../../../../server/src/facts/versions';

export const ROOT_FILE = path.resolve('/cfg/nats.conf');

export interface CaseOptions {
  version?: string;
  env?: Record<string, string>;
  /** Other files, by path relative to /cfg. */
  files?: Record<string, string>;
}

export function run(text: string, options: CaseOptions = {}): OptionProblem[] {
  const files = new Map(Object.entries(options.files ?? {}).map(([name, body]) => [path.resolve('/cfg', name), body]));
  files.set(ROOT_FILE, text);
  return checkOptions({
    file: ROOT_FILE,
    parsed: parse(text),
    readFile: (f) => files.get(f),
    env: options.env ?? {},
    serverVersion: options.version ?? CURRENT_SERVER_VERSION,
  });
}

export function unmark(marked: string): { text: string; start: number; end: number } {
  const start = marked.indexOf('«');
  const end = marked.indexOf('»');
  assert.ok(start >= 0 && end > start, `case needs «range»: ${marked}`);
  return { text: marked.slice(0, start) + marked.slice(start + 1, end) + marked.slice(end + 1), start, end: end - 1 };
}

function describe(problems: OptionProblem[], text: string): string {
  return problems.map((p) => `${p.code}@${JSON.stringify(text.slice(p.start, p.end))}`).join(', ') || 'nothing';
}

/** Expects a problem with `code` exactly on the marked range of the root file. */
export function expectProblem(marked: string, code: string, options: CaseOptions = {}): OptionProblem {
  const { text, start, end } = unmark(marked);
  const problems = run(text, options);
  const hit = problems.find((p) => p.code === code && p.file === ROOT_FILE && p.start === start && p.end === end);
  assert.ok(hit, `expected ${code} on ${JSON.stringify(text.slice(start, end))} in ${JSON.stringify(text)}; got ${describe(problems, text)}`);
  assert.ok(hit.message.length > 20, 'messages say what is wrong and what to write');
  return hit;
}

/** Expects no problem at all (or none of the given codes). */
export function expectClean(text: string, options: CaseOptions = {}, codes?: string[]): void {
  const problems = run(text, options).filter((p) => !codes || codes.includes(p.code));
  assert.equal(problems.length, 0, `expected no problems in ${JSON.stringify(text)}; got ${describe(problems, text)}`);
}

/** Expects no error (warnings allowed). */
export function expectNoError(text: string, options: CaseOptions = {}): void {
  const problems = run(text, options).filter((p) => p.severity === 'error');
  assert.equal(problems.length, 0, `expected no errors in ${JSON.stringify(text)}; got ${describe(problems, text)}`);
}

// ---- valid public nkeys for samples ------------------------------------------------------------

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function crc16(data: number[]): number {
  let crc = 0;
  for (const byte of data) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** A well-formed public nkey whose first letter is `prefix` (A, U, O, N, C or X). */
export function publicNkey(prefix: string, seed = 7): string {
  const body = [BASE32.indexOf(prefix) << 3, ...Array.from({ length: 32 }, (_, i) => (i * 31 + seed * 17) & 0xff)];
  const sum = crc16(body);
  const bytes = [...body, sum & 0xff, sum >> 8];
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const b of bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) { out += BASE32[(buffer >> (bits - 5)) & 31]; bits -= 5; }
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}
