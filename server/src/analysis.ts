import { FileProblem, withoutDuplicates } from './diagnostics';
import { evaluate, ParseCache } from './syntax/evaluate';
import { ParseResult } from './syntax/tree';

/** What the analysis may read: files (already overlaid with open buffers) and the environment. */
export interface AnalysisHost {
  readFile(absPath: string): string | undefined;
  env: Record<string, string | undefined>;
}

export interface FileAnalysis {
  /** Problems in the file and in everything it includes, each located in its own file. */
  problems: FileProblem[];
  /** Every file the analysis read, the analysed file first. */
  files: string[];
}

/**
 * Analyses one configuration file as nats-server would load it: syntax, variables and includes.
 * `parsedRoot`, when given, is the file's parse already in hand (the service caches one per
 * document version); `includes` keeps the parses of included files while their text is unchanged.
 */
export function analyzeFile(file: string, host: AnalysisHost, parsedRoot?: ParseResult, includes?: ParseCache): FileAnalysis {
  const cache = includes ?? new ParseCache();
  const result = evaluate(file, host, {
    parse: (path, text) => (parsedRoot && text === parsedRoot.text && path === file ? parsedRoot : cache.get(path, text)),
  });
  // Evaluation reports the root's syntax errors and warnings itself (rootSyntax defaults to true).
  const problems = result.diagnostics.map(
    (diagnostic): FileProblem => ({
      file: diagnostic.file,
      start: diagnostic.start,
      end: diagnostic.end,
      code: diagnostic.code,
      message: diagnostic.message,
      severity: diagnostic.severity,
      related: diagnostic.related,
    }),
  );
  return { problems: withoutDuplicates(problems), files: result.files };
}
