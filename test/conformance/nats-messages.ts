// Reading what nats-server 2.9.10 prints: which errors come from its conf package (syntax, values,
// variables, includes) as opposed to option checks, and where a conf error points.
import path from 'node:path';

/** How one `nats-server -c FILE -t` run ended. */
export type NatsServerVerdict = 'valid' | 'conf-error' | 'option-errors' | 'other-error' | 'crash' | 'timeout';

export interface ClassifiedOutput {
  verdict: NatsServerVerdict;
  /** The conf package's message (without the "nats-server: " prefix) for conf-error and crash. */
  confError?: string;
  /** `file:line:col: reason` lines from option checks, sorted (nats-server prints them in random order). */
  optionErrors?: string[];
}

/** Message shapes produced by nats-server's conf package (conf/parse.go, conf/lex.go). */
const CONF_ERROR_SHAPES = [
  /^Parse error on line \d+: /,
  /^error parsing include file '/,
  /^error opening config file: /,
  /^runtime crash/,
  /^variable reference for '.*' on line \d+ (can not be found|could not be parsed)/s,
  /^integer '.*' is out of the range$/s,
  /^expected integer, but got '/,
  /^float '.*' is out of the range$/s,
  /^expected float, but got '/,
  /^expected boolean value, but got '/,
  /^expected Zulu formatted DateTime, but got '/,
  /^config is invalid \(/,
  /^variable reference cycle for '/,
];

const OPTION_ERROR_LINE = /^\S[^\n]*?:\d+:\d+: /;

export function isConfErrorMessage(message: string): boolean {
  return CONF_ERROR_SHAPES.some((shape) => shape.test(message));
}

/** What a crash is recorded as, by both oracles: the exact runtime message varies from run to run. */
export const RUNTIME_CRASH = 'runtime crash (stack overflow or out of memory: an include or variable cycle)';

/** A Go runtime crash: the stack overflow of an include or variable cycle (or running out of memory on the way there). */
export function isRuntimeCrash(output: string): boolean {
  return /fatal error: (stack overflow|out of memory)|goroutine stack exceeds/.test(output);
}

/** Classifies a finished `nats-server -t` run by exit code and combined output. */
export function classifyNatsServerOutput(rc: number | null, output: string, timedOut: boolean): ClassifiedOutput {
  if (timedOut) return { verdict: 'timeout' };
  if (isRuntimeCrash(output)) {
    return { verdict: 'crash', confError: RUNTIME_CRASH };
  }
  if (rc === 0) return { verdict: 'valid' };
  const text = output.trim().replace(/^nats-server: /, '');
  if (isConfErrorMessage(text)) return { verdict: 'conf-error', confError: text };
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (lines.length > 0 && lines.every((line) => OPTION_ERROR_LINE.test(line))) {
    return { verdict: 'option-errors', optionErrors: lines.sort() };
  }
  return { verdict: 'other-error' };
}

/** Where a conf error points: a file relative to the main file's folder, and a 1-based line when nats-server names one. */
export interface ConfErrorLocation {
  file: string;
  line?: number;
}

/**
 * Follows the "error parsing include file 'X', ..." chain to the file the error is in, and reads
 * the line from "Parse error on line N" or "variable reference ... on line N". nats-server joins
 * every include path to the folder of the file that includes it (filepath.Join, so a leading '/'
 * stays relative). When the include itself cannot be opened, the error belongs to the including
 * file, at a line nats-server does not name.
 */
export function locateConfError(message: string, mainFile: string): ConfErrorLocation {
  let file = path.posix.normalize(mainFile);
  let rest = message;
  for (;;) {
    const include = /^error parsing include file '([^']*)', ([\s\S]*)$/.exec(rest);
    if (!include) break;
    const included = path.posix.join(path.posix.dirname(file), include[1]);
    rest = include[2];
    // ParseFile words it "error opening config file: open X: ...", nats-server's own check just "open X: ...".
    if (/^(error opening config file: )?(open|read) /.test(rest)) return { file };
    file = included;
  }
  const lineMatch = /^Parse error on line (\d+): /.exec(rest) ?? /^variable reference for '[\s\S]*?' on line (\d+) (?:can not be found|could not be parsed)/.exec(rest);
  return lineMatch ? { file, line: Number(lineMatch[1]) } : { file };
}

/** nats-server -t reads includes with the pedantic parser, which leaves out ParseFile's "error opening config file: ". */
export function sameConfError(confdumpError: string, natsServerError: string | undefined): boolean {
  const plain = (m: string) => m.replace(/error opening config file: /g, '');
  return plain(confdumpError) === plain(natsServerError ?? '');
}
