// Values checked against the option table's value types: wrong kinds, words outside an enum,
// numbers out of range, and what nats-server parses inside strings (durations, sizes, addresses,
// nkeys). Values reached through `$VARIABLE`s are checked at the reference.

import { compareVersions } from '../../facts/versions';
import { parse } from '../../syntax/parser';
import type { ValueNode } from '../../syntax/tree';
import { ConfigModel, isFinal, KeyVisit, resolveValue } from './model';
import { OPTION_RULES, OptionCodeName } from './codes';
import { insideNewerKey } from './unknownKeys';
import { checkValue, ValueFinding } from './valueCheck';
import type { OptionProblem } from './types';

/** The keys whose value nats-server actually reads: known, final, and known to the target. */
export function checkedKeys(model: ConfigModel, serverVersion: string): KeyVisit[] {
  // Three rules walk this list for the same model; a model does not change once built.
  let byVersion = checkedKeysOf.get(model);
  if (byVersion === undefined) { byVersion = new Map(); checkedKeysOf.set(model, byVersion); }
  let keys = byVersion.get(serverVersion);
  if (keys === undefined || keys.source !== model.keys.length) {
    keys = { source: model.keys.length, visits: selectCheckedKeys(model, serverVersion) };
    byVersion.set(serverVersion, keys);
  }
  return [...keys.visits];
}

const checkedKeysOf = new WeakMap<ConfigModel, Map<string, { source: number; visits: readonly KeyVisit[] }>>();

function selectCheckedKeys(model: ConfigModel, serverVersion: string): KeyVisit[] {
  return model.keys.filter((visit) =>
    visit.option && visit.entry.value
    && !insideNewerKey(visit, serverVersion)
    && (!visit.definition || isFinal(visit.definition))
    && compareVersions(visit.option.since, serverVersion) <= 0);
}

/** The value a key stands for, through variables; `anchor` is where to report problems with it. */
export function valueOf(model: ConfigModel, visit: KeyVisit): { node?: ValueNode; through?: string } {
  const written = visit.entry.value!;
  if (written.type !== 'variable') return { node: written };
  const resolved = resolveValue(model, written);
  if (resolved.env !== undefined) {
    const parsed = parse(`pk=${resolved.env}`);
    const entry = parsed.document.body.entries[0];
    if (parsed.errors.length || !entry || entry.type !== 'entry') return {};
    return { node: entry.value, through: `$${written.name} (from the environment: ${JSON.stringify(resolved.env)})` };
  }
  return resolved.node ? { node: resolved.node, through: `$${written.name}` } : {};
}

export function checkValueTypes(model: ConfigModel, serverVersion: string): OptionProblem[] {
  const problems: OptionProblem[] = [];
  for (const visit of checkedKeys(model, serverVersion)) {
    const { node, through } = valueOf(model, visit);
    if (!node) continue;
    const label = `\`${visit.entry.key.name}\``;
    const written = visit.entry.value!;
    for (const finding of checkValue(node, visit.option!.value, label)) {
      problems.push(toProblem(visit.file, finding, through ? { start: written.start, end: written.end, through } : undefined));
    }
  }
  return problems;
}

export function toProblem(file: string, finding: ValueFinding, anchor?: { start: number; end: number; through: string }): OptionProblem {
  const severity = finding.severity ?? OPTION_RULES[finding.code as OptionCodeName]?.severity ?? 'error';
  if (anchor) {
    // The value lives elsewhere (a variable's definition or the environment): report at the use.
    return { file, start: anchor.start, end: anchor.end, code: finding.code, severity, message: `Through ${anchor.through}: ${finding.message}` };
  }
  return { file, start: finding.start, end: finding.end, code: finding.code, severity, message: finding.message, fixes: finding.fixes };
}
