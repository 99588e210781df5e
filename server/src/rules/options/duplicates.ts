// Keys set more than once in one block. The same spelling: the last one wins silently. Different
// spellings of one option (user and username, or Port and port): both reach nats-server, which
// applies them in an order that changes from run to run.

import type { Definition } from './model';
import { ConfigModel, KeyVisit } from './model';
import { OptionCode } from './codes';
import type { OptionProblem } from './types';

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function checkDuplicates(model: ConfigModel): OptionProblem[] {
  const problems: OptionProblem[] = [];
  const where = (d: { file: string; entry: { key: { start: number } } }) => {
    const text = model.parses.get(d.file)?.text ?? '';
    return `line ${lineOf(text, d.entry.key.start)}`;
  };
  // Same spelling, same map: group definitions by the map they end up in.
  const byHome = new Map<object, Map<string, Definition[]>>();
  for (const d of model.definitions) {
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
  const byOption = new Map<string, KeyVisit[]>();
  for (const visit of model.keys) {
    if (!visit.option || visit.userDefinedName || !visit.definition || visit.via) continue;
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
      for (const v of list) if (v.definition!.home.defs.get(v.definition!.name) === v.definition) spellings.set(v.entry.key.name, v);
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
