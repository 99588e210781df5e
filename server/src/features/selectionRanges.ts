// Smart selection: from the word under the cursor outwards, value → entry → block contents →
// block → enclosing entry ... → whole document.

import { Position, SelectionRange } from 'vscode-languageserver-types';
import { Span } from '../syntax/tree';
import { ConfigDocument, offsetOf, rangeOf } from './document';
import { chainAt, touches } from './nodeAt';

export function getSelectionRanges(doc: ConfigDocument, positions: Position[]): SelectionRange[] {
  return positions.map((position) => selectionAt(doc, offsetOf(doc, position)));
}

function selectionAt(doc: ConfigDocument, offset: number): SelectionRange {
  const chain = chainAt(doc.parsed.document.body, offset);
  const spans: Span[] = [];
  for (const node of chain) {
    switch (node.type) {
      case 'map': case 'array':
        spans.push(node);
        if (node.open && node.close && node.close.start > node.open.end) spans.push(innerSpan(doc, node.open.end, node.close.start));
        break;
      case 'entry':
        spans.push(node);
        if (touches(node.key, offset)) spans.push(node.key.quote ? { start: node.key.start + 1, end: node.key.end - 1 } : node.key, node.key);
        break;
      case 'include':
        spans.push(node);
        if (touches(node.pathSpan, offset)) spans.push(node.pathSpan);
        break;
      case 'variable':
        spans.push(node, node.nameSpan);
        break;
      case 'scalar':
        spans.push(node);
        if ((node.style === 'double' || node.style === 'single') && node.end - node.start >= 2) spans.push({ start: node.start + 1, end: node.end - 1 });
        break;
    }
  }
  spans.unshift({ start: 0, end: doc.parsed.text.length });
  // Outermost first; keep only spans that hold the cursor and strictly shrink inwards.
  const ordered = spans.filter((s) => touches(s, offset)).sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const span of ordered) {
    const outer = kept[kept.length - 1];
    if (outer && (span.start < outer.start || span.end > outer.end || (span.start === outer.start && span.end === outer.end))) continue;
    kept.push(span);
  }
  let result: SelectionRange = { range: rangeOf(doc, kept[0]) };
  for (const span of kept.slice(1)) result = { range: rangeOf(doc, span), parent: result };
  return result;
}

/** The inside of a block without the blanks around its contents. */
function innerSpan(doc: ConfigDocument, from: number, to: number): Span {
  const text = doc.parsed.text;
  let start = from, end = to;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return start < end ? { start, end } : { start: from, end: to };
}
