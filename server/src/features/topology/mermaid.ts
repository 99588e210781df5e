// The topology as a mermaid flowchart (GitHub renders these in Markdown). Hubs on top: edges point
// from leaf to hub and from host to server, and the chart flows bottom to top. JetStream domains
// and clusters are subgraphs; routes are implied by the cluster subgraph (mermaid cannot draw an
// edge that does not push nodes apart, and a full mesh of routes would stack the members).
import { edgeLabel, nodeDetail } from './describe';
import { escapeMermaid } from './escape';
import { GraphEdge, GraphNode, TopologyGraph, clusterLabel, worstSeverity } from './graph';
import { bundleEdges, groupByDomain } from './grouping';

const PROBLEM_STYLES = {
  error: 'stroke:#d1242f,stroke-width:3px',
  warning: 'stroke:#bf8700,stroke-width:3px',
} as const;

export function renderMermaid(graph: TopologyGraph): string {
  const ids = new Map(graph.nodes.map((n, i) => [n.id, `n${i}`]));
  const lines: string[] = ['flowchart BT'];
  const nodeLine = (node: GraphNode, indent: string) => lines.push(`${indent}${ids.get(node.id)}${shape(node)}`);

  const groups = groupByDomain(graph);
  groups.domains.forEach((domain, d) => {
    lines.push(`  subgraph d${d}["${escapeMermaid(`JetStream domain ${domain.name}`)}"]`);
    for (const cluster of domain.clusters) {
      lines.push(`    subgraph c${cluster.index}["${escapeMermaid(clusterLabel(cluster.cluster, graph))}"]`);
      for (const node of cluster.nodes) nodeLine(node, '      ');
      lines.push('    end');
    }
    for (const node of domain.single) nodeLine(node, '    ');
    lines.push('  end');
  });
  for (const cluster of groups.clusters) {
    lines.push(`  subgraph c${cluster.index}["${escapeMermaid(clusterLabel(cluster.cluster, graph))}"]`);
    for (const node of cluster.nodes) nodeLine(node, '    ');
    lines.push('  end');
  }
  for (const node of groups.single) nodeLine(node, '  ');

  const clusterIndex = new Map(graph.clusters.map((c, i) => [c.id, i]));
  const drawn = bundleEdges(graph, graph.edges.filter((e) => e.kind !== 'route'));
  for (const bundle of drawn) {
    const to = bundle.cluster ? `c${clusterIndex.get(bundle.cluster.id)}` : ids.get(bundle.to!);
    lines.push(`  ${ids.get(bundle.from)} ${arrow(bundle.edges[0])} ${to}`);
  }
  const bundleSeverity = (bundle: (typeof drawn)[number]) => worstSeverity(bundle.edges.flatMap((e) => e.problems));

  for (const [severity, style] of Object.entries(PROBLEM_STYLES)) {
    const marked = graph.nodes.filter((n) => worstSeverity(n.problems) === severity).map((n) => ids.get(n.id));
    if (marked.length > 0) lines.push(`  classDef ${severity} ${style}`, `  class ${marked.join(',')} ${severity}`);
    const links = drawn.map((b, i) => (bundleSeverity(b) === severity ? i : -1)).filter((i) => i >= 0);
    if (links.length > 0) lines.push(`  linkStyle ${links.join(',')} ${style.replace('stroke-width:3px', 'stroke-width:2px')}`);
  }
  for (const node of graph.nodes) {
    for (const p of node.problems) lines.push(`  %% ${p.severity} ${p.code} at ${node.label}: ${oneLine(p.message)}`);
  }
  for (const edge of drawn.flatMap((b) => b.edges)) {
    for (const p of edge.problems) lines.push(`  %% ${p.severity} ${p.code} on a link from ${graph.nodes.find((n) => n.id === edge.from)?.label}: ${oneLine(p.message)}`);
  }
  return `${lines.join('\n')}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function label(node: GraphNode): string {
  const parts = [escapeMermaid(node.label), escapeMermaid(nodeDetail(node))];
  const codes = [...new Set(node.problems.map((p) => p.code))];
  if (codes.length > 0) parts.push(escapeMermaid(`⚠ ${codes.join(', ')}`));
  return `"${parts.join('<br/>')}"`;
}

function shape(node: GraphNode): string {
  if (node.kind === 'host') return `([${label(node)}])`;
  if (node.kind === 'external') return `{{${label(node)}}}`;
  return `[${label(node)}]`;
}

function arrow(edge: GraphEdge): string {
  const text = [edgeLabel(edge), edge.status === 'ok' ? '' : edge.status].filter(Boolean).join(' · ');
  const body = edge.kind === 'attachment' || edge.status !== 'ok' ? '-.->' : '-->';
  return text ? `${body}|"${escapeMermaid(text)}"|` : body;
}
