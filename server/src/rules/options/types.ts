// Shapes shared by the option rules: what they read and what they report.

import type { ParseResult } from '../../syntax/tree';
import type { ProblemSeverity } from '../../diagnostics';

/** A text edit that fixes a problem, by offsets in the problem's file. */
export interface OptionFix {
  title: string;
  start: number;
  end: number;
  newText: string;
}

export interface OptionProblem {
  file: string;
  start: number;
  end: number;
  code: string;
  message: string;
  severity: ProblemSeverity;
  related?: { file: string; start: number; end: number; message: string }[];
  /** Quick fixes; the service turns them into `diagnostic.data.fixes` with LSP ranges. */
  fixes?: OptionFix[];
}

export interface OptionCheckInput {
  /** Absolute path of the checked file. */
  file: string;
  /** Its parse (the service's cached one). */
  parsed: ParseResult;
  /** Reads included files (absolute paths); undefined when unreadable. */
  readFile(absPath: string): string | undefined;
  /** Parses included files (defaults to a fresh parse). */
  parse?(absPath: string, text: string): ParseResult;
  /** Environment consulted for variables no enclosing block defines. */
  env: Record<string, string | undefined>;
  /** nats-server release the configuration is meant for, e.g. "2.10.22". */
  serverVersion: string;
}
