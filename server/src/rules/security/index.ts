// The security lints: configurations (after variables and includes) and host sources.
// Codes and severities are in codes.ts; docs/security.md explains each finding and its fix.

import type { FileProblem } from '../../diagnostics';
import type { HostSourceResult } from '../../sources/hostSettings';
import { evaluate, ParseCache } from '../../syntax/evaluate';
import type { ParseResult } from '../../syntax/tree';
import { checkConfigSecurity } from './configRules';
import { checkHostSourceSecurity } from './hostRules';

export { SECURITY_RULES, SecurityCode } from './codes';
export type { SecurityCodeName } from './codes';
export { checkConfigSecurity, checkListenerExposure, LISTENER_CODES, LISTENER_VALUES, PRESENCE_READ, READ_TOGETHER } from './configRules';
export type { ConfigSecurityInput } from './configRules';
export { checkHostSourceSecurity } from './hostRules';

export interface SecurityCheckInput {
  /** Absolute path of the configuration or host source. */
  file: string;
  /** A configuration's parse; evaluated here with its includes. */
  parsed?: ParseResult;
  /** A host source already read (env, compose, systemd, Kubernetes). */
  hostSource?: HostSourceResult;
  readFile(file: string): string | undefined;
  env: Record<string, string | undefined>;
}

export function checkSecurity(input: SecurityCheckInput): FileProblem[] {
  const out: FileProblem[] = [];
  if (input.hostSource) out.push(...checkHostSourceSecurity(input.hostSource));
  const parsed = input.parsed;
  if (parsed) {
    const includes = new ParseCache();
    const readFile = (file: string) => (file === input.file ? parsed.text : input.readFile(file));
    const result = evaluate(input.file, { readFile, env: input.env }, { parse: (file, text) => (file === input.file && text === parsed.text ? parsed : includes.get(file, text)), rootSyntax: false });
    out.push(...checkConfigSecurity({ value: result.value, origins: result.origins, readFile, env: input.env }));
  }
  return out;
}
