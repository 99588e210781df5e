import { Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const OPEN = '⟦';
export const CLOSE = '⟧';

/**
 * Removes ⟦ ⟧ markers from a text and returns the text with the ranges they enclosed, in order of
 * their opening marker. `⟦⟧` marks an empty range.
 */
export function stripMarkers(marked: string): { text: string; ranges: Range[] } {
  let text = '';
  const opens: number[] = [];
  const spans: { start: number; end: number }[] = [];
  for (const char of marked) {
    if (char === OPEN) opens.push(text.length);
    else if (char === CLOSE) {
      const start = opens.pop();
      if (start === undefined) throw new Error(`unbalanced ${CLOSE} in test input: ${marked}`);
      spans.push({ start, end: text.length });
    } else text += char;
  }
  if (opens.length) throw new Error(`unbalanced ${OPEN} in test input: ${marked}`);
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const document = TextDocument.create('file:///markers', 'nats-conf', 0, text);
  return { text, ranges: spans.map((span) => ({ start: document.positionAt(span.start), end: document.positionAt(span.end) })) };
}
