// Values checked against the option table's value types: wrong kinds, words outside an enum,
// numbers out of range, and what nats-server parses inside strings (durations, sizes, addresses,
// nkeys). Values reached through `$VARIABLE`s are checked at the reference.

import { parse } from '../../syntax/parser';
import type { ValueNode } from '../../syntax/tree';
import { ConfigModel, KeyVisit, resolveValue } from './model';
import { OPTION_RULES, OptionCodeName } from './codes';
import { checkValue, passesQuietly, ValueFinding } from './valueCheck';
import type { TargetVersion } from './target';
import type { OptionProblem } from './types';

/** Whether nats-server reads the value of a key that reaches it (see reachesServer): a known option the target knows. */
export function isRead(visit: KeyVisit, target: TargetVersion): boolean {
  return visit.option !== undefined && visit.entry.value !== undefined && target.knows(visit.option.since);
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

/** Checks the value `node` of a key nats-server reads; `through` names the variable it came through. */
export function checkValueType(visit: KeyVisit, node: ValueNode, through: string | undefined, problems: OptionProblem[]): void {
  const type = visit.option!.value;
  // Most values are fine: a check that builds nothing answers for them; the full judgement, which
  // words its findings, runs for the rest.
  if (passesQuietly(node, type)) return;
  const label = `\`${visit.entry.key.name}\``;
  const written = visit.entry.value!;
  for (const finding of checkValue(node, type, label)) {
    problems.push(toProblem(visit.file, finding, through ? { start: written.start, end: written.end, through } : undefined));
  }
}

export function toProblem(file: string, finding: ValueFinding, anchor?: { start: number; end: number; through: string }): OptionProblem {
  const severity = finding.severity ?? OPTION_RULES[finding.code as OptionCodeName]?.severity ?? 'error';
  if (anchor) {
    // The value lives elsewhere (a variable's definition or the environment): report at the use.
    return { file, start: anchor.start, end: anchor.end, code: finding.code, severity, message: `Through ${anchor.through}: ${finding.message}` };
  }
  return { file, start: finding.start, end: finding.end, code: finding.code, severity, message: finding.message, fixes: finding.fixes };
}
