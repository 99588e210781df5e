// The quick check: a change that only rewrites one value on one line (typing a port, a limit, a
// password, a subject) is answered from the previous check of the document instead of checking all
// of it again. Every finding elsewhere stays where it was (moved along the line when the value's
// length changed); the value's own findings come from checking a miniature of the file: the blocks
// that lead to the value's line, and the line itself.
//
// Whether that is the same answer as a full check is decided, not assumed:
// - the line must read the same on its own as in the file (same tokens), before and after;
// - the miniature must give exactly the findings the previous check had at the old value, so
//   nothing about the value depended on the rest of the file;
// - the old and the new value must make no difference to the miniature's findings anywhere else;
// - no key on the way to the value may be read elsewhere through a `$variable`, be set twice in its
//   block, or share its block with an `include` (these let the rest of the file see the value).
// Anything else is answered "cannot tell" and gets a full check. The language server still runs the
// full check once typing pauses, and publishes it if it differs.

import { Diagnostic, Range } from 'vscode-languageserver-types';
import { READ_TOGETHER } from './rules/security';
import { Code } from './syntax/codes';
import { lineContaining, lineStarts } from './syntax/lines';
import { parse } from './syntax/parser';
import type { ArrayNode, EntryNode, IncludeNode, MapNode, ParseResult, Token, TokenKind, ValueNode } from './syntax/tree';

/** What a check of a document leaves for the next quick check. */
export interface CheckedDocument {
  /** The text the diagnostics describe. */
  readonly text: string;
  /** Where each line of `text` starts. */
  readonly lineStarts: readonly number[];
  /** The document's own findings, finished and in canonical order (compareDiagnostics). */
  readonly diagnostics: readonly Diagnostic[];
  /** The parse of the last full check. Quick checks only change values, never lines or keys. */
  readonly tree: ParseResult;
  /** Where each line of `tree.text` starts (built on the first quick check). */
  treeLineStarts?: readonly number[];
  /** Lower-cased names written after a `$` anywhere in `tree.text` (built on the first quick check). */
  referenced?: ReadonlySet<string>;
}

export interface QuickCheckHost {
  /** The document's URI: related places in other documents never move. */
  uri: string;
  /** The findings of a full check of `text` in this document's place, not yet finished. */
  check(text: string): Diagnostic[];
  /** Suppression comments of `text` and rule levels, applied as the full check applies them. */
  finish(diagnostics: Diagnostic[], text: string): Diagnostic[];
}

/** The record a full check leaves. */
export function checkedDocument(text: string, tree: ParseResult, diagnostics: readonly Diagnostic[]): CheckedDocument {
  return { text, lineStarts: lineStarts(text), diagnostics, tree };
}

/** The order of a document's diagnostics: by range, then code, severity and message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.range.end.line - b.range.end.line ||
    a.range.end.character - b.range.end.character ||
    compareText(String(a.code ?? ''), String(b.code ?? '')) ||
    (a.severity ?? 0) - (b.severity ?? 0) ||
    compareText(messageText(a), messageText(b))
  );
}

/**
 * The check of `text` after `previous`, when the change between them is one the quick check can
 * answer exactly; undefined when it cannot (then a full check is needed).
 */
export function quickCheck(previous: CheckedDocument, text: string, host: QuickCheckHost): CheckedDocument | undefined {
  try {
    return checkOneValue(previous, text, host);
  } catch (error) {
    if (error instanceof QuickCheckGaveUp) return undefined;
    throw error;
  }
}

function checkOneValue(previous: CheckedDocument, text: string, host: QuickCheckHost): CheckedDocument | undefined {
  if (text === previous.text) return previous;
  // A lone CR ends a line for the editor but not for lineStartsOf: positions would drift.
  if (/\r(?!\n)/.test(text)) return undefined;
  const edit = changedSpan(previous.text, text);
  const delta = text.length - previous.text.length;
  const line = lineContaining(previous.lineStarts, edit.start);
  const lineStart = previous.lineStarts[line];
  const oldLineEnd = line + 1 < previous.lineStarts.length ? previous.lineStarts[line + 1] - 1 : previous.text.length;
  // The change stays on one line: no line break removed or written.
  if (edit.oldEnd > oldLineEnd || edit.newEnd > oldLineEnd + delta) return undefined;
  if (hasLineBreak(previous.text, edit.start, edit.oldEnd) || hasLineBreak(text, edit.start, edit.newEnd)) return undefined;

  const tree = previous.tree;
  const treeLineStarts = (previous.treeLineStarts ??= lineStarts(tree.text));
  if (treeLineStarts.length !== previous.lineStarts.length) return undefined;
  const treeLineStart = treeLineStarts[line];
  const treeLineEnd = line + 1 < treeLineStarts.length ? treeLineStarts[line + 1] - 1 : tree.text.length;

  const asWritten = lineAlone(tree.text.slice(treeLineStart, treeLineEnd));
  const before = lineAlone(previous.text.slice(lineStart, oldLineEnd));
  const after = lineAlone(text.slice(lineStart, oldLineEnd + delta));
  if (!asWritten || !before || !after) return undefined;
  if (!sameTokensButScalars(asWritten.parse.tokens, before.parse.tokens)) return undefined;
  const changed = theOneChangedScalar(before.parse.tokens, after.parse.tokens);
  if (changed === undefined) return undefined;
  const oldToken = before.parse.tokens[changed];
  const newToken = after.parse.tokens[changed];
  if (edit.start - lineStart < oldToken.start || edit.oldEnd - lineStart > oldToken.end || edit.newEnd - lineStart > newToken.end) return undefined;
  if (!readsTheSameInAnyBlock(newToken)) return undefined;

  // The line's entry in the file, and the blocks around it.
  const found = entryAt(tree.document.body, treeLineStart + asWritten.entry.start);
  if (!found || found.entry.end !== treeLineStart + asWritten.entry.end || !sameShape(found.entry, asWritten.entry, treeLineStart)) return undefined;
  const referenced = (previous.referenced ??= namesAfterDollar(tree.text));
  const keys = [...found.path.flatMap((step) => (step.key ? [step.key] : [])), ...keysOf(asWritten.entry)];
  if (keys.some((key) => referenced.has(key.toLowerCase()))) return undefined;
  if (found.maps.some((map) => map.entries.some((entry) => entry.type === 'include'))) return undefined;
  // Rules that judge a block as a whole (listeners, TLS) read these beside other keys.
  const lineKeys = keysOf(asWritten.entry).map((key) => key.toLowerCase());
  if (lineKeys.some((key) => VALUE_READ_TOGETHER.has(key))) return undefined;
  // A value nats-server drops (`1kbb`) leaves its key waiting for the next value, and a key without
  // a value ends the reading of its block: either changes what the keys after it mean.
  if (isDropped(before.entry, oldToken) || isDropped(after.entry, newToken)) return undefined;
  if (tree.warnings.some((warning) => warning.code === Code.keyWithoutValue || warning.code === Code.unknownSizeSuffix)) return undefined;
  const parent = found.maps[found.maps.length - 1];
  const name = found.entry.key.name.toLowerCase();
  if (parent.entries.some((entry) => entry !== found.entry && entry.type === 'entry' && entry.key.name.toLowerCase() === name)) return undefined;

  // The miniature, before and after: the value's findings, and proof that they stay at the value.
  const openers = found.path.map((step) => step.open);
  const closers = found.path.map((step) => step.close).reverse();
  const miniLine = openers.length;
  const miniature = (valueLine: string) => [...openers, valueLine, ...closers, ''].join('\n');
  const miniBefore = split(host.check(miniature(before.line)), miniLine, oldToken);
  const miniAfter = split(host.check(miniature(after.line)), miniLine, newToken);
  if (!sameList(miniBefore.elsewhere, miniAfter.elsewhere)) return undefined;
  const expectedBefore = host.finish(miniBefore.atValue.map((d) => moveLine(d, miniLine, line, host.uri)), previous.text).sort(compareDiagnostics);
  const atValue = host.finish(miniAfter.atValue.map((d) => moveLine(d, miniLine, line, host.uri)), text).sort(compareDiagnostics);

  // The previous findings: those at the old value go (and must be what the miniature found there),
  // those after it on the same line move with the line's end, the rest stay as they are.
  const columnShift = { line, from: oldToken.end, by: delta, keepBefore: oldToken.start };
  const kept: Diagnostic[] = [];
  const removed: Diagnostic[] = [];
  for (const diagnostic of previous.diagnostics) {
    const place = placeOf(diagnostic.range, columnShift);
    if (place === 'unclear') return undefined;
    if (place === 'value') { removed.push(diagnostic); continue; }
    const moved = shifted(diagnostic, columnShift, host.uri);
    if (moved === undefined) return undefined;
    kept.push(moved);
  }
  if (!sameList(removed, expectedBefore)) return undefined;
  for (const diagnostic of atValue) kept.splice(upperBound(kept, diagnostic), 0, diagnostic);

  const movedLineStarts = previous.lineStarts.slice();
  if (delta !== 0) for (let i = line + 1; i < movedLineStarts.length; i++) movedLineStarts[i] += delta;
  return { text, lineStarts: movedLineStarts, diagnostics: kept, tree, treeLineStarts, referenced };
}

// ---------------------------------------------------------------------------------------------
// The change

/** The one span that differs: [start, oldEnd) of the old text became [start, newEnd) of the new. */
function changedSpan(a: string, b: string): { start: number; oldEnd: number; newEnd: number } {
  // Comparing slices compares memory natively; halving finds the first difference in a few passes.
  let low = 0;
  let high = Math.min(a.length, b.length);
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (a.slice(low, middle) === b.slice(low, middle)) low = middle;
    else high = middle - 1;
  }
  const start = low;
  low = 0;
  high = Math.min(a.length, b.length) - start;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (a.slice(a.length - middle, a.length - low) === b.slice(b.length - middle, b.length - low)) low = middle;
    else high = middle - 1;
  }
  return { start, oldEnd: a.length - low, newEnd: b.length - low };
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}


// ---------------------------------------------------------------------------------------------
// The line on its own

interface LineAlone {
  line: string;
  parse: ParseResult;
  entry: EntryNode;
}

/** A line that is exactly one `key: value` entry (comments allowed) with no syntax error. */
function lineAlone(line: string): LineAlone | undefined {
  const parsed = parse(line);
  if (parsed.errors.length > 0 || parsed.document.body.open) return undefined;
  const entries = parsed.document.body.entries;
  if (entries.length !== 1 || entries[0].type !== 'entry' || !entries[0].value) return undefined;
  return { line, parse: parsed, entry: entries[0] };
}

const VALUE_READ_TOGETHER: ReadonlySet<string> = new Set(READ_TOGETHER);

/** Whether the scalar written by `token` is one nats-server stores nothing for (`1kbb`). */
function isDropped(entry: EntryNode, token: Token): boolean {
  let dropped = false;
  const visit = (value: ValueNode | undefined) => {
    if (!value) return;
    if (value.type === 'scalar' && value.start === token.start && value.dropped) dropped = true;
    if (value.type === 'map') for (const inner of value.entries) if (inner.type === 'entry') visit(inner.value);
    if (value.type === 'array') for (const item of value.items) visit(item);
  };
  visit(entry.value);
  return dropped;
}

const SCALAR_TOKENS: ReadonlySet<TokenKind> = new Set(['string', 'integer', 'float', 'boolean', 'datetime']);

/** Same tokens, where only scalar values may be written differently. */
function sameTokensButScalars(a: readonly Token[], b: readonly Token[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i].text === b[i].text && a[i].kind === b[i].kind) continue;
    if (!SCALAR_TOKENS.has(a[i].kind) || !SCALAR_TOKENS.has(b[i].kind)) return false;
  }
  return true;
}

/** The index of the only token that differs, when it is a scalar value before and after. */
function theOneChangedScalar(a: readonly Token[], b: readonly Token[]): number | undefined {
  if (a.length !== b.length) return undefined;
  let changed: number | undefined;
  for (let i = 0; i < a.length; i++) {
    if (a[i].text === b[i].text && a[i].kind === b[i].kind) continue;
    if (changed !== undefined || !SCALAR_TOKENS.has(a[i].kind) || !SCALAR_TOKENS.has(b[i].kind)) return undefined;
    changed = i;
  }
  return changed;
}

/**
 * A line on its own is read as the top level of a file; in the file it may sit inside a block,
 * where a `}` ends the block. Quoted values read the same everywhere, bare ones without brackets too.
 */
function readsTheSameInAnyBlock(token: Token): boolean {
  const first = token.text.charCodeAt(0);
  if (first === 34 /* " */ || first === 39 /* ' */) return true;
  return !/[{}[\]]/.test(token.text);
}

// ---------------------------------------------------------------------------------------------
// The entry in the file

interface Step {
  /** The line that opens the block in the miniature, and the one that closes it. */
  open: string;
  close: string;
  /** The key opening it, for a block that is a key's value. */
  key?: string;
}

/** The entry starting exactly at `offset`, the blocks from the top down to it, and the maps among them. */
function entryAt(body: MapNode, offset: number): { entry: EntryNode; path: Step[]; maps: MapNode[] } | undefined {
  const path: Step[] = [];
  const maps: MapNode[] = [body];
  let container: MapNode | ArrayNode = body;
  for (let depth = 0; depth < 256; depth++) {
    if (container.type === 'map') {
      const child: EntryNode | IncludeNode | undefined = childAt(container.entries, offset);
      if (!child || child.type !== 'entry') return undefined;
      if (child.start === offset) return { entry: child, path, maps };
      const value: ValueNode | undefined = child.value;
      if (!value || (value.type !== 'map' && value.type !== 'array') || !value.close) return undefined;
      const key = child.key.quote ? `${child.key.quote}${child.key.name}${child.key.quote}` : child.key.name;
      path.push(value.type === 'map' ? { open: `${key} {`, close: '}', key: child.key.name } : { open: `${key} [`, close: ']', key: child.key.name });
      if (value.type === 'map') maps.push(value);
      container = value;
    } else {
      const item: ValueNode | undefined = childAt(container.items, offset);
      if (!item || (item.type !== 'map' && item.type !== 'array') || !item.close) return undefined;
      path.push(item.type === 'map' ? { open: '{', close: '}' } : { open: '[', close: ']' });
      if (item.type === 'map') maps.push(item);
      container = item;
    }
  }
  return undefined;
}

function childAt<T extends { start: number; end: number }>(children: readonly T[], offset: number): T | undefined {
  let low = 0;
  let high = children.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const child = children[middle];
    if (offset < child.start) high = middle - 1;
    else if (offset >= child.end) low = middle + 1;
    else return child;
  }
  return undefined;
}

/** The entry in the file and the line's entry read alone have the same keys, values and places. */
function sameShape(inFile: EntryNode, alone: EntryNode, lineStart: number): boolean {
  const same = (a: ValueNode | undefined, b: ValueNode | undefined): boolean => {
    if (!a || !b) return a === b;
    if (a.type !== b.type || a.start !== b.start + lineStart || a.end !== b.end + lineStart) return false;
    if (a.type === 'scalar' && b.type === 'scalar') return a.kind === b.kind && a.raw === b.raw;
    if (a.type === 'variable' && b.type === 'variable') return a.name === b.name;
    if (a.type === 'array' && b.type === 'array') return a.items.length === b.items.length && a.items.every((item, i) => same(item, b.items[i]));
    if (a.type === 'map' && b.type === 'map') {
      return a.entries.length === b.entries.length && a.entries.every((entry, i) => {
        const other = b.entries[i];
        return entry.type === 'entry' && other.type === 'entry' && entry.key.name === other.key.name && entry.start === other.start + lineStart && same(entry.value, other.value);
      });
    }
    return false;
  };
  return inFile.key.name === alone.key.name && same(inFile.value, alone.value);
}

/** Every key of an entry, its own and those of maps in its value. */
function keysOf(entry: EntryNode): string[] {
  const keys = [entry.key.name];
  const visit = (value: ValueNode | undefined) => {
    if (value?.type === 'map') for (const inner of value.entries) if (inner.type === 'entry') keys.push(...keysOf(inner));
    if (value?.type === 'array') for (const item of value.items) visit(item);
  };
  visit(entry.value);
  return keys;
}

function namesAfterDollar(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/\$\{?([^\s{}[\]()$"',;:=#]+)/g)) names.add(match[1].toLowerCase());
  return names;
}

// ---------------------------------------------------------------------------------------------
// Findings

/** Findings at the value (inside its token on its line), and the others. */
function split(diagnostics: Diagnostic[], line: number, token: Token): { atValue: Diagnostic[]; elsewhere: Diagnostic[] } {
  const atValue: Diagnostic[] = [];
  const elsewhere: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const { start, end } = diagnostic.range;
    if (start.line === line && end.line === line && start.character >= token.start && end.character <= token.end) atValue.push(diagnostic);
    else elsewhere.push(diagnostic);
  }
  return { atValue, elsewhere: elsewhere.sort(compareDiagnostics) };
}

/**
 * A finding of the miniature moved from its line `from` to the document's line `to`. One that also
 * points at another line of the miniature cannot be moved: the quick check gives up.
 */
function moveLine(diagnostic: Diagnostic, from: number, to: number, uri: string): Diagnostic {
  for (const related of diagnostic.relatedInformation ?? []) if (related.location.uri !== uri) throw new QuickCheckGaveUp();
  const range = (r: Range): Range => {
    if (r.start.line !== from || r.end.line !== from) throw new QuickCheckGaveUp();
    return { start: { line: to, character: r.start.character }, end: { line: to, character: r.end.character } };
  };
  return rewritePlaces(diagnostic, range, uri);
}

/** Thrown (and caught in quickCheck) when a finding at the value points somewhere else. */
class QuickCheckGaveUp extends Error {}

type Place = 'before' | 'value' | 'after' | 'elsewhere' | 'unclear';

interface ColumnShift {
  line: number;
  /** Columns from here on move by `by`. */
  from: number;
  by: number;
  /** Columns up to here stay. */
  keepBefore: number;
}

/** Where a range lies against the old value on its line. */
function placeOf(range: Range, shift: ColumnShift): Place {
  const { start, end } = range;
  if (end.line < shift.line || start.line > shift.line) return 'elsewhere';
  if (start.line !== shift.line || end.line !== shift.line) return 'unclear';
  if (start.character >= shift.keepBefore && end.character <= shift.from) return 'value';
  if (start.character >= shift.from) return 'after';
  if (end.character <= shift.keepBefore) return 'before';
  return 'unclear';
}

/** A previous finding with every place after the value moved; undefined if one touches the value. */
function shifted(diagnostic: Diagnostic, shift: ColumnShift, uri: string): Diagnostic | undefined {
  let touched = false;
  let unclear = false;
  const visit = (r: Range) => {
    const place = placeOf(r, shift);
    if (place === 'after') touched = true;
    else if (place === 'value' || place === 'unclear') unclear = true;
  };
  visit(diagnostic.range);
  for (const related of diagnostic.relatedInformation ?? []) if (related.location.uri === uri) visit(related.location.range);
  for (const fix of fixesOf(diagnostic)) visit(fix.range);
  if (unclear) return undefined;
  if (!touched) return diagnostic;
  const move = (r: Range): Range =>
    placeOf(r, shift) === 'after'
      ? { start: { line: r.start.line, character: r.start.character + shift.by }, end: { line: r.end.line, character: r.end.character + shift.by } }
      : r;
  return rewritePlaces(diagnostic, move, uri);
}

/**
 * The diagnostic with its range, its related places in the same document and its fixes' ranges
 * rewritten. Related places in other documents never move.
 */
function rewritePlaces(diagnostic: Diagnostic, rewrite: (range: Range) => Range, uri: string): Diagnostic {
  const copy: Diagnostic = { ...diagnostic, range: rewrite(diagnostic.range) };
  if (diagnostic.relatedInformation) {
    copy.relatedInformation = diagnostic.relatedInformation.map((related) =>
      related.location.uri === uri ? { ...related, location: { ...related.location, range: rewrite(related.location.range) } } : related);
  }
  const fixes = fixesOf(diagnostic);
  if (fixes.length > 0) copy.data = { ...(diagnostic.data as object), fixes: fixes.map((fix) => ({ ...fix, range: rewrite(fix.range) })) };
  return copy;
}

function fixesOf(diagnostic: Diagnostic): { range: Range }[] {
  const fixes = (diagnostic.data as { fixes?: { range: Range }[] } | undefined)?.fixes;
  return Array.isArray(fixes) ? fixes : [];
}

function sameList(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}

function upperBound(list: readonly Diagnostic[], item: Diagnostic): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compareDiagnostics(list[middle], item) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function messageText(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : (diagnostic.message as { value: string }).value;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
