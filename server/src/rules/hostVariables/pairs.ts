// Variables that only work together (a JWT needs its seed) or not at all together (a .creds file
// and a JWT): the programs' argument parsers refuse to start otherwise.
import { findVariable, isActiveIn, WASMCLOUD_VARIABLES, WasmcloudVariable } from '../../facts/wasmcloudVars';
import { EnvAssignment } from '../../sources/hostSettings';
import { activeRow, describeProgram, Program } from './program';

export interface PairProblem {
  assignment: EnvAssignment;
  other?: EnvAssignment;
  message: string;
}

/** The name this program reads for `name` at its version: itself, or what it was renamed to or from. */
function readName(name: string, program: Program): string | undefined {
  const row = findVariable(name, program.component);
  if (row && isActiveIn(row, program.version)) return name;
  const twin = WASMCLOUD_VARIABLES.find(
    (v) => v.component === program.component && (v.renamedFrom === name || v.renamedTo === name) && isActiveIn(v, program.version),
  );
  return twin?.name;
}

const isSet = (a: EnvAssignment | undefined) => a !== undefined && a.value !== '';

export function checkPairs(effective: Map<string, EnvAssignment>, program: Program, opaque: boolean): PairProblem[] {
  const problems: PairProblem[] = [];
  const reported = new Set<string>();
  const reader = describeProgram(program.component, program.version);
  for (const [name, assignment] of effective) {
    const row: WasmcloudVariable | undefined = activeRow(program, name);
    if (!row || row.component !== program.component || !isSet(assignment)) continue;
    if (!opaque) {
      const missing = (row.requires ?? []).map((r) => readName(r, program)).filter((r): r is string => r !== undefined && !isSet(effective.get(r)));
      if (missing.length > 0) {
        const creds = row.purpose === 'nats-jwt' || row.purpose === 'nats-seed'
          ? (row.conflictsWith ?? []).find((c) => findVariable(c, program.component)?.purpose === 'nats-creds' && readName(c, program) === c)
          : undefined;
        problems.push({
          assignment,
          message: `${name} is set without ${missing.join(' and ')}: ${reader} refuses to start unless ${missing.length > 1 ? 'they are' : 'it is'} set too. Add ${missing.map((m) => `${m}=...`).join(' and ')}${creds ? `, or put JWT and seed in a .creds file and set only ${creds}` : `, or remove ${name}`}.`,
        });
      }
    }
    for (const conflict of row.conflictsWith ?? []) {
      const other = effective.get(conflict);
      if (!isSet(other) || readName(conflict, program) !== conflict) continue;
      const key = [name, conflict].sort().join('|');
      if (reported.has(key)) continue;
      reported.add(key);
      // Shown on the later of the two, which is usually the one just added.
      const [first, second] = other!.valueSpan.start < assignment.valueSpan.start && other!.file === assignment.file ? [other!, assignment] : [assignment, other!];
      problems.push({
        assignment: second,
        other: first,
        message: `${second.name} and ${first.name} cannot both be set: ${reader} refuses to start. Keep one of them${/CREDS/.test(second.name + first.name) ? ' (a .creds file already holds both JWT and seed)' : ''}.`,
      });
    }
  }
  return problems;
}
