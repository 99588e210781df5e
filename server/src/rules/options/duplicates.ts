// Keys set more than once in one block. The same spelling: the last one wins silently. Different
// spellings of one option (user and username, or Port and port): both reach nats-server, which
// applies them in an order that changes from run to run.

import { lineContaining, lineStarts } from '../../syntax/lines';
import type { Definition } from './model';
import { ConfigModel, KeyVisit } from './model';
import { OptionCode } from './codes';
import type { OptionProblem } from './types';

export function checkDuplicates(model: ConfigModel): OptionProblem[] {
  const problems: OptionProblem[] = [];
  const startsByFile = new Map<string, number[]>();
  const where = (d: { file: string; entry: { key: { start: number } } }) => {
    let starts = startsByFile.get(d.file);
    if (starts === undefined) {
      starts = lineStarts(model.parses.get(d.file)?.text ?? '');
      startsByFile.set(d.file, starts);
    }
    return `line ${lineContaining(starts, d.entry.key.start) + 1}`;
  };
  // Same spelling, same map: group definitions by the map they end up in.
  // Only a map where some definition was replaced can hold a repeated name (the one kept is the
  // map's latest for its name), so the grouping below skips every other map.
  const homesWithReplaced = new Set<object>();
  for (const d of model.definitions) if (!d.final) homesWithReplaced.add(d.home);
  const byHome = new Map<object, Map<string, Definition[]>>();
  if (homesWithReplaced.size > 0) for (const d of model.definitions) {
    if (!homesWithReplaced.has(d.home)) continue;
    const names = byHome.get(d.home) ?? new Map<string, Definition[]>();
    byHome.set(d.home, names);
    const list = names.get(d.name) ?? [];
    list.push(d);
    names.set(d.name, list);
  }
  for (const names of byHome.values()) {
    for (const list of names.values()) {
      if (list.length < 2) continue;
      const last = list[list.length - 1];
      for (const earlier of list.slice(0, -1)) {
        if (earlier.used) continue; // a variable redefined after its use is a deliberate pattern
        const key = earlier.entry.key;
        problems.push({
          file: earlier.file, start: key.start, end: key.end, code: OptionCode.duplicateKey, severity: 'warning',
          message: `\`${key.name}\` is set again on ${where(last)}${last.file !== earlier.file ? ` of ${last.file}` : ''}; nats-server keeps only the last value and ignores this one silently. Remove one of them.`,
          related: [{ file: last.file, start: last.entry.key.start, end: last.entry.key.end, message: 'the value that wins' }],
        });
      }
    }
  }
  // Different spellings of one option in one block.
  // Two spellings of one option mean at least one differs from the option's name: only options
  // written that way somewhere are grouped below.
  const respelled = model.respelledOptions;
  const byOption = new Map<string, KeyVisit[]>();
  if (respelled.size > 0) for (const visit of model.keys) {
    if (!visit.option || visit.userDefinedName || !visit.definition || visit.via) continue;
    if (!respelled.has(visit.option.name)) continue;
    const id = `${visit.option.name}`;
    const homes = byOption.get(id) ?? [];
    homes.push(visit);
    byOption.set(id, homes);
  }
  for (const visits of byOption.values()) {
    const groups = new Map<object, KeyVisit[]>();
    for (const v of visits) {
      const home = v.definition!.home;
      const list = groups.get(home) ?? [];
      list.push(v);
      groups.set(home, list);
    }
    for (const list of groups.values()) {
      const spellings = new Map<string, KeyVisit>();
      for (const v of list) if (v.definition!.final) spellings.set(v.entry.key.name, v);
      if (spellings.size < 2) continue;
      const all = [...spellings.values()];
      for (const v of all.slice(1)) {
        const first = all[0];
        problems.push({
          file: v.file, start: v.entry.key.start, end: v.entry.key.end, code: OptionCode.duplicateKey, severity: 'warning',
          message: `\`${v.entry.key.name}\` and \`${first.entry.key.name}\` (${where(first)}) set the same option \`${v.option!.name}\`; nats-server applies both in an order that changes from run to run. Keep one.`,
          related: [{ file: first.file, start: first.entry.key.start, end: first.entry.key.end, message: 'the other spelling' }],
        });
      }
    }
  }
  return problems;
}
