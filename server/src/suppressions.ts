// Suppression comments, honoured by the editor and the CLI alike (the service applies them once,
// after every rule has run):
//
//   # nats-lattice-disable-next-line duplicate-key, unknown-key -- why
//   # nats-lattice-disable-file unused-variable
//
// No code means every code. `//` works too in NATS configs; `#` works in configs, env files and
// compose files, so the quick fix always writes `#`.
import { Diagnostic, TextEdit } from 'vscode-languageserver-types';

export const DISABLE_NEXT_LINE = 'nats-lattice-disable-next-line';
export const DISABLE_FILE = 'nats-lattice-disable-file';

/** `all`, or the codes named. */
type CodeSet = 'all' | Set<string>;

export interface Suppressions {
  file?: CodeSet;
  /** 0-based line → codes suppressed on it (the line after the comment). */
  lines: Map<number, CodeSet>;
}

const NO_SUPPRESSIONS: Suppressions = { lines: new Map() };
const COMMENT = /^[ \t]*(?:#|\/\/)[ \t]*nats-lattice-disable-(next-line|file)(?=[ \t,]|$)([^\r\n]*)/gm;

export function readSuppressions(text: string): Suppressions {
  // Nearly every file has none: skip the line scan entirely then.
  if (!text.includes('nats-lattice-disable-')) return NO_SUPPRESSIONS;
  const found: Suppressions = { lines: new Map() };
  let line = 0;
  let counted = 0;
  for (const match of text.matchAll(COMMENT)) {
    line += countNewlines(text, counted, match.index);
    counted = match.index;
    const codes = readCodes(match[2]);
    if (match[1] === 'file') found.file = union(found.file, codes);
    else found.lines.set(line + 1, union(found.lines.get(line + 1), codes));
  }
  return found;
}

export function isSuppressed(suppressions: Suppressions, line: number, code: string): boolean {
  return covers(suppressions.file, code) || covers(suppressions.lines.get(line), code);
}

/** The diagnostics no suppression comment in `text` (the file they are in) covers. */
export function withoutSuppressed(diagnostics: Diagnostic[], text: string | undefined): Diagnostic[] {
  if (text === undefined || diagnostics.length === 0) return diagnostics;
  const suppressions = readSuppressions(text);
  if (suppressions === NO_SUPPRESSIONS) return diagnostics;
  return diagnostics.filter((diagnostic) => !isSuppressed(suppressions, diagnostic.range.start.line, String(diagnostic.code ?? '')));
}

/**
 * The edit that silences one diagnostic: a `# nats-lattice-disable-next-line CODE` comment above
 * its line, indented like it, or the code added to such a comment already there.
 */
export function suppressionEdit(text: string, diagnostic: Pick<Diagnostic, 'range' | 'code'>): TextEdit {
  const code = String(diagnostic.code ?? '');
  const lines = text.split(/\r\n|\r|\n/);
  const lineIndex = Math.min(diagnostic.range.start.line, Math.max(lines.length - 1, 0));
  const above = lineIndex > 0 ? lines[lineIndex - 1] : undefined;
  const head = above === undefined ? null : /^[ \t]*(?:#|\/\/)[ \t]*nats-lattice-disable-next-line(?=[ \t,]|$)/.exec(above);
  if (above !== undefined && head && code !== '') {
    const reason = above.slice(head[0].length).search(/[ \t]--/);
    const codesEnd = head[0].length + (reason === -1 ? above.length - head[0].length : reason);
    const codesText = above.slice(head[0].length, codesEnd).trimEnd();
    // A bare comment already silences the whole line; only a list of codes is extended.
    if (readCodes(codesText) !== 'all') return TextEdit.insert({ line: lineIndex - 1, character: head[0].length + codesText.length }, `, ${code}`);
  }
  const indentation = /^[ \t]*/.exec(lines[lineIndex] ?? '')![0];
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  return TextEdit.insert({ line: lineIndex, character: 0 }, `${indentation}# ${DISABLE_NEXT_LINE}${code ? ` ${code}` : ''}${newline}`);
}

function readCodes(rest: string): CodeSet {
  const withoutReason = rest.split(/[ \t]--/)[0];
  const codes = withoutReason.split(/[\s,]+/).filter((code) => code !== '');
  return codes.length === 0 ? 'all' : new Set(codes);
}

function union(a: CodeSet | undefined, b: CodeSet): CodeSet {
  if (a === undefined) return b;
  if (a === 'all' || b === 'all') return 'all';
  return new Set([...a, ...b]);
}

function covers(codes: CodeSet | undefined, code: string): boolean {
  return codes !== undefined && (codes === 'all' || codes.has(code));
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
