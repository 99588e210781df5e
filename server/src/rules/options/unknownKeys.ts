// Keys checked against their block as nats-server checks them: unknown keys (with "did you mean"),
// keys that only a newer nats-server than the target knows, and deprecated keys.

import type { BlockSpec } from '../../facts/optionTypes';
import { compareVersions } from '../../facts/versions';
import { OptionCode } from './codes';
import { ConfigModel, isFinal, KeyVisit } from './model';
import { suggestKey } from './suggest';
import type { OptionProblem } from './types';

/** Where a block is, for messages: "the top level", "cluster", "leafnodes.remotes[]". */
export function blockName(visit: Pick<KeyVisit, 'blockPath'>): string {
  if (visit.blockPath.length === 0) return 'the top level';
  return '`' + visit.blockPath.join('.').replace(/\.\*/g, '[]') + '`';
}

/** Skips keys inside a key the target does not know: that key is reported, nats-server stops there. */
export function insideNewerKey(visit: KeyVisit, serverVersion: string): boolean {
  return compareVersions(visit.blockSince, serverVersion) > 0;
}

const VARIABLE_STYLE = /^[A-Z][A-Z0-9_]*$/;

export function checkKeys(model: ConfigModel, serverVersion: string): OptionProblem[] {
  const problems: OptionProblem[] = [];
  for (const visit of model.keys) {
    if (insideNewerKey(visit, serverVersion)) continue;
    // Only the last definition of a name reaches nats-server; duplicates.ts reports the others.
    if (visit.definition && !isFinal(visit.definition)) continue;
    if (!visit.option) {
      const problem = unknownKey(visit, serverVersion);
      if (problem) problems.push(problem);
      continue;
    }
    if (visit.userDefinedName) continue;
    const newer = newerThanTarget(visit, serverVersion);
    if (newer) { problems.push(newer); continue; }
    const deprecated = deprecatedKey(visit);
    if (deprecated) problems.push(deprecated);
  }
  return problems;
}

function unknownKey(visit: KeyVisit, serverVersion: string): OptionProblem | undefined {
  const { block, entry } = visit;
  if (block.unknownKeys === 'ignored') return undefined;
  // nats-server lets a key through when a later $NAME used it: it was a variable, not a setting.
  if (visit.definition?.used) return undefined;
  const key = entry.key;
  const base = { file: visit.file, start: key.start, end: key.end, severity: 'error' as const };
  const suggestion = suggestKey(block, key.name, serverVersion);
  if (suggestion) {
    return {
      ...base, code: OptionCode.unknownKey,
      message: `Unknown key \`${key.name}\` in ${blockName(visit)}: nats-server rejects it ("unknown field"). Did you mean \`${suggestion}\`?`,
      fixes: [{ title: `Change to \`${suggestion}\``, start: key.start, end: key.end, newText: suggestion }],
    };
  }
  if (VARIABLE_STYLE.test(key.name)) {
    return {
      ...base, code: OptionCode.unusedVariable,
      message: `\`${key.name}\` looks like a variable, but no \`$${key.name}\` after it uses it. nats-server checks every key in ${blockName(visit)} and rejects unused ones as unknown fields: use it as \`$${key.name}\` further down, or remove it.`,
    };
  }
  return {
    ...base, code: OptionCode.unknownKey,
    message: `Unknown key \`${key.name}\` in ${blockName(visit)}: nats-server rejects it ("unknown field"). ${knownKeysHint(block)}`,
  };
}

function knownKeysHint(block: BlockSpec): string {
  const names = block.keys.map((o) => o.name);
  if (names.length === 0) return 'Remove it.';
  const shown = names.slice(0, 8).map((n) => `\`${n}\``).join(', ');
  return `Remove it, or use one of the keys this block takes: ${shown}${names.length > 8 ? ', ...' : ''}.`;
}

function newerThanTarget(visit: KeyVisit, serverVersion: string): OptionProblem | undefined {
  const option = visit.option!;
  const key = visit.entry.key;
  // Only options with aliases of their own age need the written spelling (this runs for every key).
  const written = option.aliasSince === undefined ? option.name
    : visit.block.keyCase === 'insensitive' ? key.name.toLowerCase() : key.name;
  const aliasSince = written !== option.name ? option.aliasSince?.[written] : undefined;
  const since = aliasSince && compareVersions(aliasSince, option.since) > 0 ? aliasSince : option.since;
  if (compareVersions(since, serverVersion) <= 0) return undefined;
  const alternative = aliasSince && compareVersions(option.since, serverVersion) <= 0
    ? { text: ` Write \`${option.name}\`, which ${serverVersion} knows.`, fix: option.name } : undefined;
  return {
    file: visit.file, start: key.start, end: key.end, severity: 'error', code: OptionCode.keyNewerThanTarget,
    message: `\`${key.name}\` in ${blockName(visit)} needs nats-server ${since} or newer; the target version ${serverVersion} (setting natsLattice.serverVersion) rejects it as an unknown field.${alternative?.text ?? ' Remove it, or raise the target version if your servers are newer.'}`,
    fixes: alternative ? [{ title: `Change to \`${alternative.fix}\``, start: key.start, end: key.end, newText: alternative.fix }] : undefined,
  };
}

function deprecatedKey(visit: KeyVisit): OptionProblem | undefined {
  const deprecation = visit.option!.deprecated;
  if (!deprecation) return undefined;
  const key = visit.entry.key;
  const replacement = deprecation.replacement;
  const isKey = replacement !== undefined && /^[a-z_]+$/.test(replacement);
  return {
    file: visit.file, start: key.start, end: key.end, severity: 'warning', code: OptionCode.deprecatedKey,
    message: `\`${key.name}\` is deprecated${deprecation.since ? ` since ${deprecation.since}` : ''}: ${deprecation.note}${replacement ? ` Use ${isKey ? `\`${replacement}\`` : replacement} instead.` : ' Remove it.'}`,
    fixes: isKey ? [{ title: `Change to \`${replacement}\``, start: key.start, end: key.end, newText: replacement! }] : undefined,
  };
}
