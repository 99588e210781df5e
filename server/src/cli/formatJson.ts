import { Range } from 'vscode-languageserver-types';
import { messageText, ProblemSeverity, severityName } from '../diagnostics';
import { uriToPath } from '../uri';
import { CheckResult } from './check';

/** One problem in `--format json` output; positions are 0-based, as in LSP. */
export interface JsonProblem {
  file: string;
  range: Range;
  severity: ProblemSeverity;
  code: string;
  message: string;
  relatedInformation?: { file: string; range: Range; message: string }[];
}

export function toJsonProblems(result: CheckResult, displayPath: (file: string) => string): JsonProblem[] {
  return result.diagnostics.map(({ file, diagnostic }) => {
    const problem: JsonProblem = {
      file: displayPath(file),
      range: diagnostic.range,
      severity: severityName(diagnostic.severity),
      code: String(diagnostic.code ?? ''),
      message: messageText(diagnostic.message),
    };
    if (diagnostic.relatedInformation && diagnostic.relatedInformation.length > 0) {
      problem.relatedInformation = diagnostic.relatedInformation.map((related) => ({
        file: displayPath(uriToPath(related.location.uri) ?? related.location.uri),
        range: related.location.range,
        message: related.message,
      }));
    }
    return problem;
  });
}

export function formatJson(result: CheckResult, displayPath: (file: string) => string): string {
  return JSON.stringify(toJsonProblems(result, displayPath), null, 2) + '\n';
}
