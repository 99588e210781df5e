// The lossless token stream: the lexer's items give the meaningful pieces; everything between them
// (whitespace, line breaks, ';' and ',', characters skipped by recovery) is classified here.

import { isNewline, isSpace } from './chars';
import { LexResult } from './lexer';
import { Token, TokenKind } from './tree';

interface Piece { start: number; end: number; kind: TokenKind }

const ITEM_KIND: Record<string, TokenKind | undefined> = {
  key: 'key', bool: 'boolean', integer: 'integer', float: 'float', datetime: 'datetime', variable: 'variable',
  'map-start': 'map-open', 'map-end': 'map-close', 'array-start': 'array-open', 'array-end': 'array-close',
  'block-open': 'block-open', 'block-close': 'block-close', comment: 'comment',
};

export function buildTokens(text: string, lexed: LexResult): Token[] {
  const pieces: Piece[] = [];
  for (const item of lexed.items) {
    if (item.synthetic || item.end <= item.start) continue;
    if (item.kind === 'include') {
      if (item.keyword) pieces.push({ start: item.keyword.start, end: item.keyword.end, kind: 'include-keyword' });
      pieces.push({ start: item.start, end: item.end, kind: 'include-path' });
      continue;
    }
    if (item.kind === 'string') {
      pieces.push({ start: item.start, end: item.end, kind: item.style === 'block' ? 'block-string' : 'string' });
      continue;
    }
    const kind = ITEM_KIND[item.kind];
    if (kind) pieces.push({ start: item.start, end: item.end, kind });
    if (item.separator) pieces.push({ start: item.separator.start, end: item.separator.end, kind: 'separator' });
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
