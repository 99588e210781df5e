import { FileProblem, withoutDuplicates } from './diagnostics';
import { EvalResult, evaluate, ParseCache } from './syntax/evaluate';
import { EvaluationCache } from './syntax/evaluationCache';
import { checkConfigSecurity } from './rules/security';
import { ParseResult } from './syntax/tree';
import { checkOptions, OptionCode } from './rules/options';
import { CURRENT_SERVER_VERSION } from './facts/versions';

/** What the analysis may read: files (already overlaid with open buffers) and the environment. */
export interface AnalysisHost {
  readFile(absPath: string): string | undefined;
  env: Record<string, string | undefined>;
  /** nats-server release the option rules check against (default: the newest the table knows). */
  serverVersion?: string;
}

export interface FileAnalysis {
  /** Problems in the file and in everything it includes, each located in its own file. */
  problems: FileProblem[];
  /** Every file the analysis read, the analysed file first. */
  files: string[];
  /** The evaluated configuration the security rules judged (shared with caches: never change it). */
  evaluation: EvalResult;
}

/**
 * Analyses one configuration file as nats-server would load it: syntax, variables and includes.
 * `parsedRoot`, when given, is the file's parse already in hand (the service caches one per
 * document version); `includes` keeps the parses of included files while their text is unchanged;
 * `evaluations` shares the evaluation with the lattice check while nothing it read changed.
 */
export function analyzeFile(file: string, host: AnalysisHost, parsedRoot?: ParseResult, includes?: ParseCache, evaluations?: EvaluationCache): FileAnalysis {
  const cache = includes ?? new ParseCache();
  const options = { parse: (path: string, text: string) => (parsedRoot && text === parsedRoot.text && path === file ? parsedRoot : cache.get(path, text)) };
  const result = evaluations ? evaluations.evaluate(file, host, options) : evaluate(file, host, options);
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
  const rootText = parsedRoot?.text ?? host.readFile(file);
  if (rootText !== undefined) {
    const options = checkOptions({
      file,
      parsed: parsedRoot && parsedRoot.text === rootText ? parsedRoot : cache.get(file, rootText),
      readFile: host.readFile,
      parse: (path, text) => cache.get(path, text),
      env: host.env,
      serverVersion: host.serverVersion ?? CURRENT_SERVER_VERSION,
    });
    // "Defined after use" explains an undefined variable better than evaluation's generic message.
    const late = new Set(options.filter((p) => p.code === OptionCode.variableDefinedAfterUse).map((p) => `${p.file}\0${p.start}`));
    const kept = problems.filter((p) => !(p.code === 'undefined-variable' && late.has(`${p.file}\0${p.start}`)));
    problems.length = 0;
    problems.push(...kept, ...options);
  }
  problems.push(...checkConfigSecurity({ value: result.value, origins: result.origins, readFile: host.readFile, env: host.env }));
  return { problems: withoutDuplicates(problems), files: result.files, evaluation: result };
}
