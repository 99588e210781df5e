// Reading settings from a command line: wasmCloud host / wadm / `wash up` flags become
// assignments of the environment variable they stand for (flags beat the environment), and
// nats-server's `-c` / `--config` names the configuration file.

import { isActiveIn, WASMCLOUD_VARIABLES, WasmcloudComponent, WasmcloudVariable } from '../facts/wasmcloudVars';
import type { EnvAssignment, SourceComponent } from './hostSettings';
import type { Word } from './shellWords';

/** A word of a command line with its place in `file`. `exact` is false when the span covers more than the word (e.g. an escaped YAML scalar). */
export interface CommandWord extends Word {
  file: string;
}

const TABLE_COMPONENTS: Record<SourceComponent, WasmcloudComponent[]> = {
  wasmcloud: ['host-rust', 'host-2'],
  wadm: ['wadm'],
  wash: ['wash'],
  nats: [],
  unknown: [],
};

/**
 * The flags in `words` that a component reads, as assignments (name = the flag's environment
 * variable). Unknown flags are skipped. `version` picks the row when a flag changed meaning.
 */
export function flagAssignments(words: readonly CommandWord[], component: SourceComponent, version?: string): EnvAssignment[] {
  const flags = flagTable(TABLE_COMPONENTS[component], version);
  const result: EnvAssignment[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const eq = word.text.startsWith('-') ? word.text.indexOf('=') : -1;
    const flag = eq >= 0 ? word.text.slice(0, eq) : word.text;
    const row = flags.get(flag);
    if (!row) continue;
    const flagSpan = { start: word.start, end: word.start + Math.min(flag.length, word.end - word.start) };
    if (eq >= 0) {
      const valueStart = Math.min(word.start + eq + 1, word.end);
      result.push(argument(row.name, word.text.slice(eq + 1), word.file, flagSpan, { start: valueStart, end: word.end }, flag, word.hasReference));
    } else if (row.type === 'bool') {
      result.push(argument(row.name, 'true', word.file, flagSpan, { start: word.end, end: word.end }, flag, false));
    } else if (i + 1 < words.length) {
      const value = words[++i];
      result.push(argument(row.name, value.text, value.file, flagSpan, { start: value.start, end: value.end }, flag, value.hasReference));
    }
  }
  return result;
}

/** nats-server's configuration file argument (`-c FILE`, `--config FILE`, `--config=FILE`). */
export function natsConfigArgument(words: readonly CommandWord[]): CommandWord | undefined {
  for (let i = 0; i < words.length; i++) {
    const text = words[i].text;
    if ((text === '-c' || text === '--config' || text === '-config') && i + 1 < words.length) return words[i + 1];
    const eq = /^(--?config|-c)=(.*)$/.exec(text);
    if (eq) {
      const start = words[i].start + eq[1].length + 1;
      return { ...words[i], text: eq[2], start: Math.min(start, words[i].end) };
    }
  }
  return undefined;
}

function argument(name: string, value: string, file: string, nameSpan: { start: number; end: number }, valueSpan: { start: number; end: number }, flag: string, hasReference: boolean): EnvAssignment {
  const assignment: EnvAssignment = { name, value, file, nameSpan, valueSpan, raw: value, via: 'argument', flag };
  if (hasReference) {
    assignment.interpolated = true;
    assignment.value = undefined;
    assignment.unresolved = [...value.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);
  }
  return assignment;
}

// Every command line of a workspace asks for the table of the same few components and versions;
// building one sorts the whole variable list, so each is built once. Callers only read it.
const flagTables = new Map<string, Map<string, WasmcloudVariable>>();

function flagTable(components: readonly WasmcloudComponent[], version?: string): ReadonlyMap<string, WasmcloudVariable> {
  const key = JSON.stringify([components, version ?? null]);
  let table = flagTables.get(key);
  if (table === undefined) {
    table = buildFlagTable(components, version);
    if (flagTables.size < 1_000) flagTables.set(key, table);
  }
  return table;
}

function buildFlagTable(components: readonly WasmcloudComponent[], version?: string): Map<string, WasmcloudVariable> {
  const table = new Map<string, WasmcloudVariable>();
  const rows: WasmcloudVariable[] = [];
  for (const component of components) rows.push(...allRows(component));
  // Rows active at the version first, so they win over rows of other versions with the same flag.
  rows.sort((a, b) => Number(version !== undefined && isActiveIn(b, version)) - Number(version !== undefined && isActiveIn(a, version)) || Number(a.until !== undefined) - Number(b.until !== undefined));
  for (const row of rows) {
    for (const flag of [row.flag, ...(row.flagAliases ?? [])]) {
      if (flag !== undefined && !table.has(flag)) table.set(flag, row);
    }
  }
  return table;
}

function allRows(component: WasmcloudComponent): WasmcloudVariable[] {
  return WASMCLOUD_VARIABLES.filter((row) => row.component === component);
}
