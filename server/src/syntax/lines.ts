// Line numbers as nats-server reports them: 1 + the '\n' characters before an offset (Go counts
// only '\n'). Only errors and warnings need them, and most files have none, so the table of line
// starts is built on the first question instead of on every parse.

export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  /** The 1-based line of `offset`. */
  lineOf(offset: number): number {
    return lineContaining((this.starts ??= lineStarts(this.text)), offset) + 1;
  }
}

/** The 0-based index of the line holding `offset`, given where each line starts. */
export function lineContaining(starts: readonly number[], offset: number): number {
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/** Where each line starts: 0, and after every '\n'. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  // indexOf scans natively, much faster than a charCodeAt loop on large files.
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
