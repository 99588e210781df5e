// Data-driven helpers for the syntax layer tests: one per feature, each taking a short input.

import assert from 'node:assert/strict';
import { parse } from '../../../server/src/syntax/parser';
import { evaluateText, evaluate, EvalDiagnostic } from '../../../server/src/syntax/evaluate';
import { ConfigValue, ParseResult } from '../../../server/src/syntax/tree';

/** Turns our null-prototype maps into plain objects so deepStrictEqual compares contents only. */
export function plain(v: ConfigValue | undefined): unknown {
  if (Array.isArray(v)) return v.map(plain);
  if (v instanceof Date || typeof v !== 'object' || v === null) return v;
  const o: Record<string, unknown> = {};
  for (const k of Object.keys(v)) o[k] = plain(v[k]);
  return o;
}

export function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** The input parses without errors and evaluates (no environment) to `expected`. */
export function expectValues(input: string, expected: Record<string, unknown>, env: Record<string, string> = {}): void {
  const r = parse(input);
  assert.deepEqual(r.errors.map((e) => `${e.code}: ${e.message}`), [], `unexpected errors for ${JSON.stringify(input)}`);
  const ev = evaluateText(input, env);
  const errs = ev.diagnostics.filter((d) => d.severity !== 'warning');
  assert.deepEqual(errs.map((d) => d.code), [], `unexpected diagnostics for ${JSON.stringify(input)}`);
  assert.deepStrictEqual(plain(ev.value), expected, `values of ${JSON.stringify(input)}`);
}

export interface ExpectedError { line: number; code: string }

/** The input has exactly these errors (nats-server line, code), in text order. */
export function expectErrors(input: string, expected: ExpectedError[]): ParseResult {
  const r = parse(input);
  assert.deepEqual(r.errors.map((e) => ({ line: e.line, code: e.code })), expected, `errors of ${JSON.stringify(input)}: ${r.errors.map((e) => e.message).join(' | ')}`);
  for (const e of r.errors) {
    assert.ok(e.start <= e.end && e.end <= input.length, 'error range inside the text');
    assert.ok(e.message.length > 20, 'error message says something');
  }
  return r;
}

/** The input has (at least) an error whose nats-server line is `line` and whose code is `code`. */
export function expectErrorOnLine(input: string, line: number, code?: string): void {
  const r = parse(input);
  assert.ok(r.errors.some((e) => e.line === line && (code === undefined || e.code === code)),
    `expected ${code ?? 'an error'} on line ${line} for ${JSON.stringify(input)}, got ${r.errors.map((e) => `${e.code}@${e.line}`).join(', ') || 'none'}`);
}

export function expectWarnings(input: string, codes: string[]): void {
  const r = parse(input);
  assert.deepEqual(r.errors.map((e) => e.code), [], `no errors for ${JSON.stringify(input)}`);
  assert.deepEqual(r.warnings.map((w) => w.code), codes, `warnings of ${JSON.stringify(input)}`);
}

/** Concatenating the tokens gives the input back, and tokens are contiguous. */
export function expectLossless(input: string): void {
  const r = parse(input);
  let pos = 0;
  for (const t of r.tokens) {
    assert.equal(t.start, pos, `token ${t.kind} starts where the previous ended in ${JSON.stringify(input)}`);
    assert.equal(t.text, input.slice(t.start, t.end));
    assert.ok(t.end > t.start, 'no empty tokens');
    pos = t.end;
  }
  assert.equal(pos, input.length);
}

/** The token kinds of the input, whitespace and newlines left out. */
export function expectTokenKinds(input: string, kinds: string[]): void {
  const r = parse(input);
  assert.deepEqual(r.tokens.filter((t) => t.kind !== 'whitespace' && t.kind !== 'newline').map((t) => `${t.kind}:${t.text}`), kinds);
}

/** Evaluates a set of in-memory files; the first is the root. */
export function evaluateFiles(files: Record<string, string>, env: Record<string, string> = {}) {
  const names = Object.keys(files);
  return evaluate(names[0], { readFile: (p) => files[p], env });
}

export function diagSummary(ds: EvalDiagnostic[]): string[] {
  return ds.map((d) => `${d.file}:${d.code}`);
}

export { parse };
