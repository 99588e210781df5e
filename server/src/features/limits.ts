// Caps on what one request returns for a huge document: past a few thousand entries an outline or
// fold list is no help to anyone and costs the editor more than it gives.
import { DocumentSymbol, FoldingRange } from 'vscode-languageserver-types';

export interface FeatureLimits {
  /** Most document symbols returned, counting nested ones (settings: natsLattice.limits.symbols). */
  symbols: number;
  /** Most folding ranges returned (settings: natsLattice.limits.foldingRanges). */
  foldingRanges: number;
}

export const DEFAULT_LIMITS: FeatureLimits = { symbols: 5000, foldingRanges: 5000 };

/** Keeps the outline's upper levels first: breadth-first, so a cut drops the deepest entries. */
export function limitSymbols(symbols: DocumentSymbol[], max: number): DocumentSymbol[] {
  let budget = max;
  const roots: DocumentSymbol[] = [];
  const queue: { from: DocumentSymbol[]; into: DocumentSymbol[] }[] = [{ from: symbols, into: roots }];
  for (let i = 0; i < queue.length && budget > 0; i++) {
    const { from, into } = queue[i];
    for (const symbol of from) {
      if (budget === 0) break;
      budget--;
      const copy: DocumentSymbol = { ...symbol, children: symbol.children ? [] : undefined };
      into.push(copy);
      if (symbol.children && symbol.children.length > 0) queue.push({ from: symbol.children, into: copy.children! });
    }
  }
  return roots;
}

/** Keeps the outermost folds: the largest ranges matter most when a cut is needed. */
export function limitFoldingRanges(ranges: FoldingRange[], max: number): FoldingRange[] {
  if (ranges.length <= max) return ranges;
  return [...ranges]
    .sort((a, b) => (b.endLine - b.startLine) - (a.endLine - a.startLine) || a.startLine - b.startLine)
    .slice(0, max)
    .sort((a, b) => a.startLine - b.startLine);
}
