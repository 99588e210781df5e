import { DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { messageText, severityName } from '../diagnostics';
import { uriToPath } from '../uri';
import { CheckResult } from './check';

export interface TextFormatContext {
  /** Shows a path the way the user should see it (relative to the working folder). */
  displayPath(file: string): string;
  /** The text of a file, to quote the offending line. */
  readFile(file: string): string | undefined;
}

/**
 * One block per problem, like compilers print them:
 *
 *     conf/nats.conf:3:7 error unterminated-string The string ...
 *        3 | host: "abc
 *          |       ^^^^
 *       related: conf/other.conf:1:1 message
 *
 * then one summary line.
 */
export function formatText(result: CheckResult, context: TextFormatContext): string {
  const lines: string[] = [];
  const linesOf = new Map<string, string[]>();
  const sourceLines = (file: string) => {
    if (!linesOf.has(file)) linesOf.set(file, (context.readFile(file) ?? '').split(/\r\n|\r|\n/));
    return linesOf.get(file)!;
  };

  for (const { file, diagnostic } of result.diagnostics) {
    const { line, character } = diagnostic.range.start;
    lines.push(`${context.displayPath(file)}:${line + 1}:${character + 1} ${severityName(diagnostic.severity)} ${diagnostic.code ?? ''} ${messageText(diagnostic.message)}`);
    lines.push(...quote(sourceLines(file), diagnostic.range));
    for (const related of diagnostic.relatedInformation ?? []) {
      const relatedFile = uriToPath(related.location.uri) ?? related.location.uri;
      const start = related.location.range.start;
      lines.push(`    related: ${context.displayPath(relatedFile)}:${start.line + 1}:${start.character + 1} ${related.message}`);
    }
  }
  lines.push(summary(result));
  return lines.join('\n') + '\n';
}

export function summary(result: CheckResult): string {
  const count = (severity: DiagnosticSeverity) => result.diagnostics.filter(({ diagnostic }) => (diagnostic.severity ?? DiagnosticSeverity.Error) === severity).length;
  return `${plural(count(DiagnosticSeverity.Error), 'error')}, ${plural(count(DiagnosticSeverity.Warning), 'warning')} in ${plural(result.files.length, 'file')}`;
}

/** The first line of the range and a caret line under the part of it the range covers. */
function quote(source: string[], range: Range): string[] {
  const lineIndex = range.start.line;
  if (lineIndex >= source.length) return [];
  const text = source[lineIndex];
  const from = Math.min(range.start.character, text.length);
  const to = range.end.line === lineIndex ? Math.min(range.end.character, text.length) : text.length;
  const gutter = String(lineIndex + 1);
  const blank = ' '.repeat(gutter.length);
  // Keep tabs in the padding so the carets line up under the same characters as in the source.
  const padding = text.slice(0, from).replace(/[^\t]/g, ' ');
  return [`  ${gutter} | ${text}`, `  ${blank} | ${padding}${'^'.repeat(Math.max(1, to - from))}`];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

