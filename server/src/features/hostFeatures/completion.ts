// Completion in env files and compose `environment:` blocks: the names the program reads (with
// their documentation), and values taken from the workspace (domains its servers serve, addresses
// they listen on, lattices other hosts use) or from the table (booleans, enums).
import * as path from 'node:path';
import { CompletionItem, CompletionItemKind, CompletionItemTag, CompletionList, MarkupKind, Range, TextEdit } from 'vscode-languageserver-types';
import { BOOL_SYNTAX, boolSyntaxOf, findVariables, variablesOf, WasmcloudVariable } from '../../facts/wasmcloudVars';
import { ServerModel } from '../../lattice/model';
import { activeRow, Program } from '../../rules/hostVariables/program';
import { effectiveAssignments, HostSource } from '../../sources/hostSettings';
import { HostDocument, Positions, programFor, shortPath, sourceNamed } from './context';
import { connectionTargets } from './resolve';
import { Slot, slotAt, WritingStyle } from './slots';
import { variableDetail, variableMarkdown } from './variableDocs';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

export function completeHostSource(doc: HostDocument, offset: number): CompletionList {
  const slot = slotAt(doc.kind, doc.text, offset);
  if (!slot) return EMPTY;
  const source = sourceNamed(doc, slot.service);
  if (slot.service !== undefined && source?.component === 'nats') return EMPTY;
  const program = programFor(source, doc.ctx.defaults);
  const positions = new Positions((f) => (f === doc.file ? doc.text : doc.ctx.readFile(f)));
  positions.document(doc.file);
  const range = positions.range({ file: doc.file, start: slot.start, end: slot.end });
  const items = slot.kind === 'name' ? nameItems(slot, source, program, range) : valueItems(doc, slot, source, program, range);
  return { isIncomplete: false, items };
}

function separator(style: WritingStyle): string {
  return style === 'compose-map' ? ': ' : '=';
}

function nameItems(slot: Extract<Slot, { kind: 'name' }>, source: HostSource | undefined, program: Program, range: Range): CompletionItem[] {
  const set = new Set(source ? [...effectiveAssignments(source).values()].filter((a) => a.nameSpan.start !== slot.start).map((a) => a.name) : []);
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  program.family.forEach((component, rank) => {
    for (const row of variablesOf(component, component === program.component ? program.version : undefined)) {
      if (seen.has(row.name) || set.has(row.name)) continue;
      seen.add(row.name);
      items.push({
        label: row.name,
        kind: CompletionItemKind.Variable,
        detail: variableDetail(row),
        documentation: { kind: MarkupKind.Markdown, value: variableMarkdown(row) },
        tags: row.deprecated || row.renamedTo ? [CompletionItemTag.Deprecated] : undefined,
        // The program's own names first, everyday ones before hidden ones.
        sortText: `${rank}${row.hidden ? 1 : 0}${row.name}`,
        textEdit: TextEdit.replace(range, slot.hasSeparator ? row.name : `${row.name}${separator(slot.style)}`),
      });
    }
  });
  return items;
}

interface Suggestion { value: string; detail: string; documentation?: string }

function valueItems(doc: HostDocument, slot: Extract<Slot, { kind: 'value' }>, source: HostSource | undefined, program: Program, range: Range): CompletionItem[] {
  const row = activeRow(program, slot.name) ?? findVariables(slot.name)[0];
  if (!row) return [];
  const suggestions = [...workspaceValues(doc, row, source, program), ...tableValues(row, program)];
  const seen = new Set<string>();
  return suggestions
    .filter((s) => !seen.has(s.value) && seen.add(s.value))
    .map((s, i) => ({
      label: s.value,
      kind: CompletionItemKind.Value,
      detail: s.detail,
      documentation: s.documentation ? { kind: MarkupKind.Markdown, value: s.documentation } : undefined,
      sortText: String(i).padStart(4, '0'),
      textEdit: TextEdit.replace(range, s.value),
    }));
}

function tableValues(row: WasmcloudVariable, program: Program): Suggestion[] {
  const out: Suggestion[] = [];
  if (row.type === 'bool') {
    const syntax = BOOL_SYNTAX[boolSyntaxOf(row, row.component === program.component ? program.version : undefined)];
    out.push({ value: syntax.trueValues.includes('true' as never) ? 'true' : syntax.trueValues[0], detail: 'true' });
    out.push({ value: syntax.falseValues[0] ?? 'false', detail: 'false' });
  }
  for (const value of row.values ?? []) out.push({ value, detail: row.type === 'log-level' ? 'log level' : 'allowed value' });
  if (row.default !== undefined) out.push({ value: row.default, detail: 'default' });
  return out;
}

/** Names a host in this file can use to reach a server: its names in scope, and loopback when it runs beside it. */
function namesFrom(server: ServerModel, doc: HostDocument, source: HostSource | undefined): string[] {
  const scope = source?.kind === 'compose' ? source.file : undefined;
  const names = server.names.filter((n) => n.scope === undefined || n.scope === scope).map((n) => n.name);
  if (server.localScopes.has(path.dirname(doc.file))) names.push('localhost', '127.0.0.1');
  return [...new Set(names)];
}

function workspaceValues(doc: HostDocument, row: WasmcloudVariable, source: HostSource | undefined, program: Program): Suggestion[] {
  const { topology } = doc.ctx.analysis;
  const where = (server: ServerModel) => `${server.name} (${shortPath(server.file, doc.file)})`;
  switch (row.purpose) {
    case 'js-domain':
    case 'server-js-domain': {
      // Domains reachable from the server this host connects to come first.
      const attached = source ? connectionTargets(doc, source, program).find((t) => t.jetstream)?.resolution : undefined;
      const near = attached?.kind === 'listener' ? topology.clusterOf.get(attached.server) : undefined;
      const servers = topology.servers.filter((s) => s.jetstream.enabled && s.jetstream.domain);
      servers.sort((a, b) => Number(topology.clusterOf.get(b) === near) - Number(topology.clusterOf.get(a) === near));
      return servers.map((s) => ({ value: s.jetstream.domain!.value, detail: `JetStream domain of ${where(s)}` }));
    }
    case 'nats-host':
    case 'nats-port':
    case 'nats-address': {
      const out: Suggestion[] = [];
      for (const server of topology.servers) {
        for (const listener of server.listeners.filter((l) => l.kind === 'client')) {
          for (const name of namesFrom(server, doc, source)) {
            const detail = `client listener of ${where(server)}`;
            if (row.purpose === 'nats-host') out.push({ value: name, detail });
            else if (row.purpose === 'nats-port') out.push({ value: String(listener.port), detail: `${detail}, as ${name}` });
            else out.push({ value: `${name}:${listener.port}`, detail });
          }
        }
      }
      return out;
    }
    case 'lattice':
      return topology.hosts.filter((h) => !h.latticeImplicit).map((h) => ({ value: h.lattice.value, detail: `lattice of ${h.name} (${shortPath(h.file, doc.file)})` }));
    default:
      return [];
  }
}
