// Keys checked against their block as nats-server checks them: unknown keys (with "did you mean"),
// keys that only a newer nats-server than the target knows, and deprecated keys.

import type { BlockSpec, OptionSpec } from '../../facts/optionTypes';
import { compareVersions } from '../../facts/versions';
import { OptionCode } from './codes';
import type { KeyVisit } from './model';
import { suggestKey } from './suggest';
import type { TargetVersion } from './target';
import type { OptionProblem } from './types';

/** Where a block is, for messages: "the top level", "cluster", "leafnodes.remotes[]". */
export function blockName(visit: Pick<KeyVisit, 'blockPath'>): string {
  if (visit.blockPath.length === 0) return 'the top level';
  return '`' + visit.blockPath.join('.').replace(/\.\*/g, '[]') + '`';
}

/**
 * Skips keys inside a key the target does not know (that key is reported, nats-server stops there),
 * and definitions a later one of the same name replaced (only the last reaches nats-server;
 * duplicates.ts reports the others). The other rules look only at the keys this lets through.
 */
export function reachesServer(visit: KeyVisit, target: TargetVersion): boolean {
  return target.knows(visit.blockSince) && (visit.definition === undefined || visit.definition.final);
}

const VARIABLE_STYLE = /^[A-Z][A-Z0-9_]*$/;

/** Checks one key that reaches the server against its block. */
export function checkKey(visit: KeyVisit, target: TargetVersion, problems: OptionProblem[]): void {
  const option = visit.option;
  if (!option) {
    const problem = unknownKey(visit, target.version);
    if (problem) problems.push(problem);
    return;
  }
  if (visit.userDefinedName) return;
  const newer = newerThanTarget(visit, target);
  if (newer) { problems.push(newer); return; }
  if (option.deprecated) problems.push(deprecatedKey(visit)!);
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

function newerThanTarget(visit: KeyVisit, target: TargetVersion): OptionProblem | undefined {
  const option = visit.option!;
  // This runs for every key: when the target knows every spelling of the option, the key as written
  // need not be read.
  if (target.knows(newestSpelling(option))) return undefined;
  const serverVersion = target.version;
  const key = visit.entry.key;
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

// The option table never changes: each option's newest spelling is worked out once.
const newestSpellings = new WeakMap<OptionSpec, string>();

/** The newest `since` among an option's spellings (aliases may be younger than the option). */
function newestSpelling(option: OptionSpec): string {
  if (option.aliasSince === undefined) return option.since;
  let newest = newestSpellings.get(option);
  if (newest === undefined) {
    newest = option.since;
    for (const since of Object.values(option.aliasSince)) if (compareVersions(since, newest) > 0) newest = since;
    newestSpellings.set(option, newest);
  }
  return newest;
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
