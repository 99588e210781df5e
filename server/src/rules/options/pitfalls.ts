// Values nats-server accepts without a word that do not do what they seem to: the per-option
// pitfalls recorded in the option table (max_connections: 0), and unquoted IPv6 addresses.
// (Durations written with a size letter, string sizes, quoted booleans and JetStream domains are
// judged with the value's type, in valueCheck.ts.)

import { valueAlternatives } from '../../facts/optionLookup';
import type { DefaultValue, ValueType } from '../../facts/optionTypes';
import type { ScalarNode, ValueNode } from '../../syntax/tree';
import { OptionCode } from './codes';
import type { ConfigModel, KeyVisit } from './model';
import type { TargetVersion } from './target';
import type { OptionProblem } from './types';

/** Checks the value `node` (resolved through variables) of a key nats-server reads. */
export function checkPitfalls(model: ConfigModel, visit: KeyVisit, node: ValueNode, target: TargetVersion, problems: OptionProblem[]): void {
  if (node.type !== 'scalar') return;
  const option = visit.option!;
  const written = visit.entry.value!;
  if (option.pitfalls) {
    const serverVersion = target.version;
    for (const pitfall of option.pitfalls) {
      if (pitfall.before && target.knows(pitfall.before)) continue;
      if (pitfall.from && !target.knows(pitfall.from)) continue;
      if (!sameValue(node, pitfall.equals)) continue;
      problems.push({ file: visit.file, start: written.start, end: written.end, code: OptionCode.valuePitfall, severity: 'warning',
        message: `${pitfall.note} (target nats-server ${serverVersion})` });
    }
  }
  // Only a bare string written right here can be an unquoted address.
  if (node === written && node.kind === 'string' && node.style === 'bare' && takesAddress(option.value)) {
    const ipv6 = unquotedIpv6(model.parses.get(visit.file)?.text ?? '', node, visit.entry.separator);
    if (ipv6) problems.push({ file: visit.file, ...ipv6 });
  }
}

function sameValue(node: ScalarNode, expected: DefaultValue): boolean {
  if (typeof expected === 'number') return node.kind === 'integer' && node.value === BigInt(expected);
  if (typeof expected === 'boolean') return node.kind === 'boolean' && node.value === expected;
  return node.kind === 'string' && node.value === expected;
}

// Asked for every bare string value; the table's types never change, so each is worked out once.
const addressTypes = new WeakMap<ValueType, boolean>();

function takesAddress(type: ValueType): boolean {
  let takes = addressTypes.get(type);
  if (takes === undefined) {
    takes = valueAlternatives(type).some((t) =>
      t.kind === 'hostport' || t.kind === 'url' || (t.kind === 'string' && t.format === 'host')
      || ((t.kind === 'array' || t.kind === 'stringOrArray') && takesAddress(t.item)));
    addressTypes.set(type, takes);
  }
  return takes;
}

function unquotedIpv6(text: string, node: ScalarNode, separator: { start: number; end: number; char: string } | undefined):
  Omit<OptionProblem, 'file'> | undefined {
  if (node.kind !== 'string' || node.style !== 'bare') return undefined;
  const value = String(node.value);
  // `host ::1`: with no separator before it, the first colon becomes the separator.
  const swallowed = separator?.char === ':' && separator.end === node.start && /\s/.test(text[separator.start - 1] ?? '') && value.startsWith(':');
  // Fewer than two colons: the first is the last.
  if (!swallowed && value.indexOf(':') === value.lastIndexOf(':')) return undefined;
  const written = swallowed ? text.slice(separator!.start, node.end) : value;
  const start = swallowed ? separator!.start : node.start;
  return {
    start, end: node.end, code: OptionCode.unquotedIpv6, severity: 'warning',
    fixes: [{ title: `Quote it: "${written}"`, start, end: node.end, newText: `"${written}"` }],
    message: swallowed
      ? `nats-server takes the first \`:\` of ${written} as the separator after the key, so the value is "${value}", not "${written}". Quote the address: "${written}".`
      : `Quote IPv6 addresses: "${written}". Unquoted, a colon right after the key becomes the separator and [brackets] start a list, so small edits break the value.`,
  };
}
