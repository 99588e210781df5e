// A server model from an evaluated config: listeners, cluster, leaf remotes, JetStream.
import { ConfigMap, ConfigValue } from '../syntax/tree';
import { DEFAULT_PORTS, isLoopback, isWildcard, parseAddress } from './endpoints';
import { LeafRemote, Listener, ListenerKind, Located, ServerModel, ServerName, SourceRange } from './model';
import { Origins } from './origins';

export interface ServerContext {
  file: string;
  /** Names given by how the server is run (compose service names), with their scope. */
  names: ServerName[];
  /** Folder scopes where `localhost` means this server. */
  localScopes: string[];
  /** JetStream switched on from the command line (`-js`), whatever the file says. */
  jetstreamFlag?: boolean;
}

function isMap(v: ConfigValue | undefined): v is ConfigMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** nats-server matches option names case-insensitively; the last spelling written wins. */
function entry(map: ConfigMap, names: readonly string[]): [string, ConfigValue] | undefined {
  let found: [string, ConfigValue] | undefined;
  for (const key of Object.keys(map)) if (names.includes(key.toLowerCase())) found = [key, map[key]];
  return found;
}

class Reader {
  constructor(private readonly origins: Origins, private readonly fileStart: SourceRange) {}

  get(map: ConfigMap, names: readonly string[]): { key: string; value: ConfigValue; at: SourceRange; keyAt: SourceRange } | undefined {
    const e = entry(map, names);
    if (!e) return undefined;
    return {
      key: e[0],
      value: e[1],
      at: this.origins.valueAt(map, e[0]) ?? this.fileStart,
      keyAt: this.origins.keyAt(map, e[0]) ?? this.fileStart,
    };
  }

  string(map: ConfigMap, names: readonly string[]): Located<string> | undefined {
    const e = this.get(map, names);
    if (!e || typeof e.value === 'object' || typeof e.value === 'boolean') return undefined;
    return { value: String(e.value), at: e.at };
  }

  /** A string or an array of strings (nats-server accepts both for urls, routes, deny lists). */
  strings(map: ConfigMap, names: readonly string[]): Located<string>[] {
    const e = this.get(map, names);
    if (!e) return [];
    if (Array.isArray(e.value)) {
      return e.value.flatMap((item, i) => (typeof item === 'string' ? [{ value: item, at: this.origins.itemAt(e.value as object, i) ?? e.at }] : []));
    }
    return typeof e.value === 'string' ? [{ value: e.value, at: e.at }] : [];
  }

  maps(map: ConfigMap, names: readonly string[]): { map: ConfigMap; at: SourceRange }[] {
    const e = this.get(map, names);
    if (!e || !Array.isArray(e.value)) return [];
    return e.value.flatMap((item, i) => (isMap(item) ? [{ map: item, at: this.origins.itemAt(e.value as object, i) ?? e.at }] : []));
  }
}

const NAMES = {
  listen: ['listen'],
  port: ['port'],
  host: ['host', 'net'],
  serverName: ['server_name'],
  jetstream: ['jetstream', 'js'],
  domain: ['domain'],
  enabled: ['enabled', 'enable'],
  leafnodes: ['leafnodes', 'leaf'],
  cluster: ['cluster'],
  gateway: ['gateway'],
  websocket: ['websocket', 'ws'],
  remotes: ['remotes'],
  url: ['url'],
  urls: ['urls'],
  account: ['account', 'local'],
  credentials: ['credentials', 'creds'],
  denyImports: ['deny_imports', 'deny_import'],
  denyExports: ['deny_exports', 'deny_export'],
  tls: ['tls'],
  authorization: ['authorization', 'authentication'],
  routes: ['routes'],
  name: ['name'],
  systemAccount: ['system_account', 'system'],
} as const;

function listenerOf(r: Reader, block: ConfigMap, kind: ListenerKind, blockAt: SourceRange, always: boolean): Listener | undefined {
  const listen = r.get(block, NAMES.listen);
  const port = r.get(block, NAMES.port);
  const host = r.string(block, NAMES.host);
  if (!listen && !port && !always) return undefined;
  const defaultPort = kind === 'client' ? DEFAULT_PORTS.client : kind === 'leafnodes' ? DEFAULT_PORTS.leafnodes : kind === 'cluster' ? DEFAULT_PORTS.cluster : DEFAULT_PORTS.gateway;
  let address: { host: string; port: number } = { host: host?.value.toLowerCase() ?? '0.0.0.0', port: defaultPort };
  let at = blockAt;
  if (listen) {
    // A map or list here is a mistake the option rules report; String() of a map would throw.
    const parsed = typeof listen.value === 'string' || typeof listen.value === 'bigint' || typeof listen.value === 'number' ? parseAddress(String(listen.value), defaultPort) : undefined;
    if (parsed) address = { host: parsed.host || address.host, port: parsed.port };
    at = listen.at;
  }
  if (port && typeof port.value === 'bigint') {
    address.port = Number(port.value);
    at = port.at;
  }
  if (address.port < 0) return undefined; // -1: a random port nobody else can name
  return {
    kind,
    host: address.host,
    port: address.port,
    at,
    implicit: !listen && !port,
    tls: isMap(r.get(block, NAMES.tls)?.value),
    authorization: r.get(block, NAMES.authorization) !== undefined,
  };
}

function remoteOf(r: Reader, remote: ConfigMap, at: SourceRange): LeafRemote {
  return {
    urls: [...r.strings(remote, NAMES.url), ...r.strings(remote, NAMES.urls)],
    account: r.string(remote, NAMES.account),
    credentials: r.string(remote, NAMES.credentials),
    denyImports: r.strings(remote, NAMES.denyImports),
    denyExports: r.strings(remote, NAMES.denyExports),
    tls: isMap(r.get(remote, NAMES.tls)?.value),
    at,
  };
}

function jetstreamOf(r: Reader, config: ConfigMap, fileStart: SourceRange, flag: boolean | undefined): ServerModel['jetstream'] {
  const js = r.get(config, NAMES.jetstream);
  if (!js) return { enabled: flag === true, at: fileStart };
  if (typeof js.value === 'boolean') return { enabled: js.value || flag === true, at: js.keyAt };
  if (typeof js.value === 'string') return { enabled: /^enabled?$/i.test(js.value) || flag === true, at: js.keyAt };
  if (!isMap(js.value)) return { enabled: flag === true, at: js.keyAt };
  const enabled = r.get(js.value, NAMES.enabled);
  return {
    enabled: (enabled === undefined || enabled.value === true) || flag === true,
    domain: r.string(js.value, NAMES.domain),
    at: js.keyAt,
  };
}

function baseName(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1);
  return name.replace(/\.conf$/i, '');
}

export function buildServerModel(config: ConfigMap, origins: Origins, ctx: ServerContext): ServerModel {
  // Findings about the server as a whole point at its first key: a real place on a real line.
  const firstKey = Object.keys(config)[0];
  const fileStart = (firstKey !== undefined ? origins.keyAt(config, firstKey) : undefined) ?? { file: ctx.file, start: 0, end: 0 };
  const r = new Reader(origins, fileStart);
  const names: ServerName[] = [...ctx.names];
  const serverName = r.string(config, NAMES.serverName);
  if (serverName) names.push({ name: serverName.value.toLowerCase() });

  const listeners: Listener[] = [];
  const client = listenerOf(r, config, 'client', fileStart, true);
  if (client) listeners.push(client);
  for (const [kind, blockNames] of [['leafnodes', NAMES.leafnodes], ['cluster', NAMES.cluster], ['gateway', NAMES.gateway], ['websocket', NAMES.websocket]] as const) {
    const block = r.get(config, blockNames);
    if (block && isMap(block.value)) {
      const listener = listenerOf(r, block.value, kind, block.keyAt, false);
      if (listener) listeners.push(listener);
    }
  }
  for (const l of listeners) if (!isWildcard(l.host) && !isLoopback(l.host)) names.push({ name: l.host });

  const leafBlock = r.get(config, NAMES.leafnodes);
  const remotes = leafBlock && isMap(leafBlock.value) ? r.maps(leafBlock.value, NAMES.remotes).map((m) => remoteOf(r, m.map, m.at)) : [];
  const clusterBlock = r.get(config, NAMES.cluster);
  const cluster = clusterBlock && isMap(clusterBlock.value)
    ? { name: r.string(clusterBlock.value, NAMES.name), routes: r.strings(clusterBlock.value, NAMES.routes) }
    : undefined;

  return {
    file: ctx.file,
    name: serverName?.value ?? baseName(ctx.file),
    names,
    localScopes: new Set(ctx.localScopes),
    listeners,
    cluster,
    remotes,
    jetstream: jetstreamOf(r, config, fileStart, ctx.jetstreamFlag),
    systemAccount: r.string(config, NAMES.systemAccount)?.value,
    at: fileStart,
  };
}
