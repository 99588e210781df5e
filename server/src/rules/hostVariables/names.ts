// Names a program does not read: renamed, misspelled, removed (or not yet added) in the version
// that runs, or meant for another wasmCloud program.
import {
  closestVariableNames, compareVersions, findVariable, findVariablePrefix, findVariables, isActiveIn, KNOWN_MISTAKES,
  looksLikeWasmcloudName, NEWEST_CHECKED, WasmcloudComponent, WasmcloudVariable,
} from '../../facts/wasmcloudVars';
import { EnvAssignment } from '../../sources/hostSettings';
import { activeRow, describeProgram, describeProgramAtStart, Program } from './program';

export interface NameProblem {
  message: string;
  /** Names to write instead, best first (each becomes a quick fix). */
  renames: string[];
  severity?: 'information';
}

const isActive = (name: string, component: WasmcloudComponent, version?: string) => {
  const row = findVariable(name, component);
  return row !== undefined && isActiveIn(row, version);
};

/** The name that replaced `row` and is read at the program's version, following renames. */
function successor(row: WasmcloudVariable, program: Program): string | undefined {
  let current: WasmcloudVariable | undefined = row;
  for (let hops = 0; current?.renamedTo && hops < 4; hops++) {
    if (isActive(current.renamedTo, program.component, program.version)) return current.renamedTo;
    current = findVariable(current.renamedTo, program.component);
  }
  return undefined;
}

/** A name the program read in other versions. */
function versionProblem(row: WasmcloudVariable, program: Program): NameProblem {
  const program_ = describeProgram(program.component, program.version);
  const assumed = program.version === undefined ? ` (no version is known, so the newest checked, ${NEWEST_CHECKED[program.component]}, is assumed: an image tag or the natsLattice.wasmcloud.hostVersion setting says otherwise)` : '';
  const next = successor(row, program);
  const tooNew = program.version !== undefined && compareVersions(program.version, row.since) < 0;
  if (next) {
    return {
      message: `${row.name} was renamed to ${next}: ${program_} reads only the new name and ignores this one${assumed}.${row.until ? ` Releases up to ${row.until} read ${row.name}.` : ''}`,
      renames: [next],
    };
  }
  if (tooNew) {
    return { message: `${row.name} is read from ${row.since} on: ${program_} ignores it.`, renames: [] };
  }
  return { message: `${row.name} was removed after release ${row.until}: ${program_} ignores it${assumed}.`, renames: [] };
}

/** Where a name belongs instead, when another wasmCloud program reads it. */
function otherProgramProblem(name: string, owners: WasmcloudVariable[], program: Program): NameProblem {
  const here = describeProgram(program.component, program.version);
  const mistake = KNOWN_MISTAKES.find((m) => m.name === name && isActive(m.meant, program.component, program.version));
  if (mistake) return { message: `${describeProgramAtStart(program.component, program.version)} does not read ${name}: ${mistake.why} Write ${mistake.meant}.`, renames: [mistake.meant] };
  if (program.component === 'host-2' && owners.some((o) => o.purpose === 'js-domain')) {
    return {
      message: `${name} has no effect on a wasmCloud 2.x host: 2.x has no JetStream domain setting and opens JetStream without a domain, so the NATS server it connects to must run JetStream itself (or a leaf node must extend the hub's domain to it).`,
      renames: [],
    };
  }
  const readers = [...new Set(owners.map((o) => describeProgram(o.component)))].join(' and ');
  const similar = closestVariableNames(name, { component: program.component, limit: 1 }).filter((c) => c.distance <= 2 && isActive(c.name, program.component, program.version));
  return {
    message: `${name} is read by ${readers}, not by ${here}, which ignores it.${similar.length ? ` Did you mean ${similar[0].name}?` : ''}`,
    renames: similar.map((c) => c.name),
  };
}

function misspelledProblem(name: string, program: Program | undefined): NameProblem | undefined {
  const components = program?.family ?? (['host-rust', 'wadm', 'wash', 'host-2'] as WasmcloudComponent[]);
  const active = (candidate: string) => components.some((c) => isActive(candidate, c, c === program?.component ? program.version : undefined));
  const suggestions: { name: string; why?: string }[] = [];
  for (const component of components) {
    for (const c of closestVariableNames(name, { component, limit: 3 })) {
      if (active(c.name) && !suggestions.some((s) => s.name === c.name)) suggestions.push({ name: c.name, why: c.mistake });
    }
  }
  const reader = program ? describeProgram(program.component, program.version) : 'any wasmCloud program';
  if (suggestions.length === 0) {
    return { message: `${name} is not a variable ${reader} reads, so it has no effect.`, renames: [], severity: 'information' };
  }
  const best = suggestions[0];
  const caseOnly = best.name.toLowerCase() === name.toLowerCase();
  const why = best.why ? ` ${best.why}` : caseOnly ? ' Environment variable names are case-sensitive.' : '';
  return { message: `${name} is not a variable ${reader} reads, so it is ignored. Did you mean ${best.name}?${why}`, renames: suggestions.slice(0, 3).map((s) => s.name) };
}

/**
 * Why the program ignores this assignment, or undefined when it reads it. `ownFile`: the
 * assignment is written in the source itself (not an env file shared with other programs).
 */
export function checkName(assignment: EnvAssignment, program: Program | undefined, ownFile: boolean): NameProblem | undefined {
  const name = assignment.name;
  if (!program) {
    // A source that runs no known wasmCloud program: only names that look meant for one are worth a word.
    if (!looksLikeWasmcloudName(name) || findVariables(name).length > 0 || findVariablePrefix(name)) return undefined;
    return misspelledProblem(name, undefined);
  }
  if (activeRow(program, name) || program.family.some((c) => findVariablePrefix(name, c, c === program.component ? program.version : undefined))) return undefined;
  const ownRow = findVariable(name, program.component);
  if (ownRow) return versionProblem(ownRow, program);
  const owners = findVariables(name);
  if (owners.length > 0) return ownFile ? otherProgramProblem(name, owners, program) : undefined;
  if (findVariablePrefix(name)) return undefined;
  if (!looksLikeWasmcloudName(name) && closestVariableNames(name, { component: program.component, maxDistance: 1 }).length === 0) return undefined;
  return misspelledProblem(name, program);
}
