// Agreement of our option checks with `nats-server -t` (Debian's 2.9.10), on the shared corpus and
// on our own cases (test/conformance/option-cases, recorded by option-cases/record.mjs).
//
// Agreement means: every `file:line:col: reason` error nats-server prints is matched by an error of
// ours on that line of that file (a warning counts when its code is one nats-server only warns
// about but -t fails on: see FAILS_CHECK_ONLY), and where nats-server accepts a file we report no
// error at all. Our rules run with target version 2.9.10, so a key newer than that must come out
// as `key-newer-than-target`. Lexer errors ("Parse error on line N") belong to the syntax layer and
// are counted separately; messages without a location only require some error of ours.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { evaluate } from '../../server/src/syntax/evaluate';
import { parse } from '../../server/src/syntax/parser';
import { checkOptions, FAILS_CHECK_ONLY, OptionCode } from '../../server/src/rules/options';
import { corpusRoot, corpusRunDir, loadCorpus } from './corpus';

const TARGET = '2.9.10';

interface Problem { file: string; start: number; code: string; message: string; severity: string }

function readOrUndefined(file: string): string | undefined {
  try { return fs.readFileSync(file, 'utf8'); } catch { return undefined; }
}

/** What the service reports for a file: evaluation (syntax, variables, includes) plus the option rules. */
export function ourProblems(file: string, env: Record<string, string> = {}): Problem[] {
  const text = fs.readFileSync(file, 'utf8');
  const evaluated = evaluate(file, { readFile: readOrUndefined, env });
  const options = checkOptions({ file, parsed: parse(text), readFile: readOrUndefined, env, serverVersion: TARGET });
  const problems: Problem[] = [
    ...evaluated.diagnostics.map((d) => ({ file: d.file, start: d.start, code: d.code, message: d.message, severity: d.severity ?? 'error' })),
    ...options.map((p) => ({ file: p.file, start: p.start, code: p.code, message: p.message, severity: p.severity })),
  ];
  return problems;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

interface Reported { file?: string; line?: number; reason: string; parseError?: boolean }

/** The problems in one `nats-server -t` output. */
export function reportedByNatsServer(output: string): Reported[] {
  const lines = output.replace(/^nats-server: /, '').split('\n').map((l) => l.trim()).filter((l) => l && !/configuration file .* is valid/.test(l));
  return lines.map((l): Reported => {
    const located = /^(.+?):(\d+):(\d+): (.*)$/.exec(l);
    if (located) return { file: located[1], line: Number(located[2]), reason: located[4] };
    const parseError = /^Parse error on line (\d+)/.exec(l);
    if (parseError) return { line: Number(parseError[1]), reason: l, parseError: true };
    return { reason: l };
  });
}

interface Tally {
  located: number; matched: number; newer: number; parseErrors: number; parseMatched: number; unlocated: number; unlocatedMatched: number;
  acceptedFiles: number; falseAlarms: number; misses: string[]; alarms: string[];
}

function newTally(): Tally {
  return { located: 0, matched: 0, newer: 0, parseErrors: 0, parseMatched: 0, unlocated: 0, unlocatedMatched: 0, acceptedFiles: 0, falseAlarms: 0, misses: [], alarms: [] };
}

function counts(p: Problem): boolean {
  return p.severity === 'error' || FAILS_CHECK_ONLY.has(p.code);
}

function judge(tally: Tally, name: string, mainFile: string, runDir: string, output: string, pass: boolean): void {
  const all = ourProblems(mainFile);
  // Where nats-server fails, a warning it only prints (and -t fails on) counts; where it accepts, only errors do.
  const ours = pass ? all.filter((p) => p.severity === 'error') : all.filter(counts);
  const texts = new Map<string, string>();
  const textOf = (f: string) => { if (!texts.has(f)) texts.set(f, readOrUndefined(f) ?? ''); return texts.get(f)!; };
  if (pass) {
    tally.acceptedFiles++;
    if (ours.length) {
      tally.falseAlarms++;
      tally.alarms.push(`${name}: nats-server accepts it, we report ${ours.map((p) => `${path.basename(p.file)}:${lineOf(textOf(p.file), p.start)} ${p.code}`).join(', ')}`);
    }
    return;
  }
  for (const r of reportedByNatsServer(output)) {
    if (r.parseError) {
      tally.parseErrors++;
      if (ours.length) tally.parseMatched++;
      continue;
    }
    if (!r.file || r.line === undefined) {
      tally.unlocated++;
      if (ours.length) tally.unlocatedMatched++;
      else tally.misses.push(`${name}: "${r.reason}" (no location), we report nothing`);
      continue;
    }
    tally.located++;
    const file = path.resolve(runDir, r.file);
    const onLine = ours.filter((p) => path.resolve(p.file) === file && lineOf(textOf(p.file), p.start) === r.line);
    if (onLine.length) {
      tally.matched++;
      if (onLine.some((p) => p.code === OptionCode.keyNewerThanTarget)) tally.newer++;
    } else {
      tally.misses.push(`${name}: ${r.file}:${r.line}: ${r.reason} — we report ${ours.map((p) => `${path.basename(p.file)}:${lineOf(textOf(p.file), p.start)} ${p.code}`).join(', ') || 'nothing'}`);
    }
  }
}

function summary(label: string, t: Tally): string {
  return `${label}: ${t.matched}/${t.located} located -t errors matched on their line (${t.newer} as key-newer-than-target); `
    + `${t.unlocatedMatched}/${t.unlocated} unlocated ones met by some error; ${t.parseMatched}/${t.parseErrors} lexer errors met by some error (the syntax layer checks their lines); `
    + `${t.acceptedFiles - t.falseAlarms}/${t.acceptedFiles} accepted files without an error of ours`;
}

/**
 * Disagreements we understand and cannot remove, with the reason. Keyed by "name: start of the message".
 * Kept short: each entry is a real limit of static checking.
 */
const KNOWN: Record<string, string> = {
  'unknown-ignored-block.conf: unknown-ignored-block.conf:1: error parsing operator JWT':
    'nats-server -t opens the files a configuration names (operator JWTs, certificates, resolver folders); our rules check the text only.',
};

function unexplained(list: string[]): string[] {
  return list.filter((m) => !Object.keys(KNOWN).some((k) => m.startsWith(k)));
}

test('option errors agree with nats-server -t on the shared corpus', (t) => {
  const root = corpusRoot();
  if (!root) { t.skip('shared corpus not found'); return; }
  const tally = newTally();
  for (const entry of loadCorpus(root)) {
    const runDir = corpusRunDir(root, entry);
    const main = path.resolve(runDir, entry.config_arg);
    judge(tally, entry.file, main, runDir, entry.nats_server_2_9_10_t.output, entry.nats_server_2_9_10_t.pass);
  }
  console.log(summary('corpus', tally));
  for (const m of [...tally.misses, ...tally.alarms]) console.log('  ' + m);
  assert.deepEqual(unexplained([...tally.misses, ...tally.alarms]), []);
});

interface RecordedCase { file: string; pass: boolean; output: string; env?: Record<string, string> }

test('option errors agree with nats-server -t on our option cases', (t) => {
  const dir = path.resolve(process.cwd(), 'test/conformance/option-cases');
  const recorded = path.join(dir, 'expected-nats-server-2.9.10.json');
  if (!fs.existsSync(recorded)) { t.skip('no recorded cases'); return; }
  const cases = JSON.parse(fs.readFileSync(recorded, 'utf8')) as RecordedCase[];
  assert.ok(cases.length >= 40, `at least 40 recorded cases, found ${cases.length}`);
  const tally = newTally();
  for (const c of cases) judge(tally, c.file, path.join(dir, c.file), dir, c.output, c.pass);
  console.log(summary('option cases', tally));
  for (const m of [...tally.misses, ...tally.alarms]) console.log('  ' + m);
  assert.deepEqual(unexplained([...tally.misses, ...tally.alarms]), []);
});
