// Folding: blocks, lists, multi-line block strings and runs of comment lines.

import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver-types';
import { ConfigDocument } from './document';
import { walk } from './nodeAt';

export function getFoldingRanges(doc: ConfigDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const line = (offset: number) => doc.lines.positionAt(offset).line;
  /** Folds from the opening line to the line before the closing bracket (it stays visible), or to the end. */
  const text = doc.parsed.text;
  const bracketed = (openAt: number, closeAt: number | undefined, end: number) => {
    const startLine = line(openAt);
    const endLine = closeAt !== undefined ? line(closeAt) - (closesOwnLine(text, closeAt) ? 1 : 0) : line(Math.max(openAt, end - 1));
    if (endLine > startLine) ranges.push({ startLine, endLine });
  };
  walk(doc.parsed.document.body, (node) => {
    if ((node.type === 'map' || node.type === 'array') && node.open) bracketed(node.open.start, node.close?.start, node.end);
    else if (node.type === 'scalar' && node.style === 'block') bracketed(node.start, node.end - 1, node.end);
  });
  commentRuns(doc, line, ranges);
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

/** Whether only blanks precede the closing bracket on its line. */
function closesOwnLine(text: string, closeAt: number): boolean {
  // Scan back over blanks only: a whole-line scan per bracket is quadratic on a long single line.
  let i = closeAt - 1;
  while (i >= 0 && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i--;
  return i < 0 || text.charCodeAt(i) === 0x0a;
}

/** Two or more consecutive lines holding only a comment fold together. */
function commentRuns(doc: ConfigDocument, line: (offset: number) => number, ranges: FoldingRange[]): void {
  const text = doc.parsed.text;
  let runStart = -1, runEnd = -1;
  const flush = () => {
    if (runStart >= 0 && runEnd > runStart) ranges.push({ startLine: runStart, endLine: runEnd, kind: FoldingRangeKind.Comment });
    runStart = runEnd = -1;
  };
  for (const comment of doc.parsed.comments) {
    const lineStart = text.lastIndexOf('\n', comment.start - 1) + 1;
    const alone = /^[ \t]*$/.test(text.slice(lineStart, comment.start));
    const at = line(comment.start);
    if (!alone) { flush(); continue; }
    if (runStart >= 0 && at === runEnd + 1) runEnd = at;
    else { flush(); runStart = runEnd = at; }
  }
  flush();
}
