// Weighted subject mappings (`mappings { foo: [ { destination: bar, weight: 60% }, ... ] }`, at the
// top level or in an account): nats-server needs a weight on every destination, at most 100% in
// total, and each destination once. It rejects the configuration otherwise; for the total and the
// repeats 2.9.10 even fails while wording the error ("interface conversion: interface {} is
// []interface {}, not string"), on the line of the list's last destination. So do we, with a
// message that says what is wrong.

import type { MapNode, ValueNode } from '../../syntax/tree';
import { OptionCode } from './codes';
import type { ConfigModel } from './model';
import { reachesServer } from './unknownKeys';
import type { TargetVersion } from './target';
import type { OptionProblem } from './types';

/**
 * Keys of a mapping destination this rule reads together across the destinations of a list: the
 * quick check leaves edits of their values, and renames to or from them, to the full check.
 */
export const MAPPING_DESTINATION_KEYS = ['destination', 'dest', 'weight'] as const;

interface Destination { item: MapNode; subject?: string; weight?: number }

export function checkMappingWeights(model: ConfigModel, target: TargetVersion): OptionProblem[] {
  const problems: OptionProblem[] = [];
  for (const visit of model.keys) {
    if (visit.block.id !== 'mappings' || !visit.userDefinedName || !reachesServer(visit, target)) continue;
    const value = visit.entry.value;
    const items = value?.type === 'array' ? value.items : value?.type === 'map' ? [value] : [];
    const subject = visit.entry.key.name;
    const destinations: Destination[] = [];
    for (const item of items) {
      if (item.type !== 'map') continue;
      const destination = readDestination(item);
      if (destination.weight === undefined) {
        if (!hasKey(item, 'weight')) {
          problems.push({
            file: visit.file, start: item.start, end: item.end, code: OptionCode.mappingWeights, severity: 'error',
            message: `This destination of mapping "${subject}" has no weight: nats-server rejects the configuration ("Missing weight for mapping destination"). Add weight: 100% (or the share it should get).`,
          });
        }
        continue; // nats-server leaves out a destination it cannot read, and maps the others
      }
      destinations.push(destination);
    }
    if (value?.type !== 'array' || destinations.length === 0) continue;
    const last = value.items[value.items.length - 1];
    const at = { file: visit.file, start: last.start, end: last.end, code: OptionCode.mappingWeights, severity: 'error' as const };
    const seen = new Map<string, Destination>();
    let total = 0;
    for (const destination of destinations) {
      const earlier = destination.subject === undefined ? undefined : seen.get(destination.subject);
      if (earlier) {
        problems.push({
          ...at,
          message: `Mapping "${subject}" names destination "${destination.subject}" twice: nats-server rejects the configuration (2.9.10 fails with "interface conversion" on this line). Give each destination one entry.`,
          related: [
            { file: visit.file, start: earlier.item.start, end: earlier.item.end, message: 'first here' },
            { file: visit.file, start: destination.item.start, end: destination.item.end, message: 'again here' },
          ],
        });
        break;
      }
      if (destination.subject !== undefined) seen.set(destination.subject, destination);
      total += destination.weight ?? 0;
      if (total > 100) {
        problems.push({
          ...at,
          message: `The weights of mapping "${subject}" add up to more than 100% (${destinations.map((d) => `${d.weight}%`).join(' + ')}): nats-server rejects the configuration (2.9.10 fails with "interface conversion" on this line). Lower them to 100% in total; what is left below 100% stays on "${subject}" itself.`,
        });
        break;
      }
    }
  }
  return problems;
}

function hasKey(item: MapNode, name: string): boolean {
  return item.entries.some((entry) => entry.type === 'entry' && entry.key.name.toLowerCase() === name);
}

/** A destination as nats-server reads it; no weight when it is missing or not one it accepts. */
function readDestination(item: MapNode): Destination {
  const destination: Destination = { item };
  for (const entry of item.entries) {
    if (entry.type !== 'entry') continue;
    const key = entry.key.name.toLowerCase();
    if ((key === 'destination' || key === 'dest') && isString(entry.value)) destination.subject = String(entry.value.value);
    if (key === 'weight') destination.weight = weightOf(entry.value);
  }
  return destination;
}

function isString(value: ValueNode | undefined): value is ValueNode & { type: 'scalar'; kind: 'string' } {
  return value?.type === 'scalar' && value.kind === 'string';
}

/** `60%`, `"60%"`, `"60"` or `60`, between 0 and 100; undefined otherwise (the value rules say why). */
function weightOf(value: ValueNode | undefined): number | undefined {
  if (value?.type !== 'scalar') return undefined;
  let weight: number | undefined;
  if (value.kind === 'integer' && typeof value.value === 'bigint') weight = Number(value.value);
  else if (value.kind === 'string' && /^[+-]?\d+%?$/.test(String(value.value))) weight = Number.parseInt(String(value.value), 10);
  return weight !== undefined && weight >= 0 && weight <= 100 ? weight : undefined;
}
