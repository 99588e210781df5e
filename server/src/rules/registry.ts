// Every diagnostic code nats-lattice can report, with its family, default severity and a one-line
// summary: the syntax and evaluation codes of the parser, the option rules, the host-source readers
// and the lattice rules, gathered from their own tables. The CLI's SARIF rules and the code index
// of docs/diagnostics.md (scripts/gen-diagnostics-index.mjs) are generated from it.
import type { ProblemSeverity } from '../diagnostics';
import { Code } from '../syntax/codes';
import { EvalCode } from '../syntax/evaluate';
import { LATTICE_RULES } from './catalog';
import { OPTION_RULES } from './options/codes';
import { SECURITY_RULES } from './security/codes';

export type CodeFamily = 'syntax' | 'variables' | 'includes' | 'options' | 'host-sources' | 'lattice' | 'security';

export interface CodeInfo {
  code: string;
  family: CodeFamily;
  /** The severity reported unless the `rules` setting says otherwise. */
  severity: ProblemSeverity;
  summary: string;
}

type Described<Codes extends Record<string, string>> = Record<Codes[keyof Codes], { severity: ProblemSeverity; summary: string }>;

// The syntax layer reports codes without summaries; they are described here (docs/diagnostics.md, "Syntax").
const SYNTAX: Described<typeof Code> = {
  'unexpected-eof': { severity: 'error', summary: 'The file ends inside a string, block or array.' },
  'unterminated-string': { severity: 'error', summary: 'A quoted string is never closed.' },
  'unterminated-block-string': { severity: 'error', summary: 'A block string "(" is never closed by ")" at the start of a line.' },
  'unterminated-key': { severity: 'error', summary: 'A quoted key is never closed.' },
  'invalid-escape': { severity: 'error', summary: 'A backslash escape nats-server does not accept in a double-quoted string.' },
  'missing-value': { severity: 'error', summary: 'A key followed by a separator but no value.' },
  'unexpected-separator': { severity: 'error', summary: 'A separator (":" "=" ",") where a key or value belongs.' },
  'unexpected-after-value': { severity: 'error', summary: 'Text after a complete value on the same line.' },
  'unexpected-terminator': { severity: 'error', summary: 'A "," or ";" with no element or value before it.' },
  'unexpected-close': { severity: 'error', summary: 'A "}" or "]" that closes nothing open.' },
  'unexpected-slash': { severity: 'error', summary: 'A lone "/" that does not start a "//" comment.' },
  'unclosed-map': { severity: 'error', summary: 'A block "{" is never closed.' },
  'unclosed-array': { severity: 'error', summary: 'A list "[" is never closed.' },
  'invalid-number': { severity: 'error', summary: 'Text that starts like a number but is not one.' },
  'invalid-integer': { severity: 'error', summary: 'An integer nats-server cannot read.' },
  'integer-out-of-range': { severity: 'error', summary: 'An integer (with its size suffix) beyond 64 bits.' },
  'invalid-float': { severity: 'error', summary: 'A decimal number nats-server cannot read.' },
  'float-out-of-range': { severity: 'error', summary: 'A decimal number too large to represent.' },
  'invalid-datetime': { severity: 'error', summary: 'A date-time value that is not ISO 8601 UTC (2006-01-02T15:04:05Z).' },
  'invalid-include': { severity: 'error', summary: 'An include without a file name, or with something else after it.' },
  'number-before-bracket': { severity: 'error', summary: 'A number directly followed by "]": nats-server reads both as text, so the array is not closed.' },
  'internal-error': { severity: 'error', summary: 'The checker itself failed on this file; please report it.' },
  'key-without-value': { severity: 'warning', summary: "A key with no value: nats-server stores the enclosing block's value under it instead." },
  'unknown-size-suffix': { severity: 'warning', summary: 'A number with a suffix that is not a size (k, m, g, kb, mb, ...): nats-server silently ignores the setting.' },
  'unclosed-block': { severity: 'warning', summary: 'A "{" around the whole configuration that is never closed; nats-server accepts it.' },
  'stray-quote': { severity: 'warning', summary: 'A quote inside an unquoted value, kept as part of the text.' },
  'stray-close-brace': { severity: 'warning', summary: 'A "}" that closes nothing; nats-server ignores it.' },
  'swallowed-quote': { severity: 'warning', summary: 'A quote swallowed into an unquoted value, so the string is not what it looks like.' },
  'nul-character': { severity: 'warning', summary: 'A NUL character in the file.' },
};

const EVALUATION: Described<typeof EvalCode> & Record<string, { severity: ProblemSeverity; summary: string; family?: CodeFamily }> = {
  'undefined-variable': { severity: 'error', summary: 'A $VARIABLE defined neither in an enclosing block nor in the environment.' },
  'variable-cycle': { severity: 'error', summary: 'Variables that refer to each other in a circle.' },
  'invalid-env-value': { severity: 'error', summary: 'An environment variable whose value is not valid configuration text.' },
  'include-not-found': { severity: 'error', summary: 'An included file that does not exist or cannot be read.' },
  'include-cycle': { severity: 'error', summary: 'Files that include each other in a circle.' },
  'include-has-errors': { severity: 'error', summary: 'An included file has errors; nats-server reports them at the include.' },
};

const INCLUDE_CODES = new Set<string>(['include-not-found', 'include-cycle', 'include-has-errors', 'include-absolute-path']);
const VARIABLE_CODES = new Set<string>(['unused-variable', 'variable-defined-after-use', 'variable-shadowed']);

// The host-source readers (sources/) report these while reading env, compose, systemd and Kubernetes files.
const HOST_SOURCES: Record<string, { severity: ProblemSeverity; summary: string }> = {
  'env-line-invalid': { severity: 'error', summary: 'An env-file line that is not NAME=value.' },
  'env-unterminated-quote': { severity: 'error', summary: 'A quoted env value that is never closed.' },
  'env-trailing-text': { severity: 'error', summary: 'Text after a closed quote in an env value.' },
  'env-interpolation-invalid': { severity: 'error', summary: 'A ${...} reference in an env value that cannot be expanded.' },
  'env-file-missing': { severity: 'warning', summary: 'An env file named by direnv or systemd that cannot be read here.' },
  'compose-environment-invalid': { severity: 'error', summary: 'A compose environment entry that is not NAME=value.' },
  'compose-interpolation-invalid': { severity: 'error', summary: 'A compose ${...} interpolation that compose cannot expand.' },
  'kubernetes-env-invalid': { severity: 'error', summary: 'A Kubernetes env list that is not {name, value} entries.' },
  'systemd-unterminated-quote': { severity: 'error', summary: 'An Environment= value whose quote is never closed.' },
  'systemd-environment-invalid': { severity: 'warning', summary: 'An Environment= word that is not NAME=value; systemd ignores it.' },
  'systemd-environment-file-relative': { severity: 'warning', summary: 'EnvironmentFile= with a relative path, which systemd rejects.' },
  'systemd-line-invalid': { severity: 'warning', summary: 'A unit-file line that is not Key=value.' },
  'pin-syntax': { severity: 'warning', summary: 'A "# nats-lattice: server=..." pin comment that cannot be read.' },
  'pin-unknown-key': { severity: 'warning', summary: 'A key a nats-lattice pin comment does not know.' },
  'yaml-syntax': { severity: 'error', summary: 'A compose or Kubernetes file that is not valid YAML.' },
  'source-read-failed': { severity: 'warning', summary: 'A host source file that could not be read.' },
};

function fromTable(table: Record<string, { severity: ProblemSeverity; summary: string }>, family: (code: string) => CodeFamily): CodeInfo[] {
  return Object.entries(table).map(([code, info]) => ({ code, family: family(code), severity: info.severity, summary: info.summary }));
}

const familyOfEvaluation = (code: string): CodeFamily => (INCLUDE_CODES.has(code) ? 'includes' : 'variables');
const familyOfOption = (code: string): CodeFamily => (INCLUDE_CODES.has(code) ? 'includes' : VARIABLE_CODES.has(code) ? 'variables' : 'options');

const FAMILY_ORDER: readonly CodeFamily[] = ['syntax', 'variables', 'includes', 'options', 'host-sources', 'lattice', 'security'];

/** Every known code, in documentation order: by family, then as each table lists them. */
export const CODES: readonly CodeInfo[] = [
  ...fromTable(SYNTAX, () => 'syntax'),
  ...fromTable(EVALUATION, familyOfEvaluation),
  ...fromTable(OPTION_RULES, familyOfOption),
  ...fromTable(HOST_SOURCES, () => 'host-sources'),
  ...fromTable(LATTICE_RULES, () => 'lattice'),
  ...fromTable(SECURITY_RULES, () => 'security'),
].sort((a, b) => FAMILY_ORDER.indexOf(a.family) - FAMILY_ORDER.indexOf(b.family));

export const FAMILY_TITLES: Record<CodeFamily, string> = {
  syntax: 'Syntax',
  variables: 'Variables',
  includes: 'Includes',
  options: 'Options',
  'host-sources': 'Host sources (env, compose, systemd, Kubernetes files)',
  lattice: 'Lattice (across servers and hosts)',
  security: 'Security',
};

const byCode = new Map(CODES.map((info) => [info.code, info]));

export function codeInfo(code: string): CodeInfo | undefined {
  return byCode.get(code);
}
