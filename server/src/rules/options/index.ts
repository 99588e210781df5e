// The option rules: every key and value of a configuration (and of the files it includes) checked
// as nats-server checks them, plus the pitfalls it accepts silently. See docs/diagnostics.md.

import { buildModel, ConfigModel } from './model';
import { checkKey, reachesServer } from './unknownKeys';
import { checkValueType, isRead, valueOf } from './valueTypes';
import { checkPitfalls } from './pitfalls';
import { checkDuplicates } from './duplicates';
import { checkDuplicateUsers, USER_IDENTITY_KEYS } from './duplicateUsers';
import { ACCOUNT_REFERENCE_KEYS, checkAccountReferences } from './accountReferences';
import { checkMappingWeights, MAPPING_DESTINATION_KEYS } from './mappingWeights';
import { checkVariables } from './variables';
import { checkIncludes } from './includes';
import { checkConflicts } from './conflicts';
import { TargetVersion } from './target';
import type { ValueNode } from '../../syntax/tree';
import type { OptionCheckInput, OptionProblem } from './types';

export { OptionCode, OPTION_RULES, FAILS_CHECK_ONLY } from './codes';
/**
 * Keys whose values rules compare with other entries' (user names and nkeys across the accounts,
 * names of other accounts, the destinations and weights of a mapping): the quick check leaves
 * edits of these values, and renames to or from them, to the full check.
 */
export const COMPARED_ACROSS_ENTRIES: readonly string[] = [...USER_IDENTITY_KEYS, ...ACCOUNT_REFERENCE_KEYS, ...MAPPING_DESTINATION_KEYS];
export type { OptionCheckInput, OptionProblem, OptionFix } from './types';

export function checkOptions(input: OptionCheckInput): OptionProblem[] {
  const model = buildModel(input.file, input.parsed, { readFile: input.readFile, parse: input.parse, env: input.env });
  const target = new TargetVersion(input.serverVersion);
  // One walk over the keys (a large file has hundreds of thousands): each rule looks at the key and
  // reports into its own list, so problems still come rule by rule, each rule's in key order.
  const keyProblems: OptionProblem[] = [];
  const valueProblems: OptionProblem[] = [];
  const pitfallProblems: OptionProblem[] = [];
  const conflictProblems: OptionProblem[] = [];
  for (const visit of model.keys) {
    if (!reachesServer(visit, target)) continue;
    checkKey(visit, target, keyProblems);
    if (!isRead(visit, target)) continue;
    const written = visit.entry.value!;
    let node: ValueNode | undefined = written;
    let through: string | undefined;
    if (written.type === 'variable') ({ node, through } = valueOf(model, visit));
    if (!node) continue;
    checkValueType(visit, node, through, valueProblems);
    checkPitfalls(model, visit, node, target, pitfallProblems);
    checkConflicts(visit, node, conflictProblems);
  }
  const all = [
    ...keyProblems,
    ...valueProblems,
    ...pitfallProblems,
    ...conflictProblems,
    ...checkDuplicates(model),
    ...checkDuplicateUsers(model, target),
    ...checkAccountReferences(model, target),
    ...checkMappingWeights(model, target),
    ...checkVariables(model),
    ...checkIncludes(model),
  ];
  // nats-server stops at an included file's syntax error, and evaluation reports that at the
  // include: checking the keys of a broken included file would only add noise.
  const problems = all.filter((p) => p.file === input.file || (model.parses.get(p.file)?.errors.length ?? 0) === 0);
  return [...problems, ...atIncludes(model, input.file, problems)];
}

/**
 * nats-server names the included file when it rejects a key there; an editor showing only the
 * including file would hide it. Each include leading to errors gets one error listing them.
 */
function atIncludes(model: ConfigModel, root: string, problems: OptionProblem[]): OptionProblem[] {
  const firstInclude = new Map<string, (typeof model.includes)[number]>();
  for (const include of model.includes) if (include.status === 'read' && !firstInclude.has(include.target)) firstInclude.set(include.target, include);
  const byInclude = new Map<(typeof model.includes)[number], OptionProblem[]>();
  for (const problem of problems) {
    if (problem.file === root || problem.severity !== 'error') continue;
    let include = firstInclude.get(problem.file);
    for (let hops = 0; include && include.file !== root && hops < 64; hops++) include = firstInclude.get(include.file);
    if (!include || include.file !== root) continue;
    const list = byInclude.get(include) ?? [];
    list.push(problem);
    byInclude.set(include, list);
  }
  return [...byInclude].map(([include, inner]) => ({
    file: root, start: include.node.start, end: include.node.end, code: inner[0].code, severity: 'error',
    message: `In the included file ${include.node.path}: ${inner[0].message}${inner.length > 1 ? ` (and ${inner.length - 1} more)` : ''}`,
    related: inner.map((p) => ({ file: p.file, start: p.start, end: p.end, message: p.message })),
  }));
}
