// The quick check: a change that only rewrites one value or renames one key on one line (typing a
// port, a limit, a password, a subject, a route, a user's `{ user, password }` line, fixing a key's
// typo) is answered from the previous check of the document instead of checking all of it again.
// Every finding elsewhere stays where it was (moved along the line when its length changed); the
// findings of what changed (the value, or the whole entry of a renamed key) come from checking a
// miniature of the file: the blocks that lead to the line, and the line itself.
//
// Whether that is the same answer as a full check is decided, not assumed:
// - the line must read the same on its own as in the file (same tokens), before and after;
// - the miniature must give exactly the findings the previous check had at the old value (or
//   entry), so nothing there depended on the rest of the file;
// - the old and the new line must make no difference to the miniature's findings anywhere else;
// - no key on the way to the line, nor of the line (old or new), may be read elsewhere through a
//   `$variable`, be set twice in its block, or share its block with an `include` (these let the
//   rest of the file see the line);
// - the value may not be one rules compare with other entries' (a user name, an nkey, an account
//   named by an import, a mapping's destination or weight: COMPARED_ACROSS_ENTRIES), nor may a key
//   be renamed to or from such a key;
// - no key of the line may be one the listener and TLS rules read together with its neighbours
//   (READ_TOGETHER), and no key may be renamed to or from one whose presence they read
//   (PRESENCE_READ), both declared beside those rules; except that a listener's own value
//   (LISTENER_VALUES: where it binds, who gets in without credentials) written at the top level or
//   one block down is answered by running the listener rules again on the last full check's
//   evaluation with that value replaced, and their findings replace the old ones;
// - a renamed key may not be another spelling of an option set beside it, a name of the user's
//   choosing (an account), or a key of a block whose keys conflict (authorization), and its line
//   may not read a `$variable` (the key decides how the variable's value is judged);
// - the file must have no syntax error, and no block around the line a dropped value (`1kbb`) or a
//   key without a value (both change what the keys after them mean);
// - no other file the previous check read may have changed (the service checks that).
// Anything else is answered "cannot tell" and gets a full check. The language server still runs the
// full check once typing pauses, publishes it if it differs, and logs that it did.

import { Diagnostic, Range } from 'vscode-languageserver-types';
import { compareDiagnostics, Positions } from './diagnostics';
import { ARRAY_ITEM, blockAt, findKeyInBlock, findOption } from './facts/optionLookup';
import { COMPARED_ACROSS_ENTRIES } from './rules/options';
import { LISTENER_CODES, LISTENER_VALUES, PRESENCE_READ, READ_TOGETHER } from './rules/security';
import type { EvalOrigins } from './syntax/evaluate';
import { Code } from './syntax/codes';
import { lineContaining, lineStarts } from './syntax/lines';
import { parse } from './syntax/parser';
import { SCALAR_TOKEN_KINDS } from './syntax/tokens';
import type { ArrayNode, ConfigMap, EntryNode, IncludeNode, MapNode, ParseResult, Span, Token, ValueNode } from './syntax/tree';

/** What a check of a document leaves for the next quick check. */
export interface CheckedDocument {
  /** The text the diagnostics describe. */
  readonly text: string;
  /** Where each line of `text` starts (built on the first quick check). */
  lineStarts?: readonly number[];
  /** The document's own findings, finished and in canonical order (compareDiagnostics). */
  readonly diagnostics: readonly Diagnostic[];
  /** The parse of the last full check. Quick checks change values and keys, never lines. */
  readonly tree: ParseResult;
  /** Where each line of `tree.text` starts (built on the first quick check). */
  treeLineStarts?: readonly number[];
  /** Lower-cased names written after a `$` anywhere in `tree.text` (built on the first quick check). */
  referenced?: ReadonlySet<string>;
  /** Lines where a quick check renamed a key since `tree` was parsed: their keys differ from the tree's. */
  renamedLines?: ReadonlySet<number>;
  /**
   * The evaluated configuration of the last full check (its origins point into `tree.text`), with
   * the listener values quick checks rewrote since. Other values may be older: only the listener
   * rules read it, and they read nothing else a quick check can change.
   */
  evaluation?: CheckedEvaluation;
}

/** An evaluation, possibly with some of its maps replaced by patched copies (see patchedListenerValue). */
export interface CheckedEvaluation {
  value: ConfigMap;
  origins: EvalOrigins;
  /** For a patched evaluation: the origins of the one it was patched from, and copies -> originals. */
  base?: EvalOrigins;
  originals?: ReadonlyMap<object, object>;
}

export interface QuickCheckHost {
  /** The document's URI: related places in other documents never move. */
  uri: string;
  /** The findings of a full check of `text` in this document's place, not yet finished. */
  check(text: string): Diagnostic[];
  /** Suppression comments of `text` and rule levels, applied as the full check applies them. */
  finish(diagnostics: Diagnostic[], text: string): Diagnostic[];
  /**
   * The listener rules' findings (LISTENER_CODES) on `value`, not yet finished, with offsets in this
   * document placed by `positions` (the origins point into the tree's text, `treeText`); undefined
   * when one lies in another file.
   */
  listenerFindings?(value: ConfigMap, origins: EvalOrigins, treeText: string, positions: Positions): Diagnostic[] | undefined;
}

/** The record a full check leaves. */
export function checkedDocument(text: string, tree: ParseResult, diagnostics: readonly Diagnostic[], evaluation?: CheckedEvaluation): CheckedDocument {
  return { text, diagnostics, tree, evaluation };
}

/**
 * The check of `text` after `previous`, when the change between them is one the quick check can
 * answer exactly; undefined when it cannot (then a full check is needed).
 */
export function quickCheck(previous: CheckedDocument, text: string, host: QuickCheckHost): CheckedDocument | undefined {
  try {
    return checkOneLine(previous, text, host);
  } catch (error) {
    if (error instanceof QuickCheckGaveUp) return undefined;
    throw error;
  }
}

function checkOneLine(previous: CheckedDocument, text: string, host: QuickCheckHost): CheckedDocument | undefined {
  if (text === previous.text) return previous;
  // A lone CR ends a line for the editor but not for lineStartsOf: positions would drift.
  if (text.indexOf('\r') >= 0 && /\r(?!\n)/.test(text)) return undefined;
  const edit = changedSpan(previous.text, text);
  const delta = text.length - previous.text.length;
  const starts = (previous.lineStarts ??= lineStarts(previous.text));
  const line = lineContaining(starts, edit.start);
  const lineStart = starts[line];
  const oldLineEnd = line + 1 < starts.length ? starts[line + 1] - 1 : previous.text.length;
  // The change stays on one line: no line break removed or written.
  if (edit.oldEnd > oldLineEnd || edit.newEnd > oldLineEnd + delta) return undefined;
  if (hasLineBreak(previous.text, edit.start, edit.oldEnd) || hasLineBreak(text, edit.start, edit.newEnd)) return undefined;

  const tree = previous.tree;
  // nats-server stops at the first syntax error; what the rules make of the rest depends on where.
  if (tree.errors.length > 0) return undefined;
  // After a full check the tree's text is the text itself.
  const treeLineStarts = (previous.treeLineStarts ??= tree.text === previous.text ? starts : lineStarts(tree.text));
  if (treeLineStarts.length !== starts.length) return undefined;
  const treeLineStart = treeLineStarts[line];
  const treeLineEnd = line + 1 < treeLineStarts.length ? treeLineStarts[line + 1] - 1 : tree.text.length;

  // The line as the last full check read it decides how to read it alone: an entry of a block, or
  // an item of a list (a user's `{ user: a, password: b }` on a line of its own, a route URL).
  const treeLine = tree.text.slice(treeLineStart, treeLineEnd);
  const lookUp = (alone: LineAlone | undefined) => alone && nodeAt(tree.document.body, treeLineStart + alone.node.start);
  let asWritten = lineAlone(treeLine, 'entry');
  let found = lookUp(asWritten);
  if (found?.node.type !== 'entry') found = lookUp((asWritten = lineAlone(treeLine, 'item')));
  if (!asWritten) return undefined;
  const before = lineAlone(previous.text.slice(lineStart, oldLineEnd), asWritten.form);
  const after = lineAlone(text.slice(lineStart, oldLineEnd + delta), asWritten.form);
  if (!before || !after) return undefined;
  // The line as the tree has it and as it reads now differ in values (earlier quick checks), and in
  // keys only where an earlier quick check renamed one.
  const drift = changedTokens(asWritten.tokens, before.tokens);
  if (!drift || (drift.some((i) => before.tokens[i].kind === 'key') && !previous.renamedLines?.has(line))) return undefined;
  const changed = changedTokens(before.tokens, after.tokens);
  if (changed?.length !== 1) return undefined;
  const oldToken = before.tokens[changed[0]];
  const newToken = after.tokens[changed[0]];
  if (edit.start - lineStart < oldToken.start || edit.oldEnd - lineStart > oldToken.end || edit.newEnd - lineStart > newToken.end) return undefined;
  if (!readsTheSameInAnyBlock(newToken)) return undefined;
  const renaming = oldToken.kind === 'key';
  // Some values are compared with other entries' (user names across the accounts, a mapping's weights).
  if (!renaming && ACROSS_ENTRIES.has(keyOfValue(before.node, oldToken.start)?.toLowerCase() ?? '')) return undefined;
  // A key decides how its value is judged, and a `$variable` on the line brings a value from
  // elsewhere that the miniature does not have.
  if (renaming && before.tokens.some((token) => token.kind === 'variable')) return undefined;
  // What the change rewrites: the value's token, or for a renamed key the whole entry or item (the
  // key decides what its value means).
  const oldSpan: Span = renaming ? before.node : oldToken;
  const newSpan: Span = renaming ? after.node : newToken;
  if (renaming && (newSpan.start !== oldSpan.start || newSpan.end !== oldSpan.end + delta)) return undefined;

  // The line's entry or item in the file, and the blocks around it.
  if (!found || found.node.end !== treeLineStart + asWritten.node.end || !sameShape(found.node, asWritten.node, treeLineStart)) return undefined;
  const referenced = (previous.referenced ??= namesAfterDollar(tree.text));
  const lineKeys = [...new Set([...keysOf(before.node), ...keysOf(after.node)])];
  const keys = [...found.path.flatMap((step) => (step.key ? [step.key] : [])), ...lineKeys];
  if (keys.some((key) => referenced.has(key.toLowerCase()))) return undefined;
  if (found.maps.some((map) => map.entries.some((entry) => entry.type === 'include'))) return undefined;
  // Rules that judge a block as a whole (listeners, TLS) read these beside other keys.
  // A listener's own value (where it binds, who gets in without credentials) is answered by running
  // the listener rules again on the last evaluation with that value replaced (patchedListenerValue).
  const listener = renaming ? undefined : listenerValueEdit(previous, found.path, found.maps[0], before, after);
  if (!listener && lineKeys.some((key) => VALUE_READ_TOGETHER.has(key.toLowerCase()))) return undefined;
  // A value nats-server drops (`1kbb`) leaves its key waiting for the next value, and a key without
  // a value ends the reading of its block: either changes what the keys after it in that block mean,
  // so none may sit in a block around the line.
  if (!renaming && (isDropped(before.node, oldToken) || isDropped(after.node, newToken))) return undefined;
  for (const warning of tree.warnings) {
    if (warning.code !== Code.keyWithoutValue && warning.code !== Code.unknownSizeSuffix) continue;
    const container = innermostContainer(tree.document.body, warning.start);
    if (container.type === 'map' && found.maps.includes(container)) return undefined;
  }
  const parent = found.maps[found.maps.length - 1];
  // The keys of the line's block as they read now (earlier quick checks may have renamed some).
  const currentName = (entry: EntryNode): string => {
    const at = lineContaining(treeLineStarts, entry.start);
    if (!previous.renamedLines?.has(at)) return entry.key.name;
    const now = lineAlone(previous.text.slice(starts[at], at + 1 < starts.length ? starts[at + 1] - 1 : previous.text.length), 'entry');
    if (now?.node.type !== 'entry') throw new QuickCheckGaveUp();
    return now.node.key.name;
  };
  const entry = found.node;
  if (entry.type === 'entry' && before.node.type === 'entry' && after.node.type === 'entry') {
    const names = new Set([before.node.key.name.toLowerCase(), after.node.key.name.toLowerCase()]);
    if (parent.entries.some((other) => other !== entry && other.type === 'entry' && names.has(currentName(other).toLowerCase()))) return undefined;
  }
  if (renaming && !renameStaysOnItsLine(oldToken, newToken, before.node, found.path, parent, entry, currentName)) return undefined;

  // The miniature, before and after: the value's findings, and proof that they stay at the value.
  const openers = found.path.map((step) => step.open);
  const closers = found.path.map((step) => step.close).reverse();
  const miniLine = openers.length;
  const miniature = (valueLine: string) => [...openers, valueLine, ...closers, ''].join('\n');
  // With a listener's value, the listener rules' findings come from the whole file, not the miniature.
  const checkMiniature = (miniText: string) => (listener ? host.check(miniText).filter((d) => !LISTENER_CODE_SET.has(String(d.code))) : host.check(miniText));
  const miniBefore = split(checkMiniature(miniature(before.line)), miniLine, oldSpan);
  const miniAfter = split(checkMiniature(miniature(after.line)), miniLine, newSpan);
  // Findings after the value on its line move along with the line's end.
  const miniShift = { line: miniLine, from: oldSpan.end, by: delta, keepBefore: oldSpan.start };
  const movedBefore: Diagnostic[] = [];
  for (const diagnostic of miniBefore.elsewhere) {
    const moved = shifted(diagnostic, miniShift, host.uri);
    if (moved === undefined) return undefined;
    movedBefore.push(moved);
  }
  if (!sameList(movedBefore.sort(compareDiagnostics), miniAfter.elsewhere)) return undefined;
  const expectedBefore = host.finish(miniBefore.atValue.map((d) => moveLine(d, miniLine, line, host.uri)), previous.text).sort(compareDiagnostics);
  const atValue = host.finish(miniAfter.atValue.map((d) => moveLine(d, miniLine, line, host.uri)), text).sort(compareDiagnostics);

  // The previous findings: those at the old value go (and must be what the miniature found there),
  // those after it on the same line move with the line's end, the rest stay as they are.
  const columnShift = { line, from: oldSpan.end, by: delta, keepBefore: oldSpan.start };
  const kept: Diagnostic[] = [];
  const removed: Diagnostic[] = [];
  for (const diagnostic of previous.diagnostics) {
    if (listener && LISTENER_CODE_SET.has(String(diagnostic.code))) continue;
    const place = placeOf(diagnostic.range, columnShift);
    if (place === 'unclear') return undefined;
    if (place === 'value') { removed.push(diagnostic); continue; }
    const moved = shifted(diagnostic, columnShift, host.uri);
    if (moved === undefined) return undefined;
    kept.push(moved);
  }
  if (!sameList(removed, expectedBefore)) return undefined;
  for (const diagnostic of atValue) kept.splice(upperBound(kept, diagnostic), 0, diagnostic);
  let evaluation = previous.evaluation;
  if (listener) {
    // The findings are placed in the tree's text: every other line they touch must read there as it
    // reads now. On the edited line the tree may hold an older writing of the value (an earlier
    // quick check), but nothing else may differ; places after that value move to after the new one.
    if (drift.some((i) => i !== changed[0])) return undefined;
    evaluation = patchedListenerValue(listener);
    const treePositions: Positions = { range: (_file, start, end) => ({ start: positionIn(treeLineStarts, start), end: positionIn(treeLineStarts, end) }) };
    const findings = host.listenerFindings?.(evaluation.value, evaluation.origins, tree.text, treePositions);
    if (!findings) return undefined;
    const treeToken = asWritten.tokens[changed[0]];
    // Lines other than the edited one read the same in the previous text and the new one.
    const lineOf = (source: string, lineStartsOf: readonly number[], at: number) => source.slice(lineStartsOf[at], at + 1 < lineStartsOf.length ? lineStartsOf[at + 1] - 1 : source.length);
    const place = (r: Range): Range => {
      for (const at of [r.start.line, r.end.line]) {
        if (at !== line && lineOf(tree.text, treeLineStarts, at) !== lineOf(previous.text, starts, at)) throw new QuickCheckGaveUp();
      }
      const move = (p: Range['start']): Range['start'] => {
        if (p.line !== line || p.character <= treeToken.start) return p;
        if (p.character < treeToken.end) throw new QuickCheckGaveUp();
        return { line: p.line, character: p.character - treeToken.end + newToken.end };
      };
      return { start: move(r.start), end: move(r.end) };
    };
    const placed = findings.map((d) => rewritePlaces(d, place, host.uri));
    for (const diagnostic of host.finish(placed, text).sort(compareDiagnostics)) kept.splice(upperBound(kept, diagnostic), 0, diagnostic);
  }

  const movedLineStarts = starts.slice();
  if (delta !== 0) for (let i = line + 1; i < movedLineStarts.length; i++) movedLineStarts[i] += delta;
  const renamedLines = renaming ? new Set([...(previous.renamedLines ?? []), line]) : previous.renamedLines;
  return { text, lineStarts: movedLineStarts, diagnostics: kept, tree, treeLineStarts, referenced, renamedLines, evaluation };
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

type LineForm = 'entry' | 'item';

interface LineAlone {
  line: string;
  form: LineForm;
  /** The line's entry, or its list item; offsets relative to the line. */
  node: EntryNode | ValueNode;
  /** The line's tokens; offsets relative to the line. */
  tokens: Token[];
}

/** Read as an item, a line sits in a list of its own. */
const ITEM_PREFIX = '_ [\n';

/**
 * A line that is exactly one `key: value` entry, or exactly one item of a list (comments allowed),
 * with no syntax error.
 */
function lineAlone(line: string, form: LineForm): LineAlone | undefined {
  if (form === 'entry') {
    const parsed = parse(line);
    if (parsed.errors.length > 0 || parsed.document.body.open) return undefined;
    const entries = parsed.document.body.entries;
    if (entries.length !== 1 || entries[0].type !== 'entry' || !entries[0].value) return undefined;
    if (nestedDeeperThan(entries[0].value, MAX_LINE_DEPTH)) return undefined;
    return { line, form, node: entries[0], tokens: parsed.tokens };
  }
  const parsed = parse(`${ITEM_PREFIX}${line}\n]`);
  if (parsed.errors.length > 0 || parsed.document.body.open) return undefined;
  const entries = parsed.document.body.entries;
  if (entries.length !== 1 || entries[0].type !== 'entry' || entries[0].value?.type !== 'array') return undefined;
  const items = entries[0].value.items;
  if (nestedDeeperThan(entries[0].value, MAX_LINE_DEPTH)) return undefined;
  const from = ITEM_PREFIX.length;
  const to = from + line.length;
  if (items.length !== 1 || items[0].start < from || items[0].end > to) return undefined;
  const tokens = parsed.tokens.filter((token) => token.start >= from && token.start < to).map((token) => ({ ...token, start: token.start - from, end: Math.min(token.end, to) - from }));
  return { line, form, node: rebased(items[0], -from), tokens };
}

/** Lines nested deeper than this are left to the full check: the helpers below recurse. */
const MAX_LINE_DEPTH = 64;

function nestedDeeperThan(root: ValueNode, limit: number): boolean {
  const stack: [ValueNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    if (node.type === 'map') for (const entry of node.entries) if (entry.type === 'entry' && entry.value) stack.push([entry.value, depth + 1]);
    if (node.type === 'array') for (const item of node.items) stack.push([item, depth + 1]);
  }
  return false;
}

/** A copy of a parsed value with every offset moved by `by`. */
function rebased<T extends ValueNode>(node: T, by: number): T {
  const copy = { ...node, start: node.start + by, end: node.end + by };
  if (copy.type === 'map') {
    copy.entries = copy.entries.map((entry) =>
      entry.type === 'entry'
        ? { ...entry, start: entry.start + by, end: entry.end + by, key: { ...entry.key, start: entry.key.start + by, end: entry.key.end + by }, separator: entry.separator && { ...entry.separator, start: entry.separator.start + by, end: entry.separator.end + by }, value: entry.value && rebased(entry.value, by) }
        : entry,
    );
  }
  if (copy.type === 'array') copy.items = copy.items.map((item) => rebased(item, by));
  return copy;
}

const VALUE_READ_TOGETHER: ReadonlySet<string> = new Set(READ_TOGETHER);
const ACROSS_ENTRIES: ReadonlySet<string> = new Set(COMPARED_ACROSS_ENTRIES);

/** The key whose value (or an item of whose list) is the scalar starting at `start` on the line. */
function keyOfValue(node: EntryNode | ValueNode, start: number): string | undefined {
  const inEntry = (entry: EntryNode): string | undefined => {
    const value = entry.value;
    if (value?.type === 'scalar' && value.start === start) return entry.key.name;
    if (value?.type === 'array' && value.items.some((item) => item.type === 'scalar' && item.start === start)) return entry.key.name;
    return value && inValue(value);
  };
  const inValue = (value: ValueNode): string | undefined => {
    const children = value.type === 'map' ? value.entries.map((entry) => (entry.type === 'entry' ? inEntry(entry) : undefined)) : value.type === 'array' ? value.items.map(inValue) : [];
    return children.find((found) => found !== undefined);
  };
  return node.type === 'entry' ? inEntry(node) : inValue(node);
}
const LISTENER_CODE_SET: ReadonlySet<string> = new Set(LISTENER_CODES);
const LISTENER_VALUE_SET: ReadonlySet<string> = new Set(LISTENER_VALUES);

interface ListenerValueEdit {
  evaluation: CheckedEvaluation;
  /** The key of the block the value is in, as written; undefined at the top level. */
  blockKey?: string;
  key: string;
  oldValue: unknown;
  newValue: unknown;
}

/**
 * The edit, when it rewrites a listener's value written on a line of its own (`port: 4222`) at the
 * top level or one block down (`cluster { port: 6222 }`), both values read, and the last evaluation
 * holds the old value there.
 */
function listenerValueEdit(previous: CheckedDocument, path: readonly Step[], root: MapNode, before: LineAlone, after: LineAlone): ListenerValueEdit | undefined {
  const evaluation = previous.evaluation;
  if (!evaluation || before.node.type !== 'entry' || after.node.type !== 'entry') return undefined;
  if (before.node.value?.type !== 'scalar' || after.node.value?.type !== 'scalar') return undefined;
  if (!LISTENER_VALUE_SET.has(before.node.key.name.toLowerCase())) return undefined;
  if (path.length > 1 || (path.length === 1 && (!path[0].key || path[0].close !== '}'))) return undefined;
  const oldValue = before.node.value.value;
  const newValue = after.node.value.value;
  if (oldValue === undefined || newValue === undefined) return undefined;
  const blockKey = path[0]?.key;
  // The evaluation keeps the last of blocks written twice: the edited one must be the only one.
  if (blockKey !== undefined && root.entries.filter((entry) => entry.type === 'entry' && entry.key.name.toLowerCase() === blockKey.toLowerCase()).length !== 1) return undefined;
  const block = blockKey === undefined ? evaluation.value : evaluation.value[blockKey];
  if (!isConfigMap(block) || block[before.node.key.name] !== oldValue) return undefined;
  return { evaluation, blockKey, key: before.node.key.name, oldValue, newValue };
}

function positionIn(starts: readonly number[], offset: number): Range['start'] {
  const line = lineContaining(starts, offset);
  return { line, character: offset - starts[line] };
}

const isConfigMap = (value: unknown): value is ConfigMap => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/**
 * The evaluation with the edited value in place: the maps on its path copied (the evaluation is
 * shared and never changed), and the origins asked about a copy answering for its original.
 */
function patchedListenerValue(edit: ListenerValueEdit): CheckedEvaluation {
  const { evaluation, blockKey, key, newValue } = edit;
  const originals = new Map(evaluation.originals ?? []);
  const copy = (map: ConfigMap): ConfigMap => {
    const copied: ConfigMap = Object.assign(Object.create(null) as ConfigMap, map);
    originals.set(copied, originals.get(map) ?? map);
    return copied;
  };
  const root = copy(evaluation.value);
  const block = blockKey === undefined ? root : copy(root[blockKey] as ConfigMap);
  block[key] = newValue as ConfigMap[string];
  if (blockKey !== undefined) root[blockKey] = block;
  const base = evaluation.base ?? evaluation.origins;
  const back = <T extends object>(value: T): object => originals.get(value) ?? value;
  return {
    value: root,
    base,
    originals,
    origins: {
      keyAt: (map, name) => base.keyAt(back(map), name),
      valueAt: (map, name) => base.valueAt(back(map), name),
      itemAt: (array, index) => base.itemAt(back(array), index),
    },
  };
}
const PRESENCE_READ_ELSEWHERE: ReadonlySet<string> = new Set(PRESENCE_READ);

/**
 * Whether renaming the key written by `oldKey` to `newKey` changes nothing beyond the line, so the
 * miniature shows all it changes: no rule reads either name's presence beside other keys
 * (PRESENCE_READ), the names are not of the user's choosing (an account name can be named
 * elsewhere), and for the key of the line's own entry, no other key of its block is either option
 * (same name, other case, or another spelling: a duplicate) and its block has no conflicting keys.
 * (A key of a map written on the line has its whole block in the miniature.)
 */
function renameStaysOnItsLine(
  oldKey: Token, newKey: Token, lineNode: EntryNode | ValueNode, path: readonly Step[], parent: MapNode,
  entry: EntryNode | ValueNode, currentName: (entry: EntryNode) => string,
): boolean {
  const oldName = keyName(oldKey);
  const newName = keyName(newKey);
  if (oldName === undefined || newName === undefined) return false;
  for (const name of [oldName.toLowerCase(), newName.toLowerCase()]) if (PRESENCE_READ_ELSEWHERE.has(name) || ACROSS_ENTRIES.has(name)) return false;
  const blockPath = blockPathOf(path, lineNode, oldKey.start);
  const block = blockPath && blockAt(blockPath);
  if (!blockPath || !block) return false;
  const oldOption = findKeyInBlock(block, oldName);
  const newOption = findKeyInBlock(block, newName);
  if (block.anyKey && (!oldOption || !newOption)) return false;
  const ownKey = lineNode.type === 'entry' && lineNode.key.start === oldKey.start;
  if (!ownKey) return true;
  for (const other of parent.entries) {
    if (other === entry || other.type !== 'entry') continue;
    const name = currentName(other);
    const option = findKeyInBlock(block, name);
    if (name.toLowerCase() === oldName.toLowerCase() || name.toLowerCase() === newName.toLowerCase()) return false;
    if (option && (option === oldOption || option === newOption)) return false;
  }
  const opener = blockPath.length > 0 && blockPath[blockPath.length - 1] !== ARRAY_ITEM ? findOption(blockPath)?.option : undefined;
  return !opener?.keyConflicts;
}

/** A key as written, without its quotes; undefined for a quoted key with escapes. */
function keyName(token: Token): string | undefined {
  const first = token.text[0];
  if (first !== '"' && first !== "'") return token.text;
  return token.text.includes('\\') ? undefined : token.text.slice(1, -1);
}

/** The key path from the top of the file to the block holding the key that starts at `keyStart`. */
function blockPathOf(path: readonly Step[], lineNode: EntryNode | ValueNode, keyStart: number): string[] | undefined {
  const outer = path.map((step) => step.key ?? ARRAY_ITEM);
  const visit = (value: ValueNode | undefined, trail: string[]): string[] | undefined => {
    if (value?.type === 'map') {
      for (const inner of value.entries) {
        if (inner.type !== 'entry') continue;
        if (inner.key.start === keyStart) return trail;
        const found = visit(inner.value, [...trail, inner.key.name]);
        if (found) return found;
      }
    }
    if (value?.type === 'array') {
      for (const item of value.items) {
        const found = visit(item, [...trail, ARRAY_ITEM]);
        if (found) return found;
      }
    }
    return undefined;
  };
  if (lineNode.type === 'entry') return lineNode.key.start === keyStart ? outer : visit(lineNode.value, [...outer, lineNode.key.name]);
  return visit(lineNode, [...outer, ARRAY_ITEM]);
}

/** Whether the scalar written by `token` is one nats-server stores nothing for (`1kbb`). */
function isDropped(node: EntryNode | ValueNode, token: Token): boolean {
  let dropped = false;
  const visit = (value: ValueNode | undefined) => {
    if (!value) return;
    if (value.type === 'scalar' && value.start === token.start && value.dropped) dropped = true;
    if (value.type === 'map') for (const inner of value.entries) if (inner.type === 'entry') visit(inner.value);
    if (value.type === 'array') for (const item of value.items) visit(item);
  };
  visit(node.type === 'entry' ? node.value : node);
  return dropped;
}

/**
 * The indices of the tokens written differently, when the two lines have the same tokens but for
 * scalar values and keys (a key for a key, a value for a value); undefined when anything else differs.
 */
function changedTokens(a: readonly Token[], b: readonly Token[]): number[] | undefined {
  if (a.length !== b.length) return undefined;
  const changed: number[] = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i].text === b[i].text && a[i].kind === b[i].kind) continue;
    const bothKeys = a[i].kind === 'key' && b[i].kind === 'key';
    if (!bothKeys && (!SCALAR_TOKEN_KINDS.has(a[i].kind) || !SCALAR_TOKEN_KINDS.has(b[i].kind))) return undefined;
    changed.push(i);
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

/**
 * The entry (in a block) or item (in a list) starting exactly at `offset`, the blocks from the top
 * down to it, and the maps among them.
 */
function nodeAt(body: MapNode, offset: number): { node: EntryNode | ValueNode; path: Step[]; maps: MapNode[] } | undefined {
  const path: Step[] = [];
  const maps: MapNode[] = [body];
  let container: MapNode | ArrayNode = body;
  for (let depth = 0; depth < 256; depth++) {
    if (container.type === 'map') {
      const child: EntryNode | IncludeNode | undefined = childAt(container.entries, offset);
      if (!child || child.type !== 'entry') return undefined;
      if (child.start === offset) return { node: child, path, maps };
      const value: ValueNode | undefined = child.value;
      if (!value || (value.type !== 'map' && value.type !== 'array') || !value.close) return undefined;
      const key = child.key.quote ? `${child.key.quote}${child.key.name}${child.key.quote}` : child.key.name;
      path.push(value.type === 'map' ? { open: `${key} {`, close: '}', key: child.key.name } : { open: `${key} [`, close: ']', key: child.key.name });
      if (value.type === 'map') maps.push(value);
      container = value;
    } else {
      const item: ValueNode | undefined = childAt(container.items, offset);
      if (!item) return undefined;
      if (item.start === offset) return { node: item, path, maps };
      if ((item.type !== 'map' && item.type !== 'array') || !item.close) return undefined;
      path.push(item.type === 'map' ? { open: '{', close: '}' } : { open: '[', close: ']' });
      if (item.type === 'map') maps.push(item);
      container = item;
    }
  }
  return undefined;
}

/** The innermost block or list holding `offset`. */
function innermostContainer(body: MapNode, offset: number): MapNode | ArrayNode {
  let container: MapNode | ArrayNode = body;
  for (let depth = 0; depth < 256; depth++) {
    let inner: ValueNode | undefined;
    if (container.type === 'map') {
      const child: EntryNode | IncludeNode | undefined = childAt(container.entries, offset);
      inner = child?.type === 'entry' ? child.value : undefined;
    } else inner = childAt(container.items, offset);
    if (!inner || (inner.type !== 'map' && inner.type !== 'array') || offset < inner.start || offset >= inner.end) return container;
    container = inner;
  }
  return container;
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

/** The entry or item in the file and the line's read alone have the same keys, values and places. */
function sameShape(inFile: EntryNode | ValueNode, alone: EntryNode | ValueNode, lineStart: number): boolean {
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
  if (inFile.type === 'entry' || alone.type === 'entry') {
    return inFile.type === 'entry' && alone.type === 'entry' && inFile.key.name === alone.key.name && same(inFile.value, alone.value);
  }
  return same(inFile, alone);
}

/** Every key of an entry or item: its own and those of maps in its value. */
function keysOf(node: EntryNode | ValueNode): string[] {
  const keys: string[] = [];
  const visit = (value: ValueNode | undefined) => {
    if (value?.type === 'map') for (const inner of value.entries) if (inner.type === 'entry') { keys.push(inner.key.name); visit(inner.value); }
    if (value?.type === 'array') for (const item of value.items) visit(item);
  };
  if (node.type === 'entry') {
    keys.push(node.key.name);
    visit(node.value);
  } else visit(node);
  return keys;
}

function namesAfterDollar(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/\$\{?([^\s{}[\]()$"',;:=#]+)/g)) names.add(match[1].toLowerCase());
  return names;
}

// ---------------------------------------------------------------------------------------------
// Findings

/** Findings at the value (inside its span on its line: a value's token, or a renamed key's entry), and the others. */
function split(diagnostics: Diagnostic[], line: number, token: Span): { atValue: Diagnostic[]; elsewhere: Diagnostic[] } {
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
