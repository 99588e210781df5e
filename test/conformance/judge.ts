// Decides whether our evaluation agrees with nats-server on one configuration.
import path from 'node:path';
import { Canonical, canonicalDifference, toCanonical } from './canonical';
import type { ConfErrorLocation } from './nats-messages';
import { lineAt, OurDiagnostic, OurResult } from './our-side';

/** What nats-server 2.9.10 made of one configuration. */
export interface OracleAnswer {
  /** Set when the conf package rejects the file: its message and where it points. */
  rejects?: { message: string; location: ConfErrorLocation };
  /** The canonical value when it accepts (from confdump). */
  value?: Canonical;
}

function describe(d: OurDiagnostic, baseDir: string, ours: OurResult): string {
  const text = ours.texts.get(path.resolve(d.file));
  const where = text === undefined ? `${d.start}` : `${lineAt(text, d.start)}`;
  return `${path.relative(baseDir, d.file) || d.file}:${where}: ${d.code}: ${d.message}`;
}

/**
 * Lists every way our result disagrees with nats-server's answer (empty = agreement).
 * An error agrees with "line N" when its range starts on line N, or spans the line break nats-server
 * had already consumed when it noticed (start before line N, end on line N).
 */
export function disagreements(answer: OracleAnswer, ours: OurResult, mainFile: string): string[] {
  const baseDir = path.dirname(mainFile);
  const ourErrors = ours.errors.map((d) => describe(d, baseDir, ours));
  if (answer.rejects) {
    const { message, location } = answer.rejects;
    if (ours.errors.length === 0) return [`nats-server rejects it (${message}), we report no error`];
    const wantFile = path.resolve(baseDir, location.file);
    const inFile = ours.errors.filter((d) => path.resolve(d.file) === wantFile);
    if (inFile.length === 0) {
      return [`nats-server rejects it in ${location.file} (${message}); our errors are elsewhere: ${ourErrors.join(' | ')}`];
    }
    if (location.line !== undefined) {
      const line = location.line;
      const text = ours.texts.get(wantFile) ?? '';
      const onLine = inFile.some((d) => lineAt(text, d.start) === line || (lineAt(text, d.start) < line && lineAt(text, d.end) >= line));
      if (!onLine) return [`nats-server reports ${location.file} line ${line} (${message}); we report: ${ourErrors.join(' | ')}`];
    }
    return [];
  }
  const problems: string[] = [];
  if (ours.errors.length) problems.push(`nats-server accepts it, we report: ${ourErrors.join(' | ')}`);
  else if (answer.value !== undefined) {
    const diff = canonicalDifference(answer.value, toCanonical(ours.value));
    if (diff) problems.push(`value differs ${diff}`);
  }
  return problems;
}
