// The lossless token stream: the lexer's items give the meaningful pieces; everything between them
// (whitespace, line breaks, ';' and ',', characters skipped by recovery) is classified here.

import { isNewline, isSpace } from './chars';
import { LexResult } from './lexer';
import { Kind, Style } from './items';
import { Token, TokenKind } from './tree';

/** The tokens that are scalar values. */
export const SCALAR_TOKEN_KINDS: ReadonlySet<TokenKind> = new Set(['string', 'integer', 'float', 'boolean', 'datetime']);

interface Piece { start: number; end: number; kind: TokenKind }

const ITEM_KIND: Partial<Record<Kind, TokenKind>> = {
  [Kind.Key]: 'key', [Kind.Bool]: 'boolean', [Kind.Integer]: 'integer', [Kind.Float]: 'float', [Kind.Datetime]: 'datetime', [Kind.Variable]: 'variable',
  [Kind.MapStart]: 'map-open', [Kind.MapEnd]: 'map-close', [Kind.ArrayStart]: 'array-open', [Kind.ArrayEnd]: 'array-close',
  [Kind.BlockOpen]: 'block-open', [Kind.BlockClose]: 'block-close', [Kind.Comment]: 'comment',
};

export function buildTokens(text: string, lexed: LexResult): Token[] {
  const pieces: Piece[] = [];
  const items = lexed.items;
  for (let i = 0; i < items.length; i++) {
    const start = items.start[i], end = items.end[i], itemKind = items.kind[i];
    if (items.synthetic.has(i) || end <= start) continue;
    if (itemKind === Kind.Include) {
      const keyword = items.keyword.get(i);
      if (keyword) pieces.push({ start: keyword.start, end: keyword.end, kind: 'include-keyword' });
      pieces.push({ start, end, kind: 'include-path' });
      continue;
    }
    if (itemKind === Kind.String) {
      pieces.push({ start, end, kind: items.style[i] === Style.Block ? 'block-string' : 'string' });
      continue;
    }
    const kind = ITEM_KIND[itemKind as Kind];
    if (kind) pieces.push({ start, end, kind });
    const separator = items.separatorAt[i];
    if (separator >= 0) pieces.push({ start: separator, end: separator + 1, kind: 'separator' });
  }
  for (const s of lexed.skipped) pieces.push({ start: s.start, end: s.end, kind: 'stray' });
  pieces.sort((a, b) => a.start - b.start || b.end - a.end);

  const tokens: Token[] = [];
  let pos = 0;
  for (const p of pieces) {
    if (p.start < pos) continue; // overlaps something already covered (recovery leftovers)
    if (p.start > pos) gap(text, pos, p.start, tokens);
    tokens.push({ kind: p.kind, start: p.start, end: p.end, text: text.slice(p.start, p.end) });
    pos = p.end;
  }
  if (pos < text.length) gap(text, pos, text.length, tokens);
  return tokens;
}

function gap(text: string, from: number, to: number, out: Token[]): void {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    let j = i + 1;
    let kind: TokenKind;
    if (c === 0x0d && text.charCodeAt(j) === 0x0a && j < to) { j++; kind = 'newline'; }
    else if (isNewline(c)) kind = 'newline';
    else if (c === 0x3b || c === 0x2c) kind = 'terminator';
    else if (c === 0x3d || c === 0x3a) kind = 'separator';
    else if (isSpace(c)) {
      while (j < to && isSpace(text.charCodeAt(j)) && !isNewline(text.charCodeAt(j))) j++;
      kind = 'whitespace';
    } else {
      while (j < to && !isSpace(text.charCodeAt(j)) && !';,=:'.includes(text[j])) j++;
      kind = 'stray';
    }
    out.push({ kind, start: i, end: j, text: text.slice(i, j) });
    i = j;
  }
}
