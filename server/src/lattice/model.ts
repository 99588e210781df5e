// The lattice as the rules see it: servers, hosts and where each fact was written.
// Builders (servers.ts, hosts.ts) fill these from parsed files; rules only read them.

/** A place in a workspace file: half-open offsets into that file's text. */
export interface SourceRange { file: string; start: number; end: number }

export interface Located<T> { value: T; at: SourceRange }

export interface Endpoint { host: string; port: number }

export type ListenerKind = 'client' | 'leafnodes' | 'cluster' | 'gateway' | 'websocket';

export interface Listener {
  kind: ListenerKind;
  host: string;
  port: number;
  /** Where the port is set; the block (or file start) when the default applies. */
  at: SourceRange;
  /** True when nats-server's default port applies because the config names none. */
  implicit: boolean;
  /** A `tls {}` block is present on this listener. */
  tls: boolean;
  /** The listener has users, a token or nkeys configured. */
  authorization: boolean;
}

export interface LeafRemote {
  urls: Located<string>[];
  account?: Located<string>;
  credentials?: Located<string>;
  denyImports: Located<string>[];
  denyExports: Located<string>[];
  tls: boolean;
  at: SourceRange;
}

export interface JetStreamSettings {
  enabled: boolean;
  domain?: Located<string>;
  /** The `jetstream` key, or the file start when JetStream comes from elsewhere (e.g. `-js`). */
  at: SourceRange;
}

export interface ServerName { name: string; scope?: string }

export interface ServerModel {
  /** The config file that starts this server (includes are part of it). */
  file: string;
  /** server_name, else the file's base name: what people call it. */
  name: string;
  /** Host names this server answers to: server_name and listen hosts everywhere, compose service
   * names only inside their compose project (the `scope`). */
  names: ServerName[];
  /** Folder-level identity for `localhost` links: a host in this scope on loopback means us. */
  localScopes: Set<string>;
  listeners: Listener[];
  cluster?: { name?: Located<string>; routes: Located<string>[] };
  remotes: LeafRemote[];
  jetstream: JetStreamSettings;
  systemAccount?: string;
  /** The start of the file: where findings about the server as a whole are shown. */
  at: SourceRange;
}

export type HostComponent = 'wasmcloud' | 'wadm';

export interface HostModel {
  file: string;
  component: HostComponent;
  /** Service, container or file name: what people call this host. */
  name: string;
  /** Host version from an image tag, when known. */
  version?: string;
  /** The NATS address JetStream requests go to (control connection), with where it was set. */
  address: Located<Endpoint>;
  /** Where the port was set, when apart from the host (findings about the port point here). */
  portAt?: SourceRange;
  addressImplicit: boolean;
  domain?: Located<string>;
  /** False for wasmCloud 2.x, which has no domain setting: its own server must run JetStream. */
  hasDomainSetting: boolean;
  lattice: Located<string>;
  latticeImplicit: boolean;
  /** Where `localhost` points: servers with this scope among their localScopes are local. */
  localScope: string;
  /** Compose project (file) the host runs in: service names of that project resolve. */
  scope?: string;
  /** A server config the user pinned for this host (a `# nats-lattice: server=…` comment). */
  pinnedServer?: Located<string>;
  /** Where a missing variable would be added, written the way this source writes one. */
  addVariable?: { at: SourceRange; format: (name: string, value: string) => string };
  at: SourceRange;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RelatedPlace { at: SourceRange; message: string }

export interface SuggestedEdit { title: string; at: SourceRange; newText: string }

export interface Finding {
  code: string;
  severity: Severity;
  at: SourceRange;
  message: string;
  related: RelatedPlace[];
  fixes: SuggestedEdit[];
}
