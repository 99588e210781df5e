// Hover in host sources: what a variable does (from the table), and for the values that tie a
// host to the lattice (NATS address, JetStream domain), which server it reaches and what that
// server offers, traced through the workspace topology.
import { Hover, MarkupKind } from 'vscode-languageserver-types';
import { findVariables, WasmcloudVariable } from '../../facts/wasmcloudVars';
import { formatEndpoint } from '../../lattice/endpoints';
import { ServerModel } from '../../lattice/model';
import { Resolution } from '../../lattice/topology';
import { activeRow, describeProgram, Program } from '../../rules/hostVariables/program';
import { HostSource } from '../../sources/hostSettings';
import { assignmentAt, HostDocument, Positions, programFor, shortPath } from './context';
import { ConnectionTarget, connectionTargets, describeConnection, domainSetting, jetStreamReachable } from './resolve';
import { variableMarkdown } from './variableDocs';

const ADDRESS_PURPOSES = new Set(['nats-host', 'nats-port', 'nats-address']);

export function hoverHostSource(doc: HostDocument, offset: number): Hover | null {
  const at = assignmentAt(doc, offset);
  if (!at) return null;
  const program = programFor(at.source, doc.ctx.defaults);
  const row = activeRow(program, at.assignment.name) ?? findVariables(at.assignment.name)[0];
  if (!row) return null;
  const positions = new Positions((f) => (f === doc.file ? doc.text : doc.ctx.readFile(f)));
  const span = at.part === 'name' ? at.assignment.nameSpan : at.assignment.valueSpan;
  const range = positions.range({ file: doc.file, ...span });
  let text: string | undefined;
  if (at.part === 'name') {
    text = variableMarkdown(row);
    if (!activeRow(program, row.name)) text += `\n\n_${describeProgram(program.component, program.version)} does not read this name._`;
  } else if (row.purpose && ADDRESS_PURPOSES.has(row.purpose)) {
    text = addressHover(doc, at.source, program, row, positions);
  } else if (row.purpose === 'js-domain') {
    text = domainHover(doc, at.source, program, positions);
  }
  return text ? { contents: { kind: MarkupKind.Markdown, value: text }, range } : null;
}

function serverWords(doc: HostDocument, server: ServerModel): string {
  return `server **${server.name}** (\`${shortPath(server.file, doc.file)}\`)`;
}

export function resolutionWords(doc: HostDocument, target: ConnectionTarget, positions: Positions): string {
  const r: Resolution = target.resolution;
  const address = formatEndpoint(target.endpoint);
  switch (r.kind) {
    case 'listener':
      return `\`${address}\` → ${serverWords(doc, r.server)}, ${r.listener.kind} listener on line ${positions.line(r.listener.at)}`;
    case 'ambiguous':
      return `\`${address}\` could be ${r.candidates.map((c) => serverWords(doc, c.server)).join(' or ')}`;
    case 'no-listener':
      return `\`${address}\` names ${r.servers.map((s) => serverWords(doc, s)).join(', ')}, but nothing there listens on port ${target.endpoint.port} (client ports: ${r.servers.flatMap((s) => s.listeners.filter((l) => l.kind === 'client').map((l) => l.port)).join(', ') || 'none'})`;
    case 'external':
      return `\`${address}\` names no server of this workspace, so it is not traced further`;
  }
}

function jetStreamWords(doc: HostDocument, server: ServerModel): string {
  const served = jetStreamReachable(doc, server, '$JS.API.>');
  if (served.length === 0) return 'No JetStream is reachable from there: the host cannot keep its lattice data.';
  const parts = served.map((s) => `${s.domain ? `\`${s.domain}\`` : 'no domain'} at ${serverWords(doc, s.server)}${s.leafHops ? ` (${s.leafHops} leaf hop${s.leafHops > 1 ? 's' : ''})` : ''}`);
  return `JetStream reachable from there: ${[...new Set(parts)].join('; ')}.`;
}

function addressHover(doc: HostDocument, source: HostSource, program: Program, row: WasmcloudVariable, positions: Positions): string {
  const targets = connectionTargets(doc, source, program);
  const using = targets.filter((t) => t.hostFrom === row.name || t.portFrom === row.name);
  const lines = [`**${row.name}**: ${row.summary}`, ''];
  if (using.length === 0) {
    const overriding = targets.filter((t) => t.hostFrom || t.portFrom).map((t) => `${describeConnection(t.connection)}: ${t.hostFrom ?? t.portFrom}`);
    lines.push(`Not used by ${describeProgram(program.component, program.version)}${overriding.length ? `: overridden (${overriding.join('; ')})` : ''}.`);
    return lines.join('\n');
  }
  for (const target of using) {
    lines.push(`- ${describeConnection(target.connection)}: ${resolutionWords(doc, target, positions)}`);
    if (target.jetstream && target.resolution.kind === 'listener') lines.push(`  ${jetStreamWords(doc, target.resolution.server)}`);
  }
  return lines.join('\n');
}

function domainHover(doc: HostDocument, source: HostSource, program: Program, positions: Positions): string {
  const setting = domainSetting(source, program);
  if (!setting) return '';
  const domain = setting.value;
  const lines = [`**JetStream domain \`${domain}\`**`, ''];
  const servers = doc.ctx.analysis.topology.servers.filter((s) => s.jetstream.domain?.value === domain);
  lines.push(servers.length
    ? `Served by ${servers.map((s) => `${serverWords(doc, s)} line ${positions.line(s.jetstream.domain!.at)}`).join(', ')}.`
    : 'No server of this workspace has this domain.');
  const target = connectionTargets(doc, source, program).find((t) => t.jetstream);
  if (target) {
    lines.push('', `The host reaches JetStream over its ${describeConnection(target.connection)}: ${resolutionWords(doc, target, positions)}.`);
    if (target.resolution.kind === 'listener') {
      const reachable = jetStreamReachable(doc, target.resolution.server, `$JS.${domain}.API.>`).filter((s) => s.domain === domain);
      lines.push(reachable.length
        ? `From there \`${domain}\` is reached${reachable[0].leafHops ? ` across ${reachable[0].leafHops} leaf connection${reachable[0].leafHops > 1 ? 's' : ''}` : ' directly'}.`
        : `\`${domain}\` cannot be reached from there. ${jetStreamWords(doc, target.resolution.server)}`);
    }
  }
  return lines.join('\n');
}
