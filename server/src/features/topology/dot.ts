// The topology in Graphviz dot: `dot -Tsvg` draws it. Hubs on top (rankdir=BT, edges point from
// leaf to hub and host to server); domains and clusters are `subgraph cluster_*` boxes; routes are
// dashed lines that do not push their ends apart (constraint=false).
import { bundleTooltip, edgeLabel, nodeDetail, nodeTooltip } from './describe';
import { escapeDot } from './escape';
import { GraphEdge, GraphNode, TopologyGraph, clusterLabel, worstSeverity } from './graph';
import { bundleEdges, groupByDomain } from './grouping';

const SEVERITY_COLOURS: Record<string, string> = { error: '#d1242f', warning: '#bf8700', information: '#0969da', hint: '#0969da' };
const DOMAIN_FILLS = ['#ddf4ff', '#fbefff', '#dafbe1', '#fff8c5', '#ffebe9', '#eaeef2'];

export function renderDot(graph: TopologyGraph): string {
  const ids = new Map(graph.nodes.map((n, i) => [n.id, `n${i}`]));
  const labelOf = (id: string) => graph.nodes.find((n) => n.id === id)?.label ?? id;
  const lines = [
    'digraph lattice {',
    '  rankdir=BT;',
    '  compound=true;',
    '  node [fontname="Helvetica", fontsize=11, shape=box, style="rounded"];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  const nodeLine = (node: GraphNode, indent: string) => lines.push(`${indent}${ids.get(node.id)} [${nodeAttributes(node)}];`);

  const groups = groupByDomain(graph);
  groups.domains.forEach((domain, d) => {
    lines.push(`  subgraph "cluster_domain_${d}" {`, `    label="${escapeDot(`JetStream domain ${domain.name}`)}";`, `    style="filled,rounded"; color="#8c959f"; fillcolor="${DOMAIN_FILLS[d % DOMAIN_FILLS.length]}";`);
    for (const cluster of domain.clusters) {
      lines.push(`    subgraph "cluster_${cluster.index}" {`, `      label="${escapeDot(clusterLabel(cluster.cluster, graph))}"; style="rounded"; color="#57606a";`);
      for (const node of cluster.nodes) nodeLine(node, '      ');
      lines.push('    }');
    }
    for (const node of domain.single) nodeLine(node, '    ');
    lines.push('  }');
  });
  for (const cluster of groups.clusters) {
    lines.push(`  subgraph "cluster_${cluster.index}" {`, `    label="${escapeDot(clusterLabel(cluster.cluster, graph))}"; style="rounded"; color="#57606a";`);
    for (const node of cluster.nodes) nodeLine(node, '    ');
    lines.push('  }');
  }
  for (const node of groups.single) nodeLine(node, '  ');

  const clusterIndex = new Map(graph.clusters.map((c, i) => [c.id, i]));
  for (const bundle of bundleEdges(graph)) {
    const edge = bundle.edges[0];
    // A bundle ends at the cluster's border (lhead), drawn to its first member.
    const to = bundle.cluster ? bundle.cluster.servers[0] : bundle.to!;
    const target = bundle.cluster ? clusterLabel(bundle.cluster, graph) : labelOf(to);
    const lhead = bundle.cluster ? `, lhead="cluster_${clusterIndex.get(bundle.cluster.id)}"` : '';
    lines.push(`  ${ids.get(edge.from)} -> ${ids.get(to)} [${edgeAttributes(bundle.edges, bundleTooltip(bundle, labelOf, target))}${lhead}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function attributes(values: Record<string, string | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}="${escapeDot(v!)}"`)
    .join(', ');
}

function nodeAttributes(node: GraphNode): string {
  const severity = worstSeverity(node.problems);
  return attributes({
    label: `${node.label}\n${nodeDetail(node)}`,
    tooltip: nodeTooltip(node),
    shape: node.kind === 'host' ? 'ellipse' : node.kind === 'external' ? 'hexagon' : undefined,
    style: node.kind === 'external' ? 'dashed' : undefined,
    color: severity ? SEVERITY_COLOURS[severity] : undefined,
    penwidth: severity ? '2.5' : undefined,
  });
}

function edgeAttributes(edges: GraphEdge[], tooltip: string): string {
  const edge = edges[0];
  const severity = worstSeverity(edges.flatMap((e) => e.problems));
  const broken = edge.status !== 'ok';
  return attributes({
    label: [edgeLabel(edge), broken ? edge.status : ''].filter(Boolean).join('\n') || undefined,
    tooltip,
    style: edge.kind === 'route' || edge.kind === 'attachment' || broken ? 'dashed' : undefined,
    dir: edge.kind === 'route' ? 'none' : undefined,
    constraint: edge.kind === 'route' ? 'false' : undefined,
    color: severity ? SEVERITY_COLOURS[severity] : broken ? SEVERITY_COLOURS.warning : undefined,
  });
}
