// Go to definition and find references across the lattice: from a host's JetStream domain to the
// servers' `domain:` lines, from a NATS address to the listener it reaches, and from a server's
// `domain:` back to every host that uses it.
import { Location } from 'vscode-languageserver-types';
import { findVariables } from '../../facts/wasmcloudVars';
import { SourceRange } from '../../lattice/model';
import { activeRow } from '../../rules/hostVariables/program';
import { LatticeAnalysis } from '../../workspace/latticeAnalysis';
import { assignmentAt, HostDocument, Positions, programFor } from './context';
import { connectionTargets } from './resolve';

export function findHostDefinition(doc: HostDocument, offset: number): Location[] {
  const at = assignmentAt(doc, offset);
  if (!at || at.part !== 'value') return [];
  const program = programFor(at.source, doc.ctx.defaults);
  const row = activeRow(program, at.assignment.name) ?? findVariables(at.assignment.name)[0];
  const positions = new Positions((f) => (f === doc.file ? doc.text : doc.ctx.readFile(f)));
  if (row?.purpose === 'js-domain' || row?.purpose === 'server-js-domain') {
    const value = at.assignment.value;
    return doc.ctx.analysis.topology.servers.filter((s) => s.jetstream.domain?.value === value).map((s) => positions.location(s.jetstream.domain!.at));
  }
  if (row?.purpose === 'nats-host' || row?.purpose === 'nats-port' || row?.purpose === 'nats-address') {
    const places: SourceRange[] = [];
    for (const target of connectionTargets(doc, at.source, program)) {
      if (target.hostFrom !== row.name && target.portFrom !== row.name) continue;
      const r = target.resolution;
      if (r.kind === 'listener') places.push(r.listener.at);
      else if (r.kind === 'ambiguous') places.push(...r.candidates.map((c) => c.listener.at));
    }
    return unique(places).map((p) => positions.location(p));
  }
  return [];
}

/** Every place a JetStream domain is named: servers' `domain:` values (declarations) and hosts' domain settings. */
function domainPlaces(analysis: LatticeAnalysis, domain: string, includeDeclaration: boolean, readFile: (file: string) => string | undefined): SourceRange[] {
  const servers = includeDeclaration ? analysis.topology.servers.filter((s) => s.jetstream.domain?.value === domain).map((s) => s.jetstream.domain!.at) : [];
  const hosts = analysis.topology.hosts.filter((h) => h.domain?.value === domain).map((h) => insideQuotes(h.domain!.at, readFile));
  return unique([...servers, ...hosts]);
}

/** From a `domain:` value in a NATS config: the hosts (and, with the declaration, servers) that use it. */
export function findDomainReferences(analysis: LatticeAnalysis, file: string, offset: number, includeDeclaration: boolean, readFile: (file: string) => string | undefined): Location[] {
  const server = analysis.topology.servers.find((s) => {
    const at = s.jetstream.domain?.at;
    return at !== undefined && at.file === file && offset >= at.start && offset <= at.end;
  });
  if (!server) return [];
  const positions = new Positions(readFile);
  return domainPlaces(analysis, server.jetstream.domain!.value, includeDeclaration, readFile).map((p) => positions.location(p));
}

/** From a host's domain value: the servers that serve it and every host that uses it. */
export function findHostReferences(doc: HostDocument, offset: number, includeDeclaration: boolean): Location[] {
  const at = assignmentAt(doc, offset);
  if (!at || at.part !== 'value' || !at.assignment.value) return [];
  const program = programFor(at.source, doc.ctx.defaults);
  const row = activeRow(program, at.assignment.name) ?? findVariables(at.assignment.name)[0];
  if (row?.purpose !== 'js-domain') return [];
  const positions = new Positions((f) => (f === doc.file ? doc.text : doc.ctx.readFile(f)));
  const places = domainPlaces(doc.ctx.analysis, at.assignment.value, includeDeclaration, (f) => (f === doc.file ? doc.text : doc.ctx.readFile(f)));
  // The analysis may not hold this file (a new env file); the value under the cursor is always a use.
  const here = { file: doc.file, start: at.assignment.valueSpan.start, end: at.assignment.valueSpan.end };
  const inner = at.assignment.raw.length >= 2 && /^["']/.test(at.assignment.raw) ? { ...here, start: here.start + 1, end: here.end - 1 } : here;
  return unique([...places.filter((p) => p.file !== doc.file), ...places.filter((p) => p.file === doc.file), ...(places.some((p) => p.file === doc.file && p.start === inner.start) ? [] : [inner])]).map((p) => positions.location(p));
}

/** A quoted value's content, so the highlight covers what people read as the value. */
function insideQuotes(at: SourceRange, readFile: (file: string) => string | undefined): SourceRange {
  const text = readFile(at.file);
  const first = text?.[at.start];
  const quoted = at.end - at.start >= 2 && (first === '"' || first === "'") && text?.[at.end - 1] === first;
  return quoted ? { ...at, start: at.start + 1, end: at.end - 1 } : at;
}

function unique(places: SourceRange[]): SourceRange[] {
  const seen = new Set<string>();
  return places.filter((p) => {
    const key = `${p.file}|${p.start}|${p.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
