// How servers nest for renderers whose groups must nest (mermaid subgraphs, Graphviz clusters): a
// domain holds the clusters whose servers all use it, and the lone servers that use it; clusters
// with mixed domains stand on their own, as do servers without a domain, hosts and outside servers.
import { GraphCluster, GraphEdge, GraphNode, TopologyGraph } from './graph';

export interface ClusterGroup { index: number; cluster: GraphCluster; nodes: GraphNode[] }

export interface DomainGroup { name: string; clusters: ClusterGroup[]; single: GraphNode[] }

export interface Grouping {
  domains: DomainGroup[];
  /** Clusters (of more than one server) outside any domain group. */
  clusters: ClusterGroup[];
  /** Everything else, at the top level. */
  single: GraphNode[];
}

export function groupByDomain(graph: TopologyGraph): Grouping {
  const nodeById = new Map(graph.nodes.map((n) => [n.id, n]));
  const domains = new Map<string, DomainGroup>(graph.domains.filter((d) => d.servers.length > 0).map((d) => [d.name, { name: d.name, clusters: [], single: [] }]));
  const grouping: Grouping = { domains: [...domains.values()], clusters: [], single: [] };
  const placed = new Set<string>();
  graph.clusters.forEach((cluster, index) => {
    const nodes = cluster.servers.map((id) => nodeById.get(id)).filter((n): n is GraphNode => n !== undefined);
    nodes.forEach((n) => placed.add(n.id));
    const shared = new Set(nodes.map((n) => n.domain));
    const domain = shared.size === 1 ? [...shared][0] : undefined;
    const group = domain !== undefined ? domains.get(domain) : undefined;
    if (nodes.length > 1) (group ? group.clusters : grouping.clusters).push({ index, cluster, nodes });
    else if (nodes.length === 1) (group ? group.single : grouping.single).push(nodes[0]);
  });
  for (const node of graph.nodes) if (!placed.has(node.id)) grouping.single.push(node);
  return grouping;
}

/**
 * Leaf links drawn as one: a remote lists every member of the hub cluster so it can fail over,
 * which is one connection to the cluster, not one per member. Links from one leaf to two or more
 * members of the same multi-server cluster become a bundle aimed at the cluster; the rest stay.
 */
export interface EdgeBundle {
  from: string;
  /** A node id, or undefined when the bundle goes to `cluster`. */
  to?: string;
  cluster?: GraphCluster;
  edges: GraphEdge[];
}

export function bundleEdges(graph: TopologyGraph, edges: readonly GraphEdge[] = graph.edges): EdgeBundle[] {
  const clusterOf = new Map<string, GraphCluster>();
  for (const cluster of graph.clusters) if (cluster.servers.length > 1) for (const id of cluster.servers) clusterOf.set(id, cluster);
  const groups = new Map<string, GraphEdge[]>();
  for (const edge of edges) {
    const cluster = edge.kind === 'leaf' && edge.status === 'ok' ? clusterOf.get(edge.to) : undefined;
    const key = cluster ? `${edge.from}>${cluster.id}` : edge.id;
    groups.set(key, [...(groups.get(key) ?? []), edge]);
  }
  return [...groups.values()].map((group) => {
    const cluster = clusterOf.get(group[0].to);
    const targets = new Set(group.map((e) => e.to));
    return group[0].kind === 'leaf' && group[0].status === 'ok' && cluster && targets.size > 1
      ? { from: group[0].from, cluster, edges: group }
      : { from: group[0].from, to: group[0].to, edges: group };
  });
}
