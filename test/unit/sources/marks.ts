// Range markers for source-reader tests: «…» marks a span in the input; the markers are removed
// and the spans returned in the order they close (so nested marks list the inner span first).
// An empty «» marks an empty span (a bare name's value).

import type { Span } from '../../../server/src/sources/hostSettings';

export function unmark(input: string): { text: string; spans: Span[] } {
  const spans: Span[] = [];
  let text = '';
  const open: number[] = [];
  for (const c of input) {
    if (c === '«') open.push(text.length);
    else if (c === '»') spans.push({ start: open.pop() ?? 0, end: text.length });
    else text += c;
  }
  return { text, spans };
}

/** The spans of assignments as the markers would write them: name, value, name, value, … */
export function assignmentSpans(assignments: readonly { nameSpan: Span; valueSpan: Span }[]): Span[] {
  return assignments.flatMap((a) => [a.nameSpan, a.valueSpan]);
}

/** A compact view of assignments for deep-equal checks. */
export function summary(assignments: readonly { name: string; value: string | undefined; via: string; unresolved?: string[] }[]): [string, string | undefined][] {
  return assignments.map((a) => [a.name, a.value]);
}
