// The lattice as a picture sees it: nodes (servers, hosts, servers outside the workspace), edges
// (routes, leaf connections, host attachments), cluster boxes, JetStream domain regions, and each
// lattice finding pinned to the node or edge it is about. Built from the same analysis the lattice
// rules run on, so the picture and the diagnostics never disagree. Pure: no I/O, no LSP.
import * as path from 'node:path';
import { DEFAULT_PORTS, formatEndpoint, parseAddress } from '../../lattice/endpoints';
import { Finding, HostModel, Listener, ListenerKind, Located, ServerModel, Severity, SourceRange } from '../../lattice/model';
import { Resolution, resolveFromServer, Topology } from '../../lattice/topology';

export type NodeKind = 'server' | 'host' | 'external';

export interface GraphProblem {
  code: string;
  severity: Severity;
  message: string;
  at: SourceRange;
}

export interface GraphListener { kind: ListenerKind; host: string; port: number; tls: boolean }

export interface GraphNode {
  /** Stable across checks: `server:FILE`, `host:FILE#NAME`, `external:HOST:PORT`. */
  id: string;
  kind: NodeKind;
  /** server_name or config file name; env file or compose service name; host:port outside. */
  label: string;
  /** Where to open the node: the config, the host source; absent outside the workspace. */
  at?: SourceRange;
  /** Servers: the id of their cluster (routed servers share one). */
  cluster?: string;
  /** Servers: their JetStream domain; hosts: the domain they ask for (both only when set). */
  domain?: string;
  /** Servers: JetStream is enabled. */
  jetstream?: boolean;
  listeners?: GraphListener[];
  /** Hosts: wasmcloud or wadm, and the version when known. */
  component?: HostModel['component'];
  version?: string;
  /** Hosts: the lattice name they join. */
  lattice?: string;
  problems: GraphProblem[];
}

export type EdgeKind = 'route' | 'leaf' | 'attachment';

/** How an address was resolved: `ok` when it reaches the listener it should. */
export type EdgeStatus = 'ok' | 'ambiguous' | 'no-listener' | 'wrong-listener';

export interface GraphEdge {
  id: string;
  kind: EdgeKind;
  /** Leaf: the leaf server; attachment: the host; route: either member. */
  from: string;
  /** Leaf: the hub (or external server); attachment: the server it connects to. */
  to: string;
  status: EdgeStatus;
  /** Leaf: the remote's URL with any password left out. */
  url?: string;
  /** Leaf: the account the remote binds to. */
  account?: string;
  /** Attachment: the JetStream domain the host asks for. */
  domain?: string;
  /** Where the address is written. */
  at?: SourceRange;
  problems: GraphProblem[];
}

export interface GraphCluster {
  id: string;
  /** The `cluster { name }`, when given. */
  name?: string;
  servers: string[];
}

/** Servers that share a JetStream domain, and the hosts that ask for it. */
export interface GraphDomain { name: string; servers: string[]; hosts: string[] }

export interface TopologyGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Every cluster, single servers included (each is its own cluster of one). */
  clusters: GraphCluster[];
  domains: GraphDomain[];
  /** Findings that concern no node or edge of the picture (e.g. in an included file only). */
  problems: GraphProblem[];
}

export interface GraphInput {
  topology: Topology;
  findings: Finding[];
}

export function serverId(server: ServerModel): string {
  return `server:${server.file}`;
}

export function hostId(host: HostModel): string {
  return `host:${host.file}#${host.name}`;
}

function externalId(address: string): string {
  return `external:${address}`;
}

/** A URL as it may be shown: `user:password@` becomes `user@`, a token becomes nothing. */
export function withoutSecrets(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)([^@/]*)@/i, (_, scheme: string, userinfo: string) => {
    const colon = userinfo.indexOf(':');
    return colon >= 0 ? `${scheme}${userinfo.slice(0, colon)}@` : scheme;
  });
}

/** server_name when the config sets one, else the config's file name (as the explorer shows it). */
function serverLabel(server: ServerModel): string {
  const stem = path.basename(server.file, path.extname(server.file));
  const named = server.names.some((n) => n.scope === undefined && n.name === server.name.toLowerCase());
  return server.name === stem && !named ? path.basename(server.file) : server.name;
}

/** Two things called alike (nats.conf in two folders) get their folder added, so each is findable. */
function disambiguate(nodes: GraphNode[]): void {
  const counts = new Map<string, number>();
  for (const node of nodes) counts.set(node.label, (counts.get(node.label) ?? 0) + 1);
  for (const node of nodes) {
    if (node.at && counts.get(node.label)! > 1) node.label = `${node.label} (${path.basename(path.dirname(node.at.file))})`;
  }
}

function listenersOf(server: ServerModel): GraphListener[] {
  return server.listeners.map((l: Listener) => ({ kind: l.kind, host: l.host, port: l.port, tls: l.tls }));
}

/** Where a resolved address lands in the picture: the nodes it names, and how well. */
function targetsOf(resolution: Resolution, wanted: ListenerKind | 'any', address: string): { to: string; status: EdgeStatus }[] {
  switch (resolution.kind) {
    case 'listener':
      return [{ to: serverId(resolution.server), status: wanted === 'any' || resolution.listener.kind === wanted ? 'ok' : 'wrong-listener' }];
    case 'ambiguous':
      return [...new Set(resolution.candidates.map((c) => serverId(c.server)))].map((to) => ({ to, status: 'ambiguous' as const }));
    case 'no-listener':
      return resolution.servers.map((s) => ({ to: serverId(s), status: 'no-listener' as const }));
    case 'external':
      return [{ to: externalId(address), status: 'ok' }];
  }
}

export function buildTopologyGraph({ topology, findings }: GraphInput): TopologyGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const byId = new Map<string, GraphNode>();
  const addNode = (node: GraphNode) => {
    if (byId.has(node.id)) return byId.get(node.id)!;
    byId.set(node.id, node);
    nodes.push(node);
    return node;
  };
  const addExternal = (id: string) => {
    if (id.startsWith('external:')) addNode({ id, kind: 'external', label: id.slice('external:'.length), problems: [] });
  };

  const clusterIds = new Map(topology.clusters.map((c) => [c, `cluster:${c.id}`]));
  for (const server of topology.servers) {
    const cluster = topology.clusterOf.get(server);
    addNode({
      id: serverId(server),
      kind: 'server',
      label: serverLabel(server),
      at: server.at,
      cluster: cluster ? clusterIds.get(cluster) : undefined,
      domain: server.jetstream.enabled ? server.jetstream.domain?.value : undefined,
      jetstream: server.jetstream.enabled,
      listeners: listenersOf(server),
      problems: [],
    });
  }

  // Routes: one undirected edge per pair of servers, however many of them list the other.
  const routePairs = new Set<string>();
  for (const server of topology.servers) {
    for (const route of server.cluster?.routes ?? []) {
      const endpoint = parseAddress(route.value, DEFAULT_PORTS.cluster);
      if (!endpoint) continue;
      const resolution = resolveFromServer(topology.servers, server, endpoint);
      if (resolution.kind !== 'listener' || resolution.server === server || resolution.listener.kind !== 'cluster') continue;
      const [a, b] = [serverId(server), serverId(resolution.server)].sort();
      if (routePairs.has(`${a} ${b}`)) continue;
      routePairs.add(`${a} ${b}`);
      edges.push({ id: `route:${a}|${b}`, kind: 'route', from: a, to: b, status: 'ok', at: route.at, problems: [] });
    }
  }

  for (const target of topology.remoteTargets) {
    const endpoint = parseAddress(target.url.value, DEFAULT_PORTS.leafnodes);
    const address = endpoint ? formatEndpoint(endpoint) : target.url.value;
    for (const { to, status } of targetsOf(target.resolution, 'leafnodes', address)) {
      addExternal(to);
      edges.push({
        id: `leaf:${serverId(target.server)}>${to}@${target.url.at.start}`,
        kind: 'leaf',
        from: serverId(target.server),
        to,
        status,
        url: withoutSecrets(target.url.value),
        account: target.remote.account?.value,
        at: target.url.at,
        problems: [],
      });
    }
  }

  for (const attachment of topology.hostAttachments) {
    const host = attachment.host;
    const node = addNode({
      id: hostId(host),
      kind: 'host',
      label: host.name,
      at: host.at,
      domain: host.domain?.value,
      component: host.component,
      version: host.version,
      lattice: host.lattice.value,
      problems: [],
    });
    for (const { to, status } of targetsOf(attachment.resolution, 'any', formatEndpoint(host.address.value))) {
      addExternal(to);
      edges.push({ id: `attach:${node.id}>${to}`, kind: 'attachment', from: node.id, to, status, domain: host.domain?.value, at: host.address.at, problems: [] });
    }
  }

  const clusters: GraphCluster[] = topology.clusters.map((c) => ({ id: clusterIds.get(c)!, name: c.name, servers: c.servers.map(serverId) }));

  const domains = new Map<string, GraphDomain>();
  const domain = (name: string) => domains.get(name) ?? domains.set(name, { name, servers: [], hosts: [] }).get(name)!;
  for (const node of nodes) {
    if (node.domain === undefined) continue;
    if (node.kind === 'server') domain(node.domain).servers.push(node.id);
    else if (node.kind === 'host') domain(node.domain).hosts.push(node.id);
  }

  disambiguate(nodes);
  const problems = attachFindings(findings, topology, byId, edges);
  return { nodes, edges, clusters, domains: [...domains.values()].sort((a, b) => a.name.localeCompare(b.name)), problems };
}

function contains(outer: SourceRange, inner: SourceRange): boolean {
  return outer.file === inner.file && outer.start <= inner.start && inner.end <= outer.end;
}

function locatedIn(values: (Located<unknown> | undefined)[], at: SourceRange): boolean {
  return values.some((v) => v !== undefined && contains(v.at, at));
}

/**
 * Pins each finding to what it is about, by where it is shown: a leaf URL → that leaf edge; a
 * host's setting → the host; anything else in a server's config → the server. Findings that land
 * nowhere try their related places, then stay with the graph as a whole.
 */
function attachFindings(findings: Finding[], topology: Topology, byId: Map<string, GraphNode>, edges: GraphEdge[]): GraphProblem[] {
  const loose: GraphProblem[] = [];
  const place = (at: SourceRange): { problems: GraphProblem[] } | undefined => {
    const edge = edges.find((e) => e.kind === 'leaf' && e.at !== undefined && contains(e.at, at));
    if (edge) return edge;
    const server = topology.servers.find((s) => s.file === at.file);
    if (server) return byId.get(serverId(server));
    const hostsHere = topology.hosts.filter((h) => h.file === at.file);
    const exact = hostsHere.find((h) => contains(h.at, at) || locatedIn([h.address, h.domain, h.lattice, h.pinnedServer], at) || (h.portAt && contains(h.portAt, at)));
    // In a compose file the services follow each other: the nearest one above owns the line.
    const nearest = exact ?? hostsHere.filter((h) => h.at.start <= at.start).sort((a, b) => b.at.start - a.at.start)[0] ?? hostsHere[0];
    return nearest ? byId.get(hostId(nearest)) : undefined;
  };
  for (const finding of findings) {
    const problem: GraphProblem = { code: finding.code, severity: finding.severity, message: finding.message, at: finding.at };
    const owner = place(finding.at) ?? finding.related.map((r) => place(r.at)).find((p) => p !== undefined);
    (owner ? owner.problems : loose).push(problem);
  }
  return loose;
}

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'information', 'hint'];

/** The most severe of some problems, for colouring what they are pinned to. */
export function worstSeverity(problems: readonly GraphProblem[]): Severity | undefined {
  for (const severity of SEVERITY_ORDER) if (problems.some((p) => p.severity === severity)) return severity;
  return undefined;
}

/** How a cluster is called in pictures: its name, else the one server's, else a number. */
export function clusterLabel(cluster: GraphCluster, graph: TopologyGraph): string {
  if (cluster.name) return `cluster ${cluster.name}`;
  const first = graph.nodes.find((n) => n.id === cluster.servers[0]);
  return cluster.servers.length === 1 && first ? first.label : `cluster ${cluster.id.slice('cluster:'.length)}`;
}
