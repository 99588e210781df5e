// Drives every part of the library over one input and checks the invariants that must hold for
// any input at all: nothing throws, the token stream gives the text back, and every range handed
// out (errors, diagnostics, hovers, symbols, folds ...) lies inside the document. Shared by the
// robustness tests and scripts/fuzz.mjs, so a finding of the long run replays as a test.

import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Position, Range } from 'vscode-languageserver-types';
import { createMemoryFileSystem } from '../../server/src/memoryFileSystem';
import { createLanguageService } from '../../server/src/service';
import { parse } from '../../server/src/syntax/parser';
import { evaluateText, ParseCache } from '../../server/src/syntax/evaluate';
import { contextFromFileSystem, createConfigDocument } from '../../server/src/features/document';
import { doHover } from '../../server/src/features/hover';
import { doComplete } from '../../server/src/features/completion';
import { findDefinition } from '../../server/src/features/definition';
import { findReferences } from '../../server/src/features/references';
import { prepareRename, renameVariable } from '../../server/src/features/rename';
import { findDocumentSymbols } from '../../server/src/features/symbols';
import { getFoldingRanges } from '../../server/src/features/folding';
import { getSelectionRanges } from '../../server/src/features/selectionRanges';
import { findDocumentLinks } from '../../server/src/features/documentLinks';
import { readHostSource } from '../../server/src/sources/discover';
import type { HostSourceKind } from '../../server/src/sources/hostSettings';
import { analyzeLattice } from '../../server/src/workspace/latticeAnalysis';
import { checkSecurity } from '../../server/src/rules/security';
import { pathToUri } from '../../server/src/uri';
import { keyTokens, rewriteKey, rewriteValue, scalarTokens } from './valueRewrites';

export const FOLDER = path.resolve('/fuzz');
export const CONFIG_FILE = path.join(FOLDER, 'nats.conf');

/** An invariant that does not hold; the message names the part and the input stays with the caller. */
export class InvariantError extends Error {}

function holds(condition: boolean, message: string): void {
  if (!condition) throw new InvariantError(message);
}

function inside(what: string, start: number, end: number, length: number): void {
  holds(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= length,
    `${what}: range ${start}-${end} outside the document (length ${length})`);
}

/** Lexer and parser: lossless tokens in order, ranges of errors, warnings and nodes inside the text. */
export function checkParse(text: string): void {
  const result = parse(text);
  let at = 0;
  for (const token of result.tokens) {
    holds(token.start === at && token.end > token.start && token.text === text.slice(token.start, token.end), `token ${token.kind} at ${token.start} does not continue the stream at ${at}`);
    at = token.end;
  }
  holds(at === text.length, `tokens cover ${at} of ${text.length} characters`);
  for (const problem of [...result.errors, ...result.warnings]) inside(`syntax ${problem.code}`, problem.start, problem.end, text.length);
  // Walk the tree without recursion: deep inputs are part of the contract.
  const stack: { start: number; end: number; type: string; [key: string]: unknown }[] = [result.document as never];
  while (stack.length) {
    const node = stack.pop()!;
    inside(`node ${node.type}`, node.start, node.end, text.length);
    if (node.type === 'document') stack.push((node as any).body);
    else if (node.type === 'map') stack.push(...(node as any).entries);
    else if (node.type === 'array') stack.push(...(node as any).items);
    else if (node.type === 'entry') {
      inside('key', (node as any).key.start, (node as any).key.end, text.length);
      if ((node as any).value) stack.push((node as any).value);
    }
  }
}

/**
 * The quick check's promise: after a full check, one scalar value or one key rewritten is either
 * declined or answered exactly as a fresh full check answers. What is rewritten, and how, follows
 * from the text.
 */
function quickAgreesWithFull(service: ReturnType<typeof createLanguageService>, text: string, files: Record<string, string>, env: Record<string, string | undefined>): void {
  const tokens = parse(text).tokens;
  const uri = pathToUri(CONFIG_FILE);
  let checkedAsIs = true;
  const tryEdit = (what: string, edited: string) => {
    // Each edit follows a full check of the text itself (the caller made the first).
    if (!checkedAsIs) service.doValidation(TextDocument.create(uri, 'nats-conf', 1, text));
    checkedAsIs = false;
    const document = TextDocument.create(uri, 'nats-conf', 2, edited);
    const quick = service.quickValidation(document);
    if (quick === undefined) return;
    const full = createLanguageService({ fs: createMemoryFileSystem({ ...files, [CONFIG_FILE]: edited }), env }).doValidation(document);
    holds(JSON.stringify(quick) === JSON.stringify(full), `quick check: ${what} answered otherwise than the full check`);
  };
  const scalars = scalarTokens(tokens);
  if (scalars.length > 0) {
    const token = scalars[(text.length * 7) % scalars.length];
    tryEdit(`rewriting ${JSON.stringify(token.text)} at ${token.start}`, rewriteValue(text, token, text.length));
  }
  const keys = keyTokens(tokens);
  if (keys.length > 0) {
    const token = keys[(text.length * 11) % keys.length];
    tryEdit(`renaming ${JSON.stringify(token.text)} at ${token.start}`, rewriteKey(text, token, text.length));
  }
}

function inDocument(what: string, range: Range | undefined, lines: TextDocument): void {
  if (!range) return;
  const last = lines.lineCount - 1;
  for (const p of [range.start, range.end]) {
    holds(p.line >= 0 && p.line <= last && p.character >= 0, `${what}: position ${p.line}:${p.character} outside the document (${lines.lineCount} lines)`);
  }
}

/** Positions to probe: the ends, plus `count` spread over the text by `pick` (0 ≤ pick() < 1). */
export function probePositions(text: string, count: number, pick: () => number): number[] {
  const offsets = [0, text.length];
  for (let i = 0; i < count; i++) offsets.push(Math.floor(pick() * (text.length + 1)));
  return offsets;
}

export interface ConfigExercise {
  /** Also run the single-file editor features at these offsets. */
  offsets?: number[];
  /** Other files next to the config (name relative to the config's folder → text). */
  files?: Record<string, string>;
  env?: Record<string, string | undefined>;
  /** Skip the (quadratic-in-nothing but slower) whole-service validation. */
  skipService?: boolean;
}

/** Every single-file part of the library on one configuration text. Throws on the first broken invariant. */
export function exerciseConfig(text: string, options: ConfigExercise = {}): void {
  checkParse(text);
  const env = options.env ?? { A: '$B', B: '$A', C: '[1, 2' };
  evaluateText(text, env, CONFIG_FILE);
  const files: Record<string, string> = { [CONFIG_FILE]: text };
  for (const [name, content] of Object.entries(options.files ?? {})) files[path.resolve(FOLDER, name)] = content;
  const fs = createMemoryFileSystem(files);
  const uri = pathToUri(CONFIG_FILE);
  const lines = TextDocument.create(uri, 'nats-conf', 1, text);

  if (!options.skipService) {
    const service = createLanguageService({ fs, env });
    for (const diagnostic of service.doValidation(lines)) inDocument(`diagnostic ${diagnostic.code}`, diagnostic.range, lines);
    service.checkFile(CONFIG_FILE);
    quickAgreesWithFull(service, text, files, env);
  }
  const parsed = parse(text);
  for (const problem of checkSecurity({ file: CONFIG_FILE, parsed, readFile: (f) => files[f], env })) {
    if (problem.file === CONFIG_FILE) inside(`security ${problem.code}`, problem.start, problem.end, text.length);
  }

  const doc = createConfigDocument(uri, CONFIG_FILE, text, parsed);
  const ctx = contextFromFileSystem(fs, { env, document: doc, candidateFiles: () => Object.keys(files) });
  for (const symbol of flatten(findDocumentSymbols(doc))) inDocument(`symbol ${symbol.name}`, symbol.range, lines);
  for (const fold of getFoldingRanges(doc)) holds(fold.startLine <= fold.endLine && fold.endLine < lines.lineCount, `folding ${fold.startLine}-${fold.endLine}`);
  for (const link of findDocumentLinks(doc, ctx)) inDocument('document link', link.range, lines);
  const positions: Position[] = (options.offsets ?? []).map((offset) => lines.positionAt(offset));
  if (positions.length) getSelectionRanges(doc, positions);
  for (const position of positions) {
    const hover = doHover(doc, position, ctx);
    inDocument('hover', hover?.range, lines);
    doComplete(doc, position, ctx);
    findDefinition(doc, position, ctx);
    findReferences(doc, position, ctx);
    const rename = prepareRename(doc, position, ctx);
    if ('range' in rename) renameVariable(doc, position, 'RENAMED', ctx);
  }
}

function flatten<T extends { children?: T[] }>(items: T[]): T[] {
  const out: T[] = [];
  const stack = [...items];
  while (stack.length) {
    const item = stack.pop()!;
    out.push(item);
    if (item.children) stack.push(...item.children);
  }
  return out;
}

export const HOST_FILES: Record<HostSourceKind, string> = {
  dotenv: path.join(FOLDER, 'host.env'),
  envrc: path.join(FOLDER, '.envrc'),
  compose: path.join(FOLDER, 'docker-compose.yml'),
  kubernetes: path.join(FOLDER, 'deploy.yaml'),
  systemd: path.join(FOLDER, 'wasmcloud.service'),
};

/** One host-source reader on one text: no throw, problem and variable ranges inside the text. */
export function exerciseHostSource(kind: HostSourceKind, text: string, others: Record<string, string> = {}): void {
  const file = HOST_FILES[kind];
  const result = readHostSource(file, text, { readFile: (f) => others[f] }, kind);
  for (const problem of result.problems) if (problem.file === file) inside(`${kind} ${problem.code}`, problem.start, problem.end, text.length);
  for (const source of result.sources) {
    for (const variable of source.variables) {
      if (variable.file !== file) continue;
      inside(`${kind} name of ${variable.name}`, variable.nameSpan.start, variable.nameSpan.end, text.length);
      inside(`${kind} value of ${variable.name}`, variable.valueSpan.start, variable.valueSpan.end, text.length);
    }
  }
  for (const problem of checkSecurity({ file, hostSource: result, readFile: (f) => others[f], env: {} })) {
    if (problem.file === file) inside(`security ${problem.code}`, problem.start, problem.end, text.length);
  }
}

/** The cross-file analysis over a small workspace held in memory: configs and host sources. */
export function exerciseLattice(files: Record<string, string>): void {
  const texts = new Map(Object.entries(files).map(([name, text]) => [path.resolve(FOLDER, name), text]));
  const all = [...texts.keys()];
  const configs = all.filter((f) => f.endsWith('.conf'));
  const hosts = all.filter((f) => !f.endsWith('.conf'));
  const analysis = analyzeLattice(configs, hosts, { readFile: (f) => texts.get(f), parses: new ParseCache() });
  for (const finding of analysis.findings) {
    for (const at of [finding.at, ...(finding.related ?? []).map((r: any) => r.at ?? r)]) {
      if (!at || typeof at.start !== 'number') continue;
      const text = texts.get(at.file);
      if (text !== undefined) inside(`lattice ${finding.code}`, at.start, at.end, text.length);
    }
  }
}
