import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { pathToUri } from './uri';
import { redactSecrets } from './secrets';
import { sameJson } from './sameJson';

/** Every diagnostic we publish carries this source, so users can tell (and filter) where it came from. */
export const DIAGNOSTIC_SOURCE = 'nats-lattice';

export type ProblemSeverity = 'error' | 'warning' | 'information' | 'hint';

/**
 * A problem found in a file, located by character offsets: the shape the syntax layer reports
 * (parse errors, evaluation diagnostics), before it becomes an LSP Diagnostic.
 */
export interface FileProblem {
  file: string;
  start: number;
  end: number;
  code: string;
  message: string;
  /** Absent means error: syntax, include and variable problems stop nats-server from starting. */
  severity?: ProblemSeverity;
  related?: { file: string; start: number; end: number; message: string }[];
  /** Quick fixes by offsets in `file`; published as `diagnostic.data.fixes` with LSP ranges. */
  fixes?: { title: string; start: number; end: number; newText: string }[];
}

/** Answers "which line and column is offset N of file F", reading each file once. */
export class PositionResolver {
  private readonly documents = new Map<string, TextDocument | undefined>();

  constructor(private readonly readText: (file: string) => string | undefined) {}

  /** Seed with text already in hand (the document being validated), so it is never read again. */
  remember(file: string, text: string): void {
    this.documents.set(file, TextDocument.create(pathToUriSafe(file), 'nats-conf', 0, text));
  }

  /** Seed with an open document: it keeps its line offsets up to date as it is edited. */
  rememberDocument(file: string, document: TextDocument): void {
    this.documents.set(file, document);
  }

  range(file: string, start: number, end: number): Range {
    const document = this.documentOf(file);
    if (!document) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const length = document.getText().length;
    const from = clamp(start, 0, length);
    const to = clamp(Math.max(end, from), from, length);
    return { start: document.positionAt(from), end: document.positionAt(to) };
  }

  text(file: string): string | undefined {
    return this.documentOf(file)?.getText();
  }

  private documentOf(file: string): TextDocument | undefined {
    if (!this.documents.has(file)) {
      const text = this.readText(file);
      this.documents.set(file, text === undefined ? undefined : TextDocument.create(pathToUriSafe(file), 'nats-conf', 0, text));
    }
    return this.documents.get(file);
  }
}

/** What toDiagnostic needs to place offsets: a PositionResolver, or line starts already in hand. */
export type Positions = Pick<PositionResolver, 'range'>;

export function toDiagnostic(problem: FileProblem, positions: Positions, uriOf: (file: string) => string = pathToUriSafe): Diagnostic {
  const diagnostic: Diagnostic = {
    range: positions.range(problem.file, problem.start, problem.end),
    severity: toLspSeverity(problem.severity ?? 'error'),
    code: problem.code,
    source: DIAGNOSTIC_SOURCE,
    message: redactSecrets(problem.message),
  };
  if (problem.fixes && problem.fixes.length > 0) {
    // For the code-action provider: { fixes: [{ title, range, newText }] }, edits in the diagnostic's document.
    diagnostic.data = { fixes: problem.fixes.map((fix) => ({ title: fix.title, range: positions.range(problem.file, fix.start, fix.end), newText: fix.newText })) };
  }
  if (problem.related && problem.related.length > 0) {
    diagnostic.relatedInformation = problem.related.map(
      (related): DiagnosticRelatedInformation => ({
        location: { uri: uriOf(related.file), range: positions.range(related.file, related.start, related.end) },
        message: redactSecrets(related.message),
      }),
    );
  }
  return diagnostic;
}

export function toLspSeverity(severity: ProblemSeverity): DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'information':
      return DiagnosticSeverity.Information;
    case 'hint':
      return DiagnosticSeverity.Hint;
  }
}

export function severityName(severity: DiagnosticSeverity | undefined): ProblemSeverity {
  switch (severity) {
    case DiagnosticSeverity.Warning:
      return 'warning';
    case DiagnosticSeverity.Information:
      return 'information';
    case DiagnosticSeverity.Hint:
      return 'hint';
    default:
      return 'error';
  }
}

/** Keeps the first of problems reported twice (same file, range, code and message). */
export function withoutDuplicates(problems: FileProblem[]): FileProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.file}\0${problem.start}\0${problem.end}\0${problem.code}\0${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Files that are not on disk (untitled buffers) keep the name they were given. */
function pathToUriSafe(file: string): string {
  return /^[A-Za-z][A-Za-z0-9+.-]+:/.test(file) && !/^[A-Za-z]:[\\/]/.test(file) ? file : pathToUri(file);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

/** LSP 3.18 allows markup messages; plain outputs (CLI, logs) want the text. */
export function messageText(message: Diagnostic['message']): string {
  return typeof message === 'string' ? message : message.value;
}

/** The order of a document's diagnostics: by range, then code, severity and message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.range.end.line - b.range.end.line ||
    a.range.end.character - b.range.end.character ||
    compareText(String(a.code ?? ''), String(b.code ?? '')) ||
    (a.severity ?? 0) - (b.severity ?? 0) ||
    compareText(messageText(a.message), messageText(b.message))
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `next` with every finding that equals one of `previous` replaced by that earlier object; both
 * in canonical order. A finding that stands keeps its identity from check to check, which lets the
 * quick check and the publish encoder (publishEncoder.ts) reuse what they know about it.
 */
export function keepUnchanged(previous: readonly Diagnostic[] | undefined, next: Diagnostic[]): Diagnostic[] {
  if (!previous) return next;
  let i = 0;
  for (let j = 0; j < next.length && i < previous.length; ) {
    const order = compareDiagnostics(previous[i], next[j]);
    if (order < 0) i++;
    else if (order > 0) j++;
    else {
      if (sameJson(previous[i], next[j])) next[j] = previous[i];
      i++;
      j++;
    }
  }
  return next;
}
