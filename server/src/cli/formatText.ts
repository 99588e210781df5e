import { DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { messageText, severityName } from '../diagnostics';
import { uriToPath } from '../uri';
import { CheckResult } from './check';
import { NO_COLOR_PALETTE, Palette } from './color';
import { maskSourceLine } from '../secrets';

export interface TextFormatContext {
  /** Shows a path the way the user should see it (relative to the working folder). */
  displayPath(file: string): string;
  /** The text of a file, to quote the offending line. */
  readFile(file: string): string | undefined;
  palette?: Palette;
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
  const paint = context.palette ?? NO_COLOR_PALETTE;
  const lines: string[] = [];
  const linesOf = new Map<string, string[]>();
  const sourceLines = (file: string) => {
    if (!linesOf.has(file)) linesOf.set(file, (context.readFile(file) ?? '').split(/\r\n|\r|\n/));
    return linesOf.get(file)!;
  };

  for (const { file, diagnostic } of result.diagnostics) {
    const { line, character } = diagnostic.range.start;
    const severity = severityName(diagnostic.severity);
    const colorOf = severity === 'error' ? paint.error : severity === 'warning' ? paint.warning : paint.info;
    lines.push(
      `${paint.bold(`${context.displayPath(file)}:${line + 1}:${character + 1}`)} ${colorOf(severity)} ${paint.dim(String(diagnostic.code ?? ''))} ${messageText(diagnostic.message)}`,
    );
    lines.push(...quote(sourceLines(file), diagnostic.range, (carets) => colorOf(carets), paint.dim));
    for (const related of diagnostic.relatedInformation ?? []) {
      const relatedFile = uriToPath(related.location.uri) ?? related.location.uri;
      const start = related.location.range.start;
      lines.push(`    ${paint.dim('related:')} ${context.displayPath(relatedFile)}:${start.line + 1}:${start.character + 1} ${related.message}`);
    }
  }
  lines.push(summary(result));
  return lines.join('\n') + '\n';
}

export interface Counts {
  errors: number;
  warnings: number;
  /** Information and hints. */
  notes: number;
}

export function countSeverities(result: CheckResult): Counts {
  const counts: Counts = { errors: 0, warnings: 0, notes: 0 };
  for (const { diagnostic } of result.diagnostics) {
    const severity = diagnostic.severity ?? DiagnosticSeverity.Error;
    if (severity === DiagnosticSeverity.Error) counts.errors++;
    else if (severity === DiagnosticSeverity.Warning) counts.warnings++;
    else counts.notes++;
  }
  return counts;
}

export function summary(result: CheckResult): string {
  const counts = countSeverities(result);
  const notes = counts.notes > 0 ? `, ${plural(counts.notes, 'note')}` : '';
  return `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}${notes} in ${plural(result.files.length, 'file')}`;
}

/** The first line of the range and a caret line under the part of it the range covers. */
function quote(source: string[], range: Range, paintCarets: (text: string) => string, paintGutter: (text: string) => string): string[] {
  const lineIndex = range.start.line;
  if (lineIndex >= source.length) return [];
  const text = source[lineIndex];
  const from = Math.min(range.start.character, text.length);
  const to = range.end.line === lineIndex ? Math.min(range.end.character, text.length) : text.length;
  const gutter = String(lineIndex + 1);
  const blank = ' '.repeat(gutter.length);
  // Keep tabs in the padding so the carets line up under the same characters as in the source.
  const padding = text.slice(0, from).replace(/[^\t]/g, ' ');
  // Secret values in the quoted line are masked to the same width, so the carets still line up.
  return [`  ${paintGutter(`${gutter} |`)} ${maskSourceLine(text)}`, `  ${paintGutter(`${blank} |`)} ${padding}${paintCarets('^'.repeat(Math.max(1, to - from)))}`];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
