// The words every picture uses for a node or an edge: one short detail line, and a tooltip that
// says everything (including the problems pinned there). Shared so mermaid, dot and SVG agree.
import * as path from 'node:path';
import { GraphEdge, GraphNode, GraphProblem } from './graph';
import { EdgeBundle } from './grouping';

const LISTENER_NAMES: Record<string, string> = { client: 'client', leafnodes: 'leaf', cluster: 'cluster', gateway: 'gateway', websocket: 'websocket' };

/** The second line of a node: what matters at a glance. */
export function nodeDetail(node: GraphNode): string {
  switch (node.kind) {
    case 'server':
      if (!node.jetstream) return 'no JetStream';
      return node.domain !== undefined ? `JetStream domain ${node.domain}` : 'JetStream, no domain';
    case 'host': {
      const program = node.component === 'wadm' ? 'wadm' : 'wasmCloud';
      const version = node.version ? ` ${node.version}` : '';
      return `${program}${version} · ${node.domain !== undefined ? `domain ${node.domain}` : 'no domain'}`;
    }
    case 'external':
      return 'outside the workspace';
  }
}

function problemLines(problems: readonly GraphProblem[]): string[] {
  return problems.map((p) => `${p.severity} ${p.code}: ${p.message}`);
}

export function nodeTooltip(node: GraphNode): string {
  const lines = [node.label];
  if (node.at) lines.push(path.basename(node.at.file));
  if (node.kind === 'server') {
    lines.push(nodeDetail(node));
    const listeners = (node.listeners ?? []).map((l) => `${LISTENER_NAMES[l.kind]} ${l.host}:${l.port}${l.tls ? ' (tls)' : ''}`);
    if (listeners.length > 0) lines.push(`listens: ${listeners.join(', ')}`);
  } else if (node.kind === 'host') {
    lines.push(nodeDetail(node), `lattice ${node.lattice ?? 'default'}`);
  } else {
    lines.push(nodeDetail(node));
  }
  return [...lines, ...problemLines(node.problems)].join('\n');
}

const STATUS_WORDS: Record<GraphEdge['status'], string> = {
  ok: '',
  ambiguous: 'ambiguous: more than one server answers to this address',
  'no-listener': 'no listener on this port',
  'wrong-listener': 'reaches a listener of the wrong kind',
};

/** A short label for an edge: the account of a leaf link, the domain a host asks for. */
export function edgeLabel(edge: GraphEdge): string {
  if (edge.kind === 'leaf') return edge.account ? `leaf · ${edge.account}` : 'leaf';
  if (edge.kind === 'attachment') return edge.domain !== undefined ? `domain ${edge.domain}` : '';
  return '';
}

export function edgeTooltip(edge: GraphEdge, labelOf: (id: string) => string): string {
  const kind = edge.kind === 'leaf' ? 'leaf connection' : edge.kind === 'route' ? 'cluster route' : 'host connection';
  const lines = [`${kind}: ${labelOf(edge.from)} → ${labelOf(edge.to)}`];
  if (edge.url) lines.push(edge.url);
  if (edge.account) lines.push(`account ${edge.account}`);
  if (edge.kind === 'attachment') lines.push(edge.domain !== undefined ? `JetStream domain ${edge.domain}` : 'no JetStream domain set');
  if (STATUS_WORDS[edge.status]) lines.push(STATUS_WORDS[edge.status]);
  return [...lines, ...problemLines(edge.problems)].join('\n');
}

/** A bundle of leaf links to one cluster reads as one connection that may land on any member. */
export function bundleTooltip(bundle: EdgeBundle, labelOf: (id: string) => string, target: string): string {
  if (bundle.edges.length === 1) return edgeTooltip(bundle.edges[0], labelOf);
  const first = bundle.edges[0];
  const lines = [`leaf connection: ${labelOf(first.from)} → ${target} (any of ${[...new Set(bundle.edges.map((e) => labelOf(e.to)))].join(', ')})`];
  lines.push(...new Set(bundle.edges.map((e) => e.url).filter((u): u is string => u !== undefined)));
  if (first.account) lines.push(`account ${first.account}`);
  return [...lines, ...problemLines(bundle.edges.flatMap((e) => e.problems))].join('\n');
}

/** Shortens text to at most `max` characters, marking the cut. */
export function fit(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}
