// The formatter. It works on the lossless token stream and only ever rewrites the gaps between
// tokens (whitespace, line breaks) and the separator between a key and its value on one line; the
// text of every key, value, comment, include and block string is copied unchanged. Every gap rule
// keeps what nats-server's lexer relies on:
//   - a gap that held whitespace keeps at least one space, an empty gap stays empty (except after
//     `;`/`,`, where lex.go skips whitespace anyway), so `1]`, `foo#bar`, `a=b` keep their meaning;
//   - a gap that held a line break keeps one (two at most: one blank line), so comments still end
//     and values still end;
//   - nothing inside a multi-line token moves, so the `)` closing a block string stays at column 0;
//   - a bare key `include` keeps a separator glued to it (`include: x`), because `include x` and
//     `include = x` are include directives for nats-server;
//   - no separator is dropped before a value that starts with `=` or `:`.
// Files with syntax errors are not formatted at all: where the lexer resumes after an error is a
// guess, and a guess is not safe to rewrite around. Finally the result is re-parsed and compared
// with the original (formatSafety.ts); if anything differs, the formatter gives up instead.

import { TextDocument } from 'vscode-languageserver-textdocument';
import { Position, Range, TextEdit } from 'vscode-languageserver-types';
import { ParseResult, Token, TokenKind } from '../syntax/tree';
import { isKeySeparator, isSpace } from '../syntax/chars';
import { FormatStyle } from './formatStyle';
import { meaningDifference } from './formatSafety';

export interface OffsetEdit { start: number; end: number; newText: string }

export type FormatOutcome =
  | { ok: true; text: string; edits: OffsetEdit[] }
  | { ok: false; reason: string };

const VALUE_START = new Set<TokenKind>([
  'string', 'block-string', 'integer', 'float', 'boolean', 'datetime', 'variable', 'map-open', 'array-open',
]);
/** Tokens after which lex.go ends the value at `;` or `,` as it would at whitespace (never a key: `a;` is a key). */
const VALUE_END = new Set<TokenKind>([
  'string', 'integer', 'float', 'boolean', 'datetime', 'variable', 'map-close', 'array-close',
]);
const OPENERS = new Set<TokenKind>(['map-open', 'array-open', 'block-open']);
const CLOSERS = new Set<TokenKind>(['map-close', 'array-close', 'block-close']);
const LINE_BREAK = /\r\n|\r|\n/g;

/** A key and its value on one line: the text between them is rewritten as one piece. */
interface Joint { value: number; separator?: Token; alignTo?: number }

/** Formats a parsed configuration; `parsed.text` is the source. */
export function formatConfig(parsed: ParseResult, style: FormatStyle, parseAgain: (text: string) => ParseResult): FormatOutcome {
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0];
    return { ok: false, reason: `line ${first.line} has a syntax error (${first.message}); fix it before formatting` };
  }
  const text = parsed.text;
  const sig = parsed.tokens.filter((t) => t.kind !== 'whitespace' && t.kind !== 'newline');
  const eol = lineBreakOf(parsed.tokens);
  const gapBefore = (k: number) => text.slice(k === 0 ? 0 : sig[k - 1].end, k < sig.length ? sig[k].start : text.length);

  const depth = depthsOf(sig);
  const joints = findJoints(sig, gapBefore);
  if (style.alignValues) alignJoints(sig, joints, depth, gapBefore);

  const edits: OffsetEdit[] = [];
  const change = (start: number, end: number, newText: string) => {
    if (text.slice(start, end) !== newText) edits.push({ start, end, newText });
  };

  for (let k = 0; k <= sig.length; k++) {
    const gap = gapBefore(k);
    const start = k === 0 ? 0 : sig[k - 1].end;
    const end = k < sig.length ? sig[k].start : text.length;
    if (k === sig.length) {
      // The end of the file: trailing blanks go, one line break stays (or is added on request).
      const wanted = sig.length === 0 ? '' : (breaks(gap) > 0 || style.insertFinalNewline ? eol : '');
      change(start, end, wanted);
      continue;
    }
    const token = sig[k];
    const previous = k > 0 ? sig[k - 1] : undefined;
    if (previous?.kind === 'stray' || token.kind === 'stray') continue; // leave recovery leftovers exactly as they are
    const lineBreaks = breaks(gap);
    if (lineBreaks > 0 || k === 0) {
      const blank = k === 0 ? '' : eol.repeat(Math.min(lineBreaks, 2));
      change(start, end, blank + style.indent.repeat(depth[k]));
      continue;
    }
    if (token.kind === 'terminator' && previous && (VALUE_END.has(previous.kind))) change(start, end, '');
    else if (gap.length > 0) change(start, end, ' ');
    else if (previous?.kind === 'terminator' && !CLOSERS.has(token.kind) && token.kind !== 'terminator') change(start, end, ' ');
  }

  // Joints replace the gaps around (and including) their separator; drop the plain gap edits there.
  for (const [keyIndex, joint] of joints) {
    const key = sig[keyIndex];
    const value = sig[joint.value];
    for (let i = edits.length - 1; i >= 0; i--) {
      if (edits[i].start >= key.end && edits[i].end <= value.start) edits.splice(i, 1);
    }
    change(key.end, value.start, renderJoint(key, value, joint, style));
  }
  edits.sort((a, b) => a.start - b.start);

  const formatted = applyEdits(text, edits);
  const after = parseAgain(formatted);
  const difference = meaningDifference(parsed, after);
  // At the very end of a file a line break can matter (`a (\nx\n)` at EOF keeps the `)`): retry without.
  if (difference && style.insertFinalNewline) return formatConfig(parsed, { ...style, insertFinalNewline: false }, parseAgain);
  if (difference) return { ok: false, reason: `formatting would change what nats-server reads (${difference}); the file is left as it is` };
  return { ok: true, text: formatted, edits };
}

export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  let out = '';
  let at = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return out + text.slice(at);
}

function breaks(gap: string): number {
  return gap.match(LINE_BREAK)?.length ?? 0;
}

/** The file's own line break: the first one it uses, "\n" when it has none or only old Mac "\r". */
function lineBreakOf(tokens: readonly Token[]): string {
  const first = tokens.find((t) => t.kind === 'newline');
  return first?.text === '\r\n' ? '\r\n' : '\n';
}

/** Nesting depth of each significant token; a closer sits at the depth of its opener. */
function depthsOf(sig: readonly Token[]): number[] {
  const depth: number[] = [];
  let level = 0;
  for (const token of sig) {
    if (CLOSERS.has(token.kind)) level = Math.max(0, level - 1);
    depth.push(level);
    if (OPENERS.has(token.kind)) level++;
  }
  return depth;
}

function findJoints(sig: readonly Token[], gapBefore: (k: number) => string): Map<number, Joint> {
  const joints = new Map<number, Joint>();
  for (let k = 0; k < sig.length; k++) {
    if (sig[k].kind !== 'key') continue;
    let next = k + 1;
    let separator: Token | undefined;
    if (sig[next]?.kind === 'separator' && breaks(gapBefore(next)) === 0) separator = sig[next++];
    if (next >= sig.length || !VALUE_START.has(sig[next].kind) || breaks(gapBefore(next)) > 0) continue;
    joints.set(k, { value: next, separator });
  }
  return joints;
}

/** `include` (any case) as a bare key: written without a glued separator it becomes an include directive. */
function isIncludeWord(key: Token): boolean {
  return key.text.toLowerCase() === 'include';
}

function renderJoint(key: Token, value: Token, joint: Joint, style: FormatStyle): string {
  const pad = ' '.repeat(Math.max(0, (joint.alignTo ?? 0) - key.text.length));
  if (isIncludeWord(key)) return `${joint.separator?.text ?? ':'} `;
  if (value.kind === 'map-open') return ' ';
  // `key = =v` and `key = <NBSP>v`: without the separator lex.go would skip the `=` or the space.
  const first = value.text.charCodeAt(0);
  const startsLikeSeparator = isKeySeparator(first) || isSpace(first);
  switch (style.separator === ' ' && startsLikeSeparator ? ':' : style.separator) {
    case ':': return `:${pad} `;
    case '=': return `${pad} = `;
    default: return `${pad} `;
  }
}

/**
 * Lines that hold exactly one `key <sep> value` entry (the key first, a scalar or array value, all on
 * one line) and follow each other without a blank line, at the same depth, line up their values.
 */
function alignJoints(sig: readonly Token[], joints: Map<number, Joint>, depth: readonly number[], gapBefore: (k: number) => string): void {
  let group: Array<{ key: Token; joint: Joint }> = [];
  let groupDepth = -1;
  const flush = () => {
    if (group.length > 1) {
      const width = Math.max(...group.map((g) => g.key.text.length));
      for (const g of group) g.joint.alignTo = width;
    }
    group = [];
  };
  let k = 0;
  while (k < sig.length) {
    // One line: from k to the token before the next gap holding a line break.
    let end = k + 1;
    while (end < sig.length && breaks(gapBefore(end)) === 0) end++;
    const joint = joints.get(k);
    const multiLine = sig.slice(k, end).some((t) => breaks(t.text) > 0);
    const aligned = joint !== undefined && !multiLine && sig[joint.value].kind !== 'map-open' && !isIncludeWord(sig[k]);
    const adjacent = k > 0 && breaks(gapBefore(k)) === 1 && depth[k] === groupDepth;
    if (!aligned || !adjacent) flush();
    if (aligned) {
      group.push({ key: sig[k], joint: joint! });
      groupDepth = depth[k];
    }
    k = end;
  }
  flush();
}

// ---------------------------------------------------------------------------------------------
// LSP: whole document, a range, and on-type after `}`.

/** The edits formatting a whole document; none when it has syntax errors (see `formatReport`). */
export function formatDocumentEdits(document: TextDocument, parsed: ParseResult, style: FormatStyle, parseAgain: (text: string) => ParseResult): TextEdit[] {
  const outcome = formatConfig(parsed, style, parseAgain);
  return outcome.ok ? outcome.edits.map((edit) => toTextEdit(document, edit)) : [];
}

/**
 * The edits of whole-document formatting that fall in `range`: the gaps ending inside it (so the
 * indentation of its first line counts, the line break after its last line does not), and, for a gap
 * that starts inside and ends after it, just the trailing blanks of the range's last line.
 */
export function formatRangeEdits(document: TextDocument, parsed: ParseResult, range: Range, style: FormatStyle, parseAgain: (text: string) => ParseResult): TextEdit[] {
  const outcome = formatConfig(parsed, style, parseAgain);
  if (!outcome.ok) return [];
  const from = document.offsetAt(range.start);
  const to = document.offsetAt(range.end);
  const text = parsed.text;
  const chosen: OffsetEdit[] = [];
  for (const edit of outcome.edits) {
    if (edit.end >= from && edit.end <= to) chosen.push(edit);
    else if (edit.start >= from && edit.start <= to && edit.end > to) {
      const lineEnd = text.slice(edit.start, edit.end).search(/[\r\n]/);
      if (lineEnd > 0) chosen.push({ start: edit.start, end: edit.start + lineEnd, newText: '' });
    }
  }
  // Each edit is safe on its own by construction; check the chosen subset anyway.
  if (chosen.length > 0 && meaningDifference(parsed, parseAgain(applyEdits(text, chosen)))) return [];
  return chosen.map((edit) => toTextEdit(document, edit));
}

/** After typing `}`: formats from the line of the matching `{` to the `}`. */
export function formatOnTypeEdits(document: TextDocument, parsed: ParseResult, position: Position, typed: string, style: FormatStyle, parseAgain: (text: string) => ParseResult): TextEdit[] {
  if (typed !== '}') return [];
  const offset = document.offsetAt(position);
  const sig = parsed.tokens.filter((t) => t.kind !== 'whitespace' && t.kind !== 'newline');
  const index = sig.findIndex((t) => (t.kind === 'map-close' || t.kind === 'block-close') && t.end === offset);
  if (index < 0) return [];
  let level = 0;
  for (let k = index; k >= 0; k--) {
    if (CLOSERS.has(sig[k].kind)) level++;
    else if (OPENERS.has(sig[k].kind) && --level === 0) {
      const start = document.positionAt(sig[k].start);
      return formatRangeEdits(document, parsed, { start: { line: start.line, character: 0 }, end: position }, style, parseAgain);
    }
  }
  return [];
}

function toTextEdit(document: TextDocument, edit: OffsetEdit): TextEdit {
  return { range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.newText };
}
