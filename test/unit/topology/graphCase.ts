// Helpers for topology tests: a workspace in memory → the graph, written as short lines a reader
// can check against the files (`server hub-1 cluster=hub domain=hub`, `leaf edge → hub-1`).
import { buildTopologyGraph, GraphEdge, GraphNode, TopologyGraph } from '../../../server/src/features/topology/graph';
import { analyze } from '../lattice/latticeCase';

export function graphOf(files: Record<string, string>): TopologyGraph {
  const { analysis } = analyze(files);
  return buildTopologyGraph({ topology: analysis.topology, findings: analysis.findings });
}

export function describeNode(node: GraphNode, graph: TopologyGraph): string {
  const parts = [node.kind, node.label];
  if (node.cluster) {
    const cluster = graph.clusters.find((c) => c.id === node.cluster)!;
    if (cluster.servers.length > 1) parts.push(`cluster=${cluster.name ?? '?'}`);
  }
  if (node.domain !== undefined) parts.push(`domain=${node.domain}`);
  if (node.kind === 'server' && !node.jetstream) parts.push('no-js');
  if (node.component) parts.push(node.component);
  return parts.join(' ');
}

export function describeEdge(edge: GraphEdge, graph: TopologyGraph): string {
  const label = (id: string) => graph.nodes.find((n) => n.id === id)?.label ?? `?${id}`;
  const arrow = edge.kind === 'route' ? '—' : '→';
  const extra = [edge.status === 'ok' ? '' : edge.status, edge.account ? `account=${edge.account}` : '', edge.kind === 'attachment' && edge.domain ? `domain=${edge.domain}` : ''].filter(Boolean);
  return [`${edge.kind} ${label(edge.from)} ${arrow} ${label(edge.to)}`, ...extra].join(' ');
}

/** `code @ where`: where is a node (`server edge`) or an edge (`leaf edge → hub-1`), or `loose`. */
export function describeProblems(graph: TopologyGraph): string[] {
  const lines: string[] = [];
  for (const node of graph.nodes) for (const p of node.problems) lines.push(`${p.code} @ ${node.kind} ${node.label}`);
  for (const edge of graph.edges) for (const p of edge.problems) lines.push(`${p.code} @ ${describeEdge(edge, graph)}`);
  for (const p of graph.problems) lines.push(`${p.code} @ loose`);
  return lines.sort();
}

export interface GraphExpectation {
  nodes?: string[];
  edges?: string[];
  domains?: string[];
  problems?: string[];
}

export function summarize(graph: TopologyGraph): Required<GraphExpectation> {
  const label = (id: string) => graph.nodes.find((n) => n.id === id)?.label ?? id;
  return {
    nodes: graph.nodes.map((n) => describeNode(n, graph)).sort(),
    edges: graph.edges.map((e) => describeEdge(e, graph)).sort(),
    domains: graph.domains.map((d) => `${d.name}: ${[...d.servers.map(label)].sort().join(', ')}${d.hosts.length ? ` | hosts ${d.hosts.map(label).sort().join(', ')}` : ''}`),
    problems: describeProblems(graph),
  };
}
