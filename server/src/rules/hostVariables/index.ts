// The host-variable rules: values a wasmCloud program rejects (`wasmcloud-env-invalid`) and names
// it ignores (`wasmcloud-env-ignored`), for every host source of the workspace.
import { Finding, SourceRange, SuggestedEdit } from '../../lattice/model';
import { HostDefaults } from '../../lattice/hosts';
import { effectiveAssignments, EnvAssignment, HostSource } from '../../sources/hostSettings';
import { LATTICE_RULES } from '../catalog';
import { checkName } from './names';
import { checkPairs } from './pairs';
import { activeRow, programOf } from './program';
import { checkValue } from './values';

export interface HostVariableContext {
  readFile(file: string): string | undefined;
  defaults?: HostDefaults;
  /** JetStream domains of the workspace's servers (for fixes of malformed domains). */
  knownDomains?: readonly string[];
}

/** Where a value's content is: inside the quotes when it is quoted, so a fix keeps them. */
export function valueContent(a: EnvAssignment): SourceRange {
  const quoted = a.raw.length >= 2 && (a.raw[0] === '"' || a.raw[0] === "'") && a.raw[a.raw.length - 1] === a.raw[0];
  return { file: a.file, start: a.valueSpan.start + (quoted ? 1 : 0), end: a.valueSpan.end - (quoted ? 1 : 0) };
}

const nameRange = (a: EnvAssignment): SourceRange => ({ file: a.file, start: a.nameSpan.start, end: a.nameSpan.end });

/** The whole line of an assignment written on a line of its own (env files, compose maps and lists), to delete it. */
function lineOf(a: EnvAssignment, readFile: (file: string) => string | undefined): SourceRange | undefined {
  if (a.via !== 'line' && a.via !== 'export' && a.via !== 'environment') return undefined;
  const text = readFile(a.file);
  if (text === undefined) return undefined;
  const start = text.lastIndexOf('\n', a.nameSpan.start - 1) + 1;
  const newline = text.indexOf('\n', a.valueSpan.end);
  const before = text.slice(start, a.nameSpan.start);
  if (!/^\s*(-\s*)?(export\s+)?["']?$/.test(before)) return undefined;
  return { file: a.file, start, end: newline < 0 ? text.length : newline + 1 };
}

function finding(code: 'wasmcloud-env-invalid' | 'wasmcloud-env-ignored', at: SourceRange, message: string, fixes: SuggestedEdit[], severity?: Finding['severity'], related: Finding['related'] = []): Finding {
  return { code, severity: severity ?? LATTICE_RULES[code].severity, at, message, related, fixes };
}

function checkSource(source: HostSource, ctx: HostVariableContext): Finding[] {
  if (source.component === 'nats') return [];
  const program = programOf(source, ctx.defaults);
  const out: Finding[] = [];
  for (const assignment of source.variables) {
    // A flag stands for a variable the program certainly reads; only its value can be wrong.
    if (assignment.via !== 'argument') {
      const ownFile = assignment.file === source.file && assignment.via !== 'env_file' && assignment.via !== 'EnvironmentFile' && assignment.via !== 'envFrom';
      const problem = checkName(assignment, program, ownFile);
      if (problem) {
        const fixes = problem.renames.map((name) => ({ title: `Rename to ${name}`, at: nameRange(assignment), newText: name }));
        out.push(finding('wasmcloud-env-ignored', nameRange(assignment), problem.message, fixes, problem.severity));
        continue;
      }
    }
    if (!program || assignment.value === undefined) continue;
    const row = activeRow(program, assignment.name);
    if (!row) continue;
    const problem = checkValue(row, assignment.value, { version: row.component === program.component ? program.version : undefined, knownDomains: ctx.knownDomains });
    if (!problem) continue;
    const at = valueContent(assignment);
    const fixes = problem.replacement !== undefined && !assignment.interpolated ? [{ title: `Write ${problem.replacement}`, at, newText: problem.replacement }] : [];
    out.push(finding('wasmcloud-env-invalid', at, problem.message, fixes, problem.severity));
  }
  if (program) {
    for (const pair of checkPairs(effectiveAssignments(source), program, (source.opaqueEnv?.length ?? 0) > 0)) {
      const fixes: SuggestedEdit[] = [];
      const line = pair.other ? lineOf(pair.assignment, ctx.readFile) : undefined;
      if (line) fixes.push({ title: `Remove ${pair.assignment.name}`, at: line, newText: '' });
      const related = pair.other ? [{ at: nameRange(pair.other), message: `${pair.other.name} is set here` }] : [];
      out.push(finding('wasmcloud-env-invalid', valueContent(pair.assignment), pair.message, fixes, undefined, related));
    }
  }
  return out;
}

/** Every host-variable finding of the workspace; one per place, even when sources share an env file. */
export function checkHostVariables(sources: HostSource[], ctx: HostVariableContext): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const source of sources) {
    for (const f of checkSource(source, ctx)) {
      const key = `${f.code}|${f.at.file}|${f.at.start}|${f.at.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(f);
    }
  }
  return out;
}
