// Key combinations nats-server rejects inside one block, as recorded in the option table
// (`keyConflicts` on the key that opens the block). nats-server names the opening key; so do we,
// with the conflicting keys as related information.

import type { MapNode, ValueNode } from '../../syntax/tree';
import { findKeyInBlock } from '../../facts/optionLookup';
import { OptionCode } from './codes';
import { KeyVisit, mapBlockOf } from './model';
import type { OptionProblem } from './types';

/** Checks the value `node` (resolved through variables) of a key nats-server reads. */
export function checkConflicts(visit: KeyVisit, node: ValueNode, problems: OptionProblem[]): void {
  const conflicts = visit.option!.keyConflicts;
  if (!conflicts) return;
  const block = mapBlockOf(visit.option!.value);
  if (node.type !== 'map' || !block) return;
  const present = keysIn(node, (name) => findKeyInBlock(block, name)?.name);
  for (const conflict of conflicts) {
    const hits = conflict.groups.map((group) => group.flatMap((name) => present.get(name) ?? []));
    if (hits.some((h) => h.length === 0)) continue;
    const key = visit.entry.key;
    problems.push({
      file: visit.file, start: key.start, end: key.end, code: OptionCode.conflictingKeys, severity: 'error',
      message: `\`${key.name}\`: ${conflict.note}`,
      related: hits.flat().map((k) => ({ file: visit.file, start: k.start, end: k.end, message: `\`${k.name}\` is set here` })),
    });
  }
}

function keysIn(map: MapNode, canonical: (name: string) => string | undefined): Map<string, { name: string; start: number; end: number }[]> {
  const present = new Map<string, { name: string; start: number; end: number }[]>();
  for (const entry of map.entries) {
    if (entry.type !== 'entry' || !entry.value) continue;
    const name = canonical(entry.key.name);
    if (!name) continue;
    const list = present.get(name) ?? [];
    list.push(entry.key);
    present.set(name, list);
  }
  return present;
}
