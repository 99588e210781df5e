// Who connects to whom: resolves addresses to listeners, groups routed servers into clusters,
// follows leaf connections, and answers "which servers does a request on this subject reach".
import { formatEndpoint, isLoopback, parseAddress, DEFAULT_PORTS } from './endpoints';
import { Endpoint, HostModel, LeafRemote, Listener, Located, ServerModel } from './model';
import { subjectsOverlap } from './subjects';

export interface Attachment { server: ServerModel; listener: Listener }

export type Resolution =
  | { kind: 'listener'; server: ServerModel; listener: Listener }
  | { kind: 'ambiguous'; candidates: Attachment[] }
  /** The name is a known server's, but none of its listeners has this port. */
  | { kind: 'no-listener'; servers: ServerModel[] }
  /** The address names no server of the workspace (another machine, or a service like NGS). */
  | { kind: 'external' };

export interface Lookup {
  /** Compose project or other naming scope the address is used in. */
  scope?: string;
  /** Folder scope that `localhost` refers to. */
  localScope?: string;
  /** Only these server files are candidates (a pin). */
  only?: Set<string>;
  /** Never this server: a remote from a server cannot mean the server itself. */
  exclude?: ServerModel;
}

/** Servers by the names they answer to, built once per server list: lookups stay O(1) in big workspaces. */
interface ServerIndex {
  global: Map<string, ServerModel[]>;
  scoped: Map<string, ServerModel[]>;
  local: Map<string, ServerModel[]>;
}

const indexes = new WeakMap<readonly ServerModel[], ServerIndex>();

function push<K>(map: Map<K, ServerModel[]>, key: K, server: ServerModel): void {
  const list = map.get(key);
  if (!list) map.set(key, [server]);
  else if (!list.includes(server)) list.push(server);
}

function indexOf(servers: readonly ServerModel[]): ServerIndex {
  let index = indexes.get(servers);
  if (!index) {
    index = { global: new Map(), scoped: new Map(), local: new Map() };
    for (const server of servers) {
      for (const n of server.names) {
        if (n.scope === undefined) push(index.global, n.name, server);
        else push(index.scoped, `${n.scope}\0${n.name}`, server);
      }
      for (const scope of server.localScopes) push(index.local, scope, server);
    }
    indexes.set(servers, index);
  }
  return index;
}

export function resolveEndpoint(servers: ServerModel[], endpoint: Endpoint, lookup: Lookup): Resolution {
  const index = indexOf(servers);
  const inPool = (list: ServerModel[] | undefined) => (list ?? []).filter((s) => s !== lookup.exclude && (!lookup.only || lookup.only.has(s.file)));
  let named: ServerModel[];
  if (isLoopback(endpoint.host)) {
    named = lookup.localScope !== undefined ? inPool(index.local.get(lookup.localScope)) : [];
  } else {
    const scoped = lookup.scope !== undefined ? inPool(index.scoped.get(`${lookup.scope}\0${endpoint.host}`)) : [];
    named = scoped.length > 0 ? scoped : inPool(index.global.get(endpoint.host));
  }
  if (lookup.only && named.length === 0) named = servers.filter((s) => lookup.only!.has(s.file));
  if (named.length === 0) return { kind: 'external' };
  const candidates: Attachment[] = [];
  for (const server of named) {
    for (const listener of server.listeners) if (listener.port === endpoint.port) candidates.push({ server, listener });
  }
  if (candidates.length === 1) return { kind: 'listener', ...candidates[0] };
  if (candidates.length > 1) return { kind: 'ambiguous', candidates };
  return { kind: 'no-listener', servers: named };
}

/** Servers joined by routes: one JetStream meta group, one domain. */
export interface Cluster { id: number; servers: ServerModel[]; name?: string }

export interface LeafLink {
  /** The server with the `remotes` entry (the leaf). */
  leaf: ServerModel;
  /** The server whose leafnodes listener accepts it (the hub). */
  hub: ServerModel;
  remote: LeafRemote;
  url: Located<string>;
  listener: Listener;
}

export interface RemoteTarget { server: ServerModel; remote: LeafRemote; url: Located<string>; resolution: Resolution }

export interface HostAttachment { host: HostModel; resolution: Resolution }

export interface Topology {
  servers: ServerModel[];
  hosts: HostModel[];
  clusters: Cluster[];
  clusterOf: Map<ServerModel, Cluster>;
  leafLinks: LeafLink[];
  remoteTargets: RemoteTarget[];
  hostAttachments: HostAttachment[];
}

function serverLookup(server: ServerModel, scope?: string): Lookup {
  const local = [...server.localScopes][0];
  return { scope, localScope: local, exclude: server };
}

function serverScopes(server: ServerModel): (string | undefined)[] {
  const scopes = new Set(server.names.map((n) => n.scope).filter((s): s is string => s !== undefined));
  return scopes.size > 0 ? [...scopes] : [undefined];
}

/** Resolves from every compose project the server runs in; the first that finds a listener wins. */
export function resolveFromServer(servers: ServerModel[], server: ServerModel, endpoint: Endpoint): Resolution {
  let best: Resolution = { kind: 'external' };
  for (const scope of serverScopes(server)) {
    const r = resolveEndpoint(servers, endpoint, serverLookup(server, scope));
    if (r.kind === 'listener') return r;
    if (best.kind === 'external') best = r;
  }
  return best;
}

export function buildTopology(servers: ServerModel[], hosts: HostModel[]): Topology {
  const parent = new Map<ServerModel, ServerModel>(servers.map((s) => [s, s]));
  const find = (s: ServerModel): ServerModel => {
    let root = s;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(s, root);
    return root;
  };
  for (const server of servers) {
    for (const route of server.cluster?.routes ?? []) {
      const endpoint = parseAddress(route.value, DEFAULT_PORTS.cluster);
      if (!endpoint) continue;
      const r = resolveFromServer(servers, server, endpoint);
      if (r.kind === 'listener' && r.listener.kind === 'cluster' && r.server !== server) parent.set(find(server), find(r.server));
    }
  }
  const clusters: Cluster[] = [];
  const byRoot = new Map<ServerModel, Cluster>();
  const clusterOf = new Map<ServerModel, Cluster>();
  for (const server of servers) {
    const root = find(server);
    let cluster = byRoot.get(root);
    if (!cluster) {
      cluster = { id: clusters.length, servers: [], name: server.cluster?.name?.value };
      clusters.push(cluster);
      byRoot.set(root, cluster);
    }
    cluster.servers.push(server);
    clusterOf.set(server, cluster);
  }

  const leafLinks: LeafLink[] = [];
  const remoteTargets: RemoteTarget[] = [];
  for (const server of servers) {
    for (const remote of server.remotes) {
      for (const url of remote.urls) {
        const endpoint = parseAddress(url.value, DEFAULT_PORTS.leafnodes);
        if (!endpoint) continue;
        const resolution = resolveFromServer(servers, server, endpoint);
        remoteTargets.push({ server, remote, url, resolution });
        if (resolution.kind === 'listener' && resolution.listener.kind === 'leafnodes') {
          leafLinks.push({ leaf: server, hub: resolution.server, remote, url, listener: resolution.listener });
        }
      }
    }
  }

  const hostAttachments = hosts.map((host) => ({
    host,
    resolution: resolveEndpoint(servers, host.address.value, {
      scope: host.scope,
      localScope: host.localScope,
      only: host.pinnedServer ? new Set([host.pinnedServer.value]) : undefined,
    }),
  }));
  return { servers, hosts, clusters, clusterOf, leafLinks, remoteTargets, hostAttachments };
}

/** One cluster reached by a message, and how. */
export interface Reached {
  cluster: Cluster;
  /** Leaf connections crossed on the way (0: the starting cluster). */
  leafHops: number;
  /** The leaf link crossed last, and where it was crossed from (absent for the start). */
  via?: LeafLink;
  previous?: Reached;
}

/** The leaf links crossed to get somewhere, in order. */
export function pathOf(reached: Reached): LeafLink[] {
  const links: LeafLink[] = [];
  for (let r: Reached | undefined = reached; r?.via; r = r.previous) links.unshift(r.via);
  return links;
}

export interface Reach {
  reached: Reached[];
  /** Leaf remotes on the way that point outside the workspace: what lies beyond is unknown. */
  external: RemoteTarget[];
  /** Links a deny rule closed for this subject, with the rule that closed each. */
  blocked: { link: LeafLink; rule: Located<string> }[];
}

/** Leaf links and outside remotes by cluster, and reaches already computed: built once per topology. */
interface Adjacency {
  /** Per cluster, each leaf link touching it with the cluster across it and the direction crossed. */
  links: Map<Cluster, { link: LeafLink; next: Cluster; fromLeaf: boolean }[]>;
  externals: Map<Cluster, RemoteTarget[]>;
  reaches: Map<string, Reach>;
}

const adjacencies = new WeakMap<Topology, Adjacency>();
const REACH_CACHE_SIZE = 64;

function adjacencyOf(topology: Topology): Adjacency {
  let adjacency = adjacencies.get(topology);
  if (!adjacency) {
    adjacency = { links: new Map(), externals: new Map(), reaches: new Map() };
    const add = <T>(map: Map<Cluster, T[]>, cluster: Cluster, item: T) => {
      const list = map.get(cluster);
      if (list) list.push(item);
      else map.set(cluster, [item]);
    };
    for (const link of topology.leafLinks) {
      const leafCluster = topology.clusterOf.get(link.leaf)!;
      const hubCluster = topology.clusterOf.get(link.hub)!;
      add(adjacency.links, leafCluster, { link, next: hubCluster, fromLeaf: true });
      if (hubCluster !== leafCluster) add(adjacency.links, hubCluster, { link, next: leafCluster, fromLeaf: false });
    }
    for (const target of topology.remoteTargets) {
      if (target.resolution.kind === 'external') add(adjacency.externals, topology.clusterOf.get(target.server)!, target);
    }
    adjacencies.set(topology, adjacency);
  }
  return adjacency;
}

/**
 * Breadth-first over clusters, crossing leaf connections in either direction (a leaf connection
 * carries messages both ways), unless the remote's deny rules cover the subject in that
 * direction: deny_exports stops leaf → hub, deny_imports stops hub → leaf. Results are shared:
 * treat them as read-only.
 */
export function reachFrom(topology: Topology, start: ServerModel, subject: string): Reach {
  const startCluster = topology.clusterOf.get(start)!;
  const adjacency = adjacencyOf(topology);
  const key = `${startCluster.id}\0${subject}`;
  const known = adjacency.reaches.get(key);
  if (known) return known;
  const seen = new Set<Cluster>([startCluster]);
  const queue: Reached[] = [{ cluster: startCluster, leafHops: 0 }];
  const external: RemoteTarget[] = [];
  const blocked: Reach['blocked'] = [];
  for (let i = 0; i < queue.length; i++) {
    const here = queue[i];
    const externals = adjacency.externals.get(here.cluster);
    if (externals) for (const target of externals) external.push(target);
    for (const { link, next, fromLeaf } of adjacency.links.get(here.cluster) ?? []) {
      if (seen.has(next)) continue;
      const rules = fromLeaf ? link.remote.denyExports : link.remote.denyImports;
      const rule = rules.length === 0 ? undefined : rules.find((r) => subjectsOverlap(r.value, subject));
      if (rule) {
        blocked.push({ link, rule });
        continue;
      }
      seen.add(next);
      queue.push({ cluster: next, leafHops: here.leafHops + 1, via: link, previous: here });
    }
  }
  const reach = { reached: queue, external, blocked };
  // A few recent reaches serve the repeated questions rules ask about one host; keeping every
  // reach of a large workspace would cost memory quadratic in its size.
  if (adjacency.reaches.size >= REACH_CACHE_SIZE) adjacency.reaches.delete(adjacency.reaches.keys().next().value!);
  adjacency.reaches.set(key, reach);
  return reach;
}

export function describeServer(server: ServerModel): string {
  return server.name;
}

export function describeListener(listener: Listener): string {
  return `${listener.kind} listener ${formatEndpoint(listener)}`;
}
