// Everything we know about the environment variables that wasmCloud programs read, as one table.
// Rules, hover and completion read this table; no variable name appears in an `if` elsewhere.
//
// Sources checked (git tags of the upstream repositories, read at each release):
// - host-rust:   wasmCloud/wasmCloud `src/main.rs` (clap `env = "..."`), v0.78.0 … v1.9.2
// - host-elixir: wasmCloud/wasmcloud-otp `host_core/lib/host_core/(vhost/)config_plan.ex`, v0.50.0 … v0.63.2
// - wadm:        wasmCloud/wadm `bin/main.rs`, `src/main.rs`, `crates/wadm/src/config.rs`, v0.4.0 … v0.21.1
// - wash:        `wash up` in wasmCloud/wasmCloud `crates/wash(-cli)/src/**/up*.rs`, wash 0.22.0 … 0.44.0
// - host-2:      wasmCloud 2.x `wash host` (`crates/wash/src/cli/host.rs`), v2.0.0 … v2.7.0
// Descriptions are our own words.

/** The program that reads a variable. Versions in a row are versions of that program. */
export type WasmcloudComponent = 'host-rust' | 'host-elixir' | 'wadm' | 'wash' | 'host-2';

/**
 * How a value is parsed. `bool` values are parsed differently per component: see BOOL_SYNTAX.
 * `duration-ms` / `duration-s`: a non-negative decimal integer of milliseconds / seconds.
 * `lattice`: the host puts it in NATS subjects and JetStream bucket names (`LATTICEDATA_<lattice>`),
 * so only `[A-Za-z0-9_-]` is safe. `subject`: a NATS subject to publish to (no wildcards).
 * `host`: an IP address or DNS name (no scheme, no port). `host-port`: `host:port`, optionally with
 * a `nats://` scheme. `socket-address`: `ip:port`.
 */
export type WasmcloudValueType =
  | 'string'
  | 'bool'
  | 'port'
  | 'integer'
  | 'duration-ms'
  | 'duration-s'
  | 'subject'
  | 'lattice'
  | 'js-domain'
  | 'jwt'
  | 'nkey-seed'
  | 'path'
  | 'url'
  | 'host'
  | 'host-port'
  | 'socket-address'
  | 'log-level'
  | 'enum';

/** What a variable is for, so rules can ask "which variable sets the JetStream domain" without naming one. */
export type WasmcloudVarPurpose =
  | 'nats-host'
  | 'nats-port'
  | 'nats-address'
  | 'nats-jwt'
  | 'nats-seed'
  | 'nats-creds'
  | 'nats-tls'
  | 'nats-tls-ca'
  | 'nats-tls-first'
  | 'lattice'
  | 'js-domain'
  | 'server-js-domain'
  | 'topic-prefix'
  | 'host-seed'
  | 'label'
  | 'other';

/** The NATS connections a host opens. JetStream (lattice data, config data) always uses `ctl`. */
export type HostConnection = 'ctl' | 'rpc' | 'prov-rpc' | 'default' | 'wadm' | 'wash-nats';

export interface WasmcloudVariable {
  name: string;
  component: WasmcloudComponent;
  /** First release of the component that reads it. */
  since: string;
  /** Last release that reads it; absent when the newest release checked (NEWEST_CHECKED) still does. */
  until?: string;
  type: WasmcloudValueType;
  /** Comma-separated list of `type` values. */
  list?: boolean;
  /** Allowed values for `enum` and `log-level`. */
  values?: readonly string[];
  /** For `nkey-seed`: the two-letter prefix a valid seed of the expected kind starts with. */
  seedPrefix?: 'SU' | 'SN' | 'SC' | 'SA' | 'SO';
  /** The value used when the variable is unset (as the program would print it); absent means "none". */
  default?: string;
  /** The equivalent command-line flag; command-line values win over the environment. */
  flag?: string;
  /** Other spellings of the flag. */
  flagAliases?: readonly string[];
  summary: string;
  purpose?: WasmcloudVarPurpose;
  connection?: HostConnection;
  /** The name this one replaced (the old name stopped working when this one appeared). */
  renamedFrom?: string;
  /** The name that replaced this one. */
  renamedTo?: string;
  /** Why the variable should not be used any more, when it still works. */
  deprecated?: string;
  /** Not shown in `--help`. */
  hidden?: boolean;
  /** Variables that must be set together with this one (the program refuses to start otherwise). */
  requires?: readonly string[];
  /** Variables that must not be set together with this one. */
  conflictsWith?: readonly string[];
  /** Facts worth telling a user, e.g. an upstream quirk. */
  note?: string;
}

/** A family of variables recognised by prefix (labels), rather than by full name. */
export interface WasmcloudVariablePrefix {
  prefix: string;
  component: WasmcloudComponent;
  since: string;
  until?: string;
  purpose: WasmcloudVarPurpose;
  summary: string;
}

/** The newest release of each component whose variables were checked against its source. */
export const NEWEST_CHECKED: Readonly<Record<WasmcloudComponent, string>> = {
  'host-rust': '1.9.2',
  'host-elixir': '0.63.2',
  wadm: '0.21.1',
  wash: '0.44.0',
  'host-2': '2.7.0',
};

/** The oldest release of each component whose variables were checked. */
export const OLDEST_CHECKED: Readonly<Record<WasmcloudComponent, string>> = {
  'host-rust': '0.78.0',
  'host-elixir': '0.50.0',
  wadm: '0.4.0',
  wash: '0.22.0',
  'host-2': '2.0.0',
};

/**
 * How each component turns a text into a boolean.
 * - clap (Rust host, wadm, wash): exactly `true` or `false`, case-sensitive; anything else (`1`,
 *   `yes`, `True`, empty) stops the program with "invalid value". Checked in clap 4.4/4.5:
 *   `bool` fields use `BoolValueParser`, and environment values go through the same parser.
 * - elixir (host 0.60+ `string_to_bool`): case-insensitive `1`, `true`, `yes`, `y`, `enabled`,
 *   `enable` are true; every other text is silently false.
 * - elixir-integer (host < 0.60 TLS flags and `WASMCLOUD_PROV_RPC_TLS` always): `String.to_integer`,
 *   so `0`/`1`; `true` crashes the host at start.
 * - elixir-raw (host < 0.60 booleans without a converter, and `WASMCLOUD_OCI_ALLOW_LATEST`):
 *   the text is used as is, so only `true` means true.
 */
export const BOOL_SYNTAX = {
  clap: { trueValues: ['true'], falseValues: ['false'], caseSensitive: true, otherValues: 'error' },
  elixir: { trueValues: ['1', 'true', 'yes', 'y', 'enabled', 'enable'], falseValues: [], caseSensitive: false, otherValues: 'false' },
  'elixir-integer': { trueValues: ['1'], falseValues: ['0'], caseSensitive: true, otherValues: 'error' },
  'elixir-raw': { trueValues: ['true'], falseValues: ['false'], caseSensitive: true, otherValues: 'false' },
} as const;
export type BoolSyntax = keyof typeof BOOL_SYNTAX;

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error'] as const;

type Row = Omit<WasmcloudVariable, 'component'>;
const rows = (component: WasmcloudComponent, list: Row[]): WasmcloudVariable[] => list.map((row) => ({ component, ...row }));

// ---------------------------------------------------------------------------------------------
// Rust host 0.78 – 1.9 (`wasmcloud` binary, images ghcr.io/wasmcloud/wasmcloud, wasmcloud/wasmcloud)
// ---------------------------------------------------------------------------------------------
const HOST_RUST: WasmcloudVariable[] = rows('host-rust', [
  // Default NATS connection: every connection falls back to it.
  { name: 'NATS_HOST', since: '0.78.0', until: '0.82.0', type: 'host', default: '127.0.0.1', flag: '--nats-host', purpose: 'nats-host', connection: 'default', renamedTo: 'WASMCLOUD_NATS_HOST', summary: 'NATS server the host connects to when no connection-specific host is set.' },
  { name: 'NATS_PORT', since: '0.78.0', until: '0.82.0', type: 'port', default: '4222', flag: '--nats-port', purpose: 'nats-port', connection: 'default', renamedTo: 'WASMCLOUD_NATS_PORT', summary: 'Port of the default NATS server.' },
  { name: 'NATS_JWT', since: '0.78.0', until: '0.80.0', type: 'jwt', flag: '--nats-jwt', purpose: 'nats-jwt', connection: 'default', requires: ['NATS_SEED'], renamedTo: 'WASMCLOUD_NATS_JWT', summary: 'User JWT for every NATS connection that has no JWT of its own.' },
  { name: 'NATS_SEED', since: '0.78.0', until: '0.80.0', type: 'nkey-seed', seedPrefix: 'SU', flag: '--nats-seed', purpose: 'nats-seed', connection: 'default', requires: ['NATS_JWT'], renamedTo: 'WASMCOULD_NATS_SEED', summary: 'User nkey seed paired with NATS_JWT.' },
  { name: 'WASMCLOUD_NATS_HOST', since: '1.0.0', type: 'host', default: '127.0.0.1', flag: '--nats-host', purpose: 'nats-host', connection: 'default', renamedFrom: 'NATS_HOST', summary: 'NATS server the host connects to when WASMCLOUD_CTL_HOST / WASMCLOUD_RPC_HOST are not set.' },
  { name: 'WASMCLOUD_NATS_PORT', since: '1.0.0', type: 'port', default: '4222', flag: '--nats-port', purpose: 'nats-port', connection: 'default', renamedFrom: 'NATS_PORT', summary: 'Port of the default NATS server.' },
  { name: 'WASMCLOUD_NATS_JWT', since: '0.81.0', type: 'jwt', flag: '--nats-jwt', purpose: 'nats-jwt', connection: 'default', renamedFrom: 'NATS_JWT', requires: ['WASMCLOUD_NATS_SEED'], conflictsWith: ['WASMCLOUD_NATS_CREDS'], summary: 'User JWT used by the control and RPC connections unless they have their own.', note: 'From 0.81.0 to 1.1.1 the host paired it with the misspelled WASMCOULD_NATS_SEED.' },
  { name: 'WASMCOULD_NATS_SEED', since: '0.81.0', until: '1.1.1', type: 'nkey-seed', seedPrefix: 'SU', flag: '--nats-seed', purpose: 'nats-seed', connection: 'default', renamedFrom: 'NATS_SEED', renamedTo: 'WASMCLOUD_NATS_SEED', requires: ['WASMCLOUD_NATS_JWT'], summary: 'User nkey seed paired with WASMCLOUD_NATS_JWT.', note: 'Misspelled upstream ("WASMCOULD"): hosts 0.81.0-1.1.1 read this name and ignore WASMCLOUD_NATS_SEED. Fixed in 1.2.0.' },
  { name: 'WASMCLOUD_NATS_SEED', since: '1.2.0', type: 'nkey-seed', seedPrefix: 'SU', flag: '--nats-seed', purpose: 'nats-seed', connection: 'default', renamedFrom: 'WASMCOULD_NATS_SEED', requires: ['WASMCLOUD_NATS_JWT'], conflictsWith: ['WASMCLOUD_NATS_CREDS'], summary: 'User nkey seed paired with WASMCLOUD_NATS_JWT.' },
  { name: 'WASMCLOUD_NATS_CREDS', since: '1.2.1', type: 'path', flag: '--nats-creds', purpose: 'nats-creds', connection: 'default', conflictsWith: ['WASMCLOUD_NATS_JWT', 'WASMCLOUD_NATS_SEED'], summary: 'A .creds file (JWT and seed) used by every connection that has no credentials of its own.' },
  // Control-interface connection: also carries JetStream (lattice data, config data), policy and secrets.
  { name: 'WASMCLOUD_CTL_HOST', since: '0.78.0', type: 'host', flag: '--ctl-host', hidden: true, purpose: 'nats-host', connection: 'ctl', summary: 'NATS server for control-interface messages and JetStream; falls back to the default NATS host.' },
  { name: 'WASMCLOUD_CTL_PORT', since: '0.78.0', type: 'port', flag: '--ctl-port', hidden: true, purpose: 'nats-port', connection: 'ctl', summary: 'Port for the control connection; falls back to the default NATS port.' },
  { name: 'WASMCLOUD_CTL_JWT', since: '0.78.0', type: 'jwt', flag: '--ctl-jwt', hidden: true, purpose: 'nats-jwt', connection: 'ctl', requires: ['WASMCLOUD_CTL_SEED'], conflictsWith: ['WASMCLOUD_CTL_CREDS'], summary: 'User JWT for the control connection.' },
  { name: 'WASMCLOUD_CTL_SEED', since: '0.78.0', type: 'nkey-seed', seedPrefix: 'SU', flag: '--ctl-seed', hidden: true, purpose: 'nats-seed', connection: 'ctl', requires: ['WASMCLOUD_CTL_JWT'], conflictsWith: ['WASMCLOUD_CTL_CREDS'], summary: 'User nkey seed for the control connection.' },
  { name: 'WASMCLOUD_CTL_CREDS', since: '1.2.1', type: 'path', flag: '--ctl-creds', hidden: true, purpose: 'nats-creds', connection: 'ctl', conflictsWith: ['WASMCLOUD_CTL_JWT', 'WASMCLOUD_CTL_SEED'], summary: 'A .creds file for the control connection.' },
  { name: 'WASMCLOUD_CTL_TLS', since: '0.78.0', type: 'bool', default: 'false', flag: '--ctl-tls', hidden: true, purpose: 'nats-tls', connection: 'ctl', summary: 'Require TLS on the control connection.' },
  { name: 'WASMCLOUD_CTL_TOPIC_PREFIX', since: '0.78.0', type: 'subject', default: 'wasmbus.ctl', flag: '--ctl-topic-prefix', hidden: true, purpose: 'topic-prefix', connection: 'ctl', summary: 'Subject prefix of control-interface messages; wash and wadm must use the same one.' },
  // RPC connection: component and provider invocations.
  { name: 'WASMCLOUD_RPC_HOST', since: '0.78.0', type: 'host', flag: '--rpc-host', hidden: true, purpose: 'nats-host', connection: 'rpc', summary: 'NATS server for RPC (invocation) messages; falls back to the default NATS host.' },
  { name: 'WASMCLOUD_RPC_PORT', since: '0.78.0', type: 'port', flag: '--rpc-port', hidden: true, purpose: 'nats-port', connection: 'rpc', summary: 'Port for the RPC connection; falls back to the default NATS port.' },
  { name: 'WASMCLOUD_RPC_JWT', since: '0.78.0', type: 'jwt', flag: '--rpc-jwt', hidden: true, purpose: 'nats-jwt', connection: 'rpc', requires: ['WASMCLOUD_RPC_SEED'], conflictsWith: ['WASMCLOUD_RPC_CREDS'], summary: 'User JWT for the RPC connection.' },
  { name: 'WASMCLOUD_RPC_SEED', since: '0.78.0', type: 'nkey-seed', seedPrefix: 'SU', flag: '--rpc-seed', hidden: true, purpose: 'nats-seed', connection: 'rpc', requires: ['WASMCLOUD_RPC_JWT'], conflictsWith: ['WASMCLOUD_RPC_CREDS'], summary: 'User nkey seed for the RPC connection.' },
  { name: 'WASMCLOUD_RPC_CREDS', since: '1.2.1', type: 'path', flag: '--rpc-creds', hidden: true, purpose: 'nats-creds', connection: 'rpc', conflictsWith: ['WASMCLOUD_RPC_JWT', 'WASMCLOUD_RPC_SEED'], summary: 'A .creds file for the RPC connection.' },
  { name: 'WASMCLOUD_RPC_TLS', since: '0.78.0', type: 'bool', default: 'false', flag: '--rpc-tls', hidden: true, purpose: 'nats-tls', connection: 'rpc', summary: 'Require TLS on the RPC connection.' },
  { name: 'WASMCLOUD_RPC_TIMEOUT_MS', since: '0.78.0', type: 'duration-ms', default: '2000', flag: '--rpc-timeout-ms', hidden: true, connection: 'rpc', summary: 'Timeout of each RPC request, in milliseconds.' },
  // Provider RPC connection (removed in 0.81).
  { name: 'WASMCLOUD_PROV_RPC_HOST', since: '0.78.0', until: '0.80.0', type: 'host', flag: '--prov-rpc-host', hidden: true, purpose: 'nats-host', connection: 'prov-rpc', summary: 'NATS server that capability providers use for RPC; falls back to the default NATS host.' },
  { name: 'WASMCLOUD_PROV_RPC_PORT', since: '0.78.0', until: '0.80.0', type: 'port', flag: '--prov-rpc-port', hidden: true, purpose: 'nats-port', connection: 'prov-rpc', summary: 'Port for the provider RPC connection.' },
  { name: 'WASMCLOUD_PROV_RPC_JWT', since: '0.78.0', until: '0.80.0', type: 'jwt', flag: '--prov-rpc-jwt', hidden: true, purpose: 'nats-jwt', connection: 'prov-rpc', requires: ['WASMCLOUD_PROV_RPC_SEED'], summary: 'User JWT for the provider RPC connection.' },
  { name: 'WASMCLOUD_PROV_RPC_SEED', since: '0.78.0', until: '0.80.0', type: 'nkey-seed', seedPrefix: 'SU', flag: '--prov-rpc-seed', hidden: true, purpose: 'nats-seed', connection: 'prov-rpc', requires: ['WASMCLOUD_PROV_RPC_JWT'], summary: 'User nkey seed for the provider RPC connection.' },
  { name: 'WASMCLOUD_PROV_RPC_TLS', since: '0.78.0', until: '0.80.0', type: 'bool', default: 'false', flag: '--prov-rpc-tls', hidden: true, purpose: 'nats-tls', connection: 'prov-rpc', summary: 'Require TLS on the provider RPC connection.' },
  // Lattice identity and JetStream.
  { name: 'WASMCLOUD_LATTICE_PREFIX', since: '0.78.0', until: '0.81.0', type: 'lattice', default: 'default', flag: '--lattice-prefix', purpose: 'lattice', renamedTo: 'WASMCLOUD_LATTICE', summary: 'Name of the lattice the host joins.' },
  { name: 'WASMCLOUD_LATTICE', since: '0.82.0', type: 'lattice', default: 'default', flag: '--lattice', flagAliases: ['-x'], purpose: 'lattice', renamedFrom: 'WASMCLOUD_LATTICE_PREFIX', summary: 'Name of the lattice the host joins; part of every lattice subject and of the LATTICEDATA_/CONFIGDATA_ bucket names.' },
  { name: 'WASMCLOUD_JS_DOMAIN', since: '0.78.0', type: 'js-domain', flag: '--js-domain', flagAliases: ['--wasmcloud-js-domain'], purpose: 'js-domain', connection: 'ctl', summary: 'JetStream domain the host uses (over the control connection) for its lattice and config buckets. Must name a domain the NATS server it reaches serves.' },
  { name: 'WASMCLOUD_HOST_SEED', since: '0.78.0', type: 'nkey-seed', seedPrefix: 'SN', flag: '--host-seed', purpose: 'host-seed', summary: 'Seed of the host\'s identity key (a server nkey); a fresh key is generated when unset.' },
  { name: 'WASMCLOUD_CLUSTER_SEED', since: '0.78.0', until: '0.82.0', type: 'nkey-seed', seedPrefix: 'SC', flag: '--cluster-seed', summary: 'Seed of the cluster key used to sign invocations.' },
  { name: 'WASMCLOUD_CLUSTER_ISSUERS', since: '0.78.0', until: '0.82.0', type: 'string', list: true, flag: '--cluster-issuers', summary: 'Cluster public keys whose signed invocations the host accepts.' },
  { name: 'WASMCLOUD_CONFIG_SERVICE', since: '0.78.0', type: 'bool', default: 'false', flag: '--config-service-enabled', summary: 'Ask a configuration service (over the control connection) for settings at start.' },
  { name: 'WASMCLOUD_PROV_SHUTDOWN_DELAY_MS', since: '0.78.0', type: 'duration-ms', default: '300', flag: '--provider-shutdown-delay-ms', flagAliases: ['--provider-shutdown-delay'], summary: 'Milliseconds between asking a provider to stop and killing it.' },
  // OCI.
  { name: 'WASMCLOUD_OCI_ALLOW_LATEST', since: '0.78.0', type: 'bool', default: 'false', flag: '--allow-latest', summary: 'Allow starting artifacts tagged `latest`.' },
  { name: 'WASMCLOUD_OCI_ALLOWED_INSECURE', since: '0.78.0', type: 'string', list: true, flag: '--allowed-insecure', summary: 'OCI registries the host may reach without TLS.' },
  { name: 'OCI_REGISTRY', since: '0.78.0', until: '0.80.0', type: 'string', flag: '--oci-registry', renamedTo: 'WASMCLOUD_OCI_REGISTRY', requires: ['OCI_REGISTRY_USER', 'OCI_REGISTRY_PASSWORD'], summary: 'OCI registry the credentials below apply to.' },
  { name: 'OCI_REGISTRY_USER', since: '0.78.0', until: '0.80.0', type: 'string', flag: '--oci-user', renamedTo: 'WASMCLOUD_OCI_REGISTRY_USER', requires: ['OCI_REGISTRY', 'OCI_REGISTRY_PASSWORD'], summary: 'User name for OCI_REGISTRY.' },
  { name: 'OCI_REGISTRY_PASSWORD', since: '0.78.0', until: '0.80.0', type: 'string', flag: '--oci-password', renamedTo: 'WASMCLOUD_OCI_REGISTRY_PASSWORD', requires: ['OCI_REGISTRY', 'OCI_REGISTRY_USER'], summary: 'Password for OCI_REGISTRY.' },
  { name: 'WASMCLOUD_OCI_REGISTRY', since: '0.81.0', type: 'string', flag: '--oci-registry', renamedFrom: 'OCI_REGISTRY', requires: ['WASMCLOUD_OCI_REGISTRY_USER', 'WASMCLOUD_OCI_REGISTRY_PASSWORD'], summary: 'OCI registry the credentials below apply to.' },
  { name: 'WASMCLOUD_OCI_REGISTRY_USER', since: '0.81.0', type: 'string', flag: '--oci-user', renamedFrom: 'OCI_REGISTRY_USER', requires: ['WASMCLOUD_OCI_REGISTRY', 'WASMCLOUD_OCI_REGISTRY_PASSWORD'], summary: 'User name for WASMCLOUD_OCI_REGISTRY.' },
  { name: 'WASMCLOUD_OCI_REGISTRY_PASSWORD', since: '0.81.0', type: 'string', flag: '--oci-password', renamedFrom: 'OCI_REGISTRY_PASSWORD', requires: ['WASMCLOUD_OCI_REGISTRY', 'WASMCLOUD_OCI_REGISTRY_USER'], summary: 'Password for WASMCLOUD_OCI_REGISTRY.' },
  { name: 'WASMCLOUD_ALLOW_FILE_LOAD', since: '0.78.0', type: 'bool', default: 'false', flag: '--allow-file-load', summary: 'Allow starting components and providers from local files.' },
  // Policy and secrets (subjects on the control connection).
  { name: 'WASMCLOUD_POLICY_TOPIC', since: '0.78.0', type: 'subject', flag: '--policy-topic', summary: 'Subject of the policy service asked before starting or invoking anything.', note: 'Checked as a NATS subject without wildcards from 1.2.0.' },
  { name: 'WASMCLOUD_POLICY_CHANGES_TOPIC', since: '0.78.0', type: 'subject', flag: '--policy-changes-topic', requires: ['WASMCLOUD_POLICY_TOPIC'], summary: 'Subject on which the policy service announces changed decisions.' },
  { name: 'WASMCLOUD_POLICY_TIMEOUT', since: '0.78.0', type: 'duration-ms', default: '1000', flag: '--policy-timeout-ms', requires: ['WASMCLOUD_POLICY_TOPIC'], summary: 'Milliseconds to wait for a policy decision.' },
  { name: 'WASMCLOUD_SECRETS_TOPIC', since: '1.1.0', type: 'subject', flag: '--secrets-topic', summary: 'Subject prefix of the secrets backend.', note: 'Checked as a NATS subject without wildcards from 1.2.0.' },
  // Logging and observability.
  { name: 'WASMCLOUD_LOG_LEVEL', since: '0.78.0', type: 'log-level', values: LOG_LEVELS, default: 'info', flag: '--log-level', flagAliases: ['--structured-log-level'], summary: 'Verbosity of the host\'s logs.' },
  { name: 'WASMCLOUD_TRACE_LEVEL', since: '1.1.0', type: 'log-level', values: LOG_LEVELS, default: 'info', flag: '--trace-level', summary: 'Verbosity of exported traces.' },
  { name: 'WASMCLOUD_STRUCTURED_LOGGING_ENABLED', since: '0.78.0', type: 'bool', default: 'false', flag: '--enable-structured-logging', summary: 'Write logs as JSON.' },
  { name: 'OTEL_TRACES_EXPORTER', since: '0.78.0', until: '0.82.0', type: 'string', flag: '--otel-traces-exporter', summary: 'OpenTelemetry trace exporter (e.g. otlp).' },
  { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', since: '0.78.0', type: 'url', flag: '--override-observability-endpoint', summary: 'OTLP endpoint for traces, metrics and logs.' },
  { name: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', since: '1.3.0', type: 'url', flag: '--override-traces-endpoint', hidden: true, summary: 'OTLP endpoint for traces only.' },
  { name: 'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT', since: '1.3.0', type: 'url', flag: '--override-metrics-endpoint', hidden: true, summary: 'OTLP endpoint for metrics only.' },
  { name: 'OTEL_EXPORTER_OTLP_LOGS_ENDPOINT', since: '1.3.0', type: 'url', flag: '--override-logs-endpoint', hidden: true, summary: 'OTLP endpoint for logs only.' },
  { name: 'WASMCLOUD_OBSERVABILITY_ENABLED', since: '1.0.0', type: 'bool', default: 'false', flag: '--enable-observability', conflictsWith: ['WASMCLOUD_TRACES_ENABLED', 'WASMCLOUD_METRICS_ENABLED', 'WASMCLOUD_LOGS_ENABLED'], summary: 'Export traces, metrics and logs over OTLP.' },
  { name: 'WASMCLOUD_TRACES_ENABLED', since: '1.0.0', type: 'bool', flag: '--enable-traces', hidden: true, summary: 'Export traces.' },
  { name: 'WASMCLOUD_METRICS_ENABLED', since: '1.0.0', type: 'bool', flag: '--enable-metrics', hidden: true, summary: 'Export metrics.' },
  { name: 'WASMCLOUD_LOGS_ENABLED', since: '1.0.0', type: 'bool', flag: '--enable-logs', hidden: true, summary: 'Export logs.' },
  { name: 'WASMCLOUD_OBSERVABILITY_PROTOCOL', since: '1.1.0', type: 'enum', values: ['http', 'grpc'], default: 'http', flag: '--observability-protocol', hidden: true, summary: 'OTLP transport.' },
  { name: 'WASMCLOUD_FLAME_GRAPH', since: '1.1.0', type: 'path', flag: '--flame-graph', summary: 'Write a flame graph of component execution to this path.' },
  // Limits.
  { name: 'WASMCLOUD_MAX_EXECUTION_TIME_MS', since: '1.1.0', type: 'duration-ms', default: '600000', flag: '--max-execution-time-ms', summary: 'Longest a single component invocation may run, in milliseconds.' },
  { name: 'WASMCLOUD_MAX_LINEAR_MEMORY', since: '1.2.0', type: 'integer', default: '268435456', flag: '--max-linear-memory-bytes', summary: 'Largest linear memory of a component instance, in bytes.', note: 'The default was 10 MiB in 1.2.0 and 256 MiB from 1.2.1; from 1.9.0 the value must fit in 32 bits.' },
  { name: 'WASMCLOUD_MAX_COMPONENT_SIZE', since: '1.2.0', type: 'integer', default: '52428800', flag: '--max-component-size-bytes', summary: 'Largest component the host loads, in bytes.' },
  { name: 'WASMCLOUD_MAX_COMPONENTS', since: '1.2.0', type: 'integer', default: '10000', flag: '--max-components', summary: 'Most component instances the host runs at once.' },
  { name: 'WASMCLOUD_MAX_CORE_INSTANCES_PER_COMPONENT', since: '1.8.0', type: 'integer', default: '30', flag: '--max-core-instances-per-component', summary: 'Most core module instances inside one component.' },
  { name: 'WASMCLOUD_HEARTBEAT_INTERVAL', since: '1.1.1', type: 'duration-s', default: '30', flag: '--heartbeat-interval-seconds', hidden: true, summary: 'Seconds between host heartbeats (wadm treats silent hosts as gone).' },
  { name: 'WASMCLOUD_EXPERIMENTAL_FEATURES', since: '1.5.0', type: 'string', list: true, flag: '--feature', hidden: true, summary: 'Experimental host features to switch on.' },
  { name: 'WASMCLOUD_HTTP_ADMIN', since: '1.5.0', type: 'socket-address', flag: '--http-admin', summary: 'Address of the HTTP admin endpoint (health and readiness).' },
  { name: 'WASMCLOUD_COMPONENT_AUCTION_ENABLED', since: '1.5.1', type: 'bool', default: 'true', flag: '--enable-component-auction', summary: 'Answer component auctions (wadm uses them for placement).' },
  { name: 'WASMCLOUD_PROVIDER_AUCTION_ENABLED', since: '1.5.1', type: 'bool', default: 'true', flag: '--enable-provider-auction', summary: 'Answer provider auctions.' },
  { name: 'WASMCLOUD_TLS_CA_PATH', since: '1.6.2', type: 'path', list: true, flag: '--tls-ca-path', summary: 'Extra CA certificates for the OCI and OpenTelemetry clients.' },
]);

// ---------------------------------------------------------------------------------------------
// Elixir/OTP host 0.50 – 0.63 (image wasmcloud/wasmcloud_host). Also reads a `.env` and a
// host_config.json in its working directory; environment variables win over both.
// ---------------------------------------------------------------------------------------------
const HOST_ELIXIR: WasmcloudVariable[] = rows('host-elixir', [
  { name: 'WASMCLOUD_LATTICE_PREFIX', since: '0.50.0', type: 'lattice', default: 'default', purpose: 'lattice', summary: 'Name of the lattice the host joins.' },
  { name: 'WASMCLOUD_HOST_KEY', since: '0.50.0', until: '0.50.1', type: 'string', renamedTo: 'WASMCLOUD_HOST_SEED', summary: 'Host identity key.' },
  { name: 'WASMCLOUD_HOST_SEED', since: '0.50.0', type: 'nkey-seed', seedPrefix: 'SN', purpose: 'host-seed', summary: 'Seed of the host\'s identity key.' },
  { name: 'WASMCLOUD_CTL_HOST', since: '0.50.0', type: 'host', default: '127.0.0.1', purpose: 'nats-host', connection: 'ctl', summary: 'NATS server for control messages and JetStream (no fallback to another variable).' },
  { name: 'WASMCLOUD_CTL_PORT', since: '0.50.0', type: 'port', default: '4222', purpose: 'nats-port', connection: 'ctl', summary: 'Port of the control connection.' },
  { name: 'WASMCLOUD_CTL_JWT', since: '0.50.0', type: 'jwt', purpose: 'nats-jwt', connection: 'ctl', summary: 'User JWT for the control connection.' },
  { name: 'WASMCLOUD_CTL_SEED', since: '0.50.0', type: 'nkey-seed', seedPrefix: 'SU', purpose: 'nats-seed', connection: 'ctl', summary: 'User nkey seed for the control connection.' },
  { name: 'WASMCLOUD_CTL_TLS', since: '0.50.1', type: 'bool', default: 'false', purpose: 'nats-tls', connection: 'ctl', summary: 'Use TLS on the control connection.', note: 'Before 0.60.0 an integer (0 or 1); from 0.60.0 1/true/yes/y/enabled/enable, case-insensitive.' },
  { name: 'WASMCLOUD_CTL_TOPIC_PREFIX', since: '0.57.0', type: 'subject', default: 'wasmbus.ctl', purpose: 'topic-prefix', connection: 'ctl', summary: 'Subject prefix of control-interface messages.' },
  { name: 'WASMCLOUD_RPC_HOST', since: '0.50.0', type: 'host', default: '127.0.0.1', purpose: 'nats-host', connection: 'rpc', summary: 'NATS server for RPC messages.' },
  { name: 'WASMCLOUD_RPC_PORT', since: '0.50.0', type: 'port', default: '4222', purpose: 'nats-port', connection: 'rpc', summary: 'Port of the RPC connection.' },
  { name: 'WASMCLOUD_RPC_JWT', since: '0.50.0', type: 'jwt', purpose: 'nats-jwt', connection: 'rpc', summary: 'User JWT for the RPC connection.' },
  { name: 'WASMCLOUD_RPC_SEED', since: '0.50.0', type: 'nkey-seed', seedPrefix: 'SU', purpose: 'nats-seed', connection: 'rpc', summary: 'User nkey seed for the RPC connection.' },
  { name: 'WASMCLOUD_RPC_TLS', since: '0.50.1', type: 'bool', default: 'false', purpose: 'nats-tls', connection: 'rpc', summary: 'Use TLS on the RPC connection.', note: 'Before 0.60.0 an integer (0 or 1); from 0.60.0 1/true/yes/y/enabled/enable, case-insensitive.' },
  { name: 'WASMCLOUD_RPC_TIMEOUT_MS', since: '0.50.0', type: 'duration-ms', default: '2000', connection: 'rpc', summary: 'Timeout of each RPC request, in milliseconds.' },
  { name: 'WASMCLOUD_PROV_RPC_HOST', since: '0.50.0', type: 'host', default: '127.0.0.1', purpose: 'nats-host', connection: 'prov-rpc', summary: 'NATS server that capability providers use.' },
  { name: 'WASMCLOUD_PROV_RPC_PORT', since: '0.50.0', type: 'port', default: '4222', purpose: 'nats-port', connection: 'prov-rpc', summary: 'Port of the provider RPC connection.' },
  { name: 'WASMCLOUD_PROV_RPC_JWT', since: '0.50.0', type: 'jwt', purpose: 'nats-jwt', connection: 'prov-rpc', summary: 'User JWT for providers.' },
  { name: 'WASMCLOUD_PROV_RPC_SEED', since: '0.50.0', type: 'nkey-seed', seedPrefix: 'SU', purpose: 'nats-seed', connection: 'prov-rpc', summary: 'User nkey seed for providers.' },
  { name: 'WASMCLOUD_PROV_RPC_TLS', since: '0.50.1', type: 'integer', default: '0', purpose: 'nats-tls', connection: 'prov-rpc', summary: 'Use TLS for providers: 1 or 0 (an integer, not true/false).' },
  { name: 'WASMCLOUD_CLUSTER_SEED', since: '0.50.0', type: 'nkey-seed', seedPrefix: 'SC', summary: 'Seed of the cluster key used to sign invocations.' },
  { name: 'WASMCLOUD_CLUSTER_ISSUERS', since: '0.50.0', type: 'string', list: true, summary: 'Cluster public keys whose invocations the host accepts.' },
  { name: 'WASMCLOUD_PROV_SHUTDOWN_DELAY_MS', since: '0.50.0', type: 'duration-ms', default: '400', summary: 'Milliseconds between asking a provider to stop and killing it.' },
  { name: 'WASMCLOUD_OCI_ALLOW_LATEST', since: '0.50.0', type: 'bool', default: 'false', summary: 'Allow starting artifacts tagged `latest` (only the exact text `true` enables it).' },
  { name: 'WASMCLOUD_OCI_ALLOWED_INSECURE', since: '0.50.0', type: 'string', list: true, summary: 'OCI registries the host may reach without TLS.' },
  { name: 'WASMCLOUD_JS_DOMAIN', since: '0.50.2', type: 'js-domain', purpose: 'js-domain', connection: 'ctl', summary: 'JetStream domain of the lattice cache (over the control connection).' },
  { name: 'WASMCLOUD_CONFIG_SERVICE', since: '0.52.4', type: 'bool', default: 'false', summary: 'Ask a configuration service for settings at start.' },
  { name: 'WASMCLOUD_STRUCTURED_LOGGING_ENABLED', since: '0.54.0', type: 'bool', default: 'false', summary: 'Write logs as JSON.' },
  { name: 'WASMCLOUD_STRUCTURED_LOG_LEVEL', since: '0.54.0', type: 'log-level', values: LOG_LEVELS, renamedTo: 'WASMCLOUD_LOG_LEVEL', deprecated: 'Replaced by WASMCLOUD_LOG_LEVEL in 0.63.0.', summary: 'Log verbosity.' },
  { name: 'WASMCLOUD_LOG_LEVEL', since: '0.63.0', type: 'log-level', values: LOG_LEVELS, renamedFrom: 'WASMCLOUD_STRUCTURED_LOG_LEVEL', summary: 'Log verbosity.' },
  { name: 'WASMCLOUD_ENABLE_IPV6', since: '0.55.0', type: 'bool', default: 'false', summary: 'Use IPv6 for NATS connections.' },
  { name: 'WASMCLOUD_POLICY_TOPIC', since: '0.56.0', type: 'subject', summary: 'Subject of the policy service.' },
  { name: 'WASMCLOUD_POLICY_CHANGES_TOPIC', since: '0.56.0', type: 'subject', summary: 'Subject on which policy changes are announced.' },
  { name: 'WASMCLOUD_POLICY_TIMEOUT', since: '0.56.0', type: 'duration-ms', default: '1000', summary: 'Milliseconds to wait for a policy decision.' },
  { name: 'WASMCLOUD_ALLOW_FILE_LOAD', since: '0.61.0', type: 'bool', default: 'false', summary: 'Allow starting actors from local files.' },
  { name: 'HOST_CONFIG', since: '0.60.0', type: 'path', summary: 'Path of a JSON file with host settings.' },
]);

// ---------------------------------------------------------------------------------------------
// wadm 0.4 – 0.21 (image ghcr.io/wasmcloud/wadm). One NATS connection; wadm serves many lattices.
// ---------------------------------------------------------------------------------------------
const WADM: WasmcloudVariable[] = rows('wadm', [
  { name: 'WADM_NATS_SERVER', since: '0.4.0', type: 'host-port', default: '127.0.0.1:4222', flag: '--nats-server', flagAliases: ['-s'], purpose: 'nats-address', connection: 'wadm', summary: 'NATS server wadm connects to, as host:port.' },
  { name: 'WADM_JETSTREAM_DOMAIN', since: '0.4.0', type: 'js-domain', flag: '-d', purpose: 'js-domain', connection: 'wadm', summary: 'JetStream domain for wadm\'s streams and buckets. wadm must share the hosts\' JetStream domain to see their events.' },
  { name: 'WADM_NATS_JWT', since: '0.4.0', type: 'jwt', flag: '--nats-jwt', purpose: 'nats-jwt', connection: 'wadm', requires: ['WADM_NATS_NKEY'], conflictsWith: ['WADM_NATS_CREDS_FILE'], summary: 'User JWT (or a file holding it).' },
  { name: 'WADM_NATS_NKEY', since: '0.4.0', type: 'nkey-seed', seedPrefix: 'SU', flag: '--nats-seed', purpose: 'nats-seed', connection: 'wadm', requires: ['WADM_NATS_JWT'], conflictsWith: ['WADM_NATS_CREDS_FILE'], summary: 'User nkey seed (or a file holding it).' },
  { name: 'WADM_NATS_CREDS_FILE', since: '0.4.0', type: 'path', flag: '--nats-creds-file', purpose: 'nats-creds', connection: 'wadm', conflictsWith: ['WADM_NATS_JWT', 'WADM_NATS_NKEY'], summary: 'A .creds file.' },
  { name: 'WADM_NATS_TLS_CA_FILE', since: '0.11.0', type: 'path', flag: '--nats-tls-ca-file', purpose: 'nats-tls-ca', connection: 'wadm', summary: 'CA certificate for a TLS NATS connection.' },
  { name: 'WADM_HOST_ID', since: '0.4.0', type: 'string', flag: '--host-id', summary: 'Name of this wadm instance (defaults to the machine name).' },
  { name: 'WADM_STRUCTURED_LOGGING', since: '0.4.0', type: 'bool', default: 'false', flag: '--structured-logging', summary: 'Write logs as JSON.' },
  { name: 'WADM_TRACING_ENABLED', since: '0.4.0', type: 'bool', default: 'false', flag: '--tracing', summary: 'Export traces.' },
  { name: 'WADM_TRACING_ENDPOINT', since: '0.4.0', type: 'url', flag: '--tracing-endpoint', summary: 'OTLP endpoint for traces.' },
  { name: 'WADM_MAX_JOBS', since: '0.4.0', type: 'integer', flag: '--max-jobs', summary: 'Most events and commands handled at once.' },
  { name: 'WADM_STATE_BUCKET_NAME', since: '0.4.0', type: 'string', default: 'wadm_state', flag: '--state-bucket-name', summary: 'KV bucket for lattice state.' },
  { name: 'WADM_MANIFEST_BUCKET_NAME', since: '0.4.0', type: 'string', default: 'wadm_manifests', flag: '--manifest-bucket-name', summary: 'KV bucket for application manifests.' },
  { name: 'WADM_CLEANUP_INTERVAL', since: '0.4.0', type: 'duration-s', default: '70', flag: '--cleanup-interval', summary: 'Seconds between removals of hosts that stopped sending heartbeats (120 before 0.14.0).' },
  { name: 'WADM_API_PREFIX', since: '0.4.0', type: 'subject', default: 'wadm.api', flag: '--api-prefix', summary: 'Subject prefix of wadm\'s API.' },
  { name: 'WADM_STREAM_PREFIX', since: '0.8.0', type: 'string', flag: '--stream-prefix', summary: 'Prefix of wadm\'s stream names.' },
  { name: 'WADM_MULTITENANT', since: '0.4.0', type: 'bool', default: 'false', flag: '--multitenant', hidden: true, summary: 'Serve lattices of many NATS accounts.' },
  { name: 'WADM_STATE_BUCKET_MAX_BYTES', since: '0.15.0', type: 'integer', default: '-1', flag: '--state-bucket-max-bytes', hidden: true, summary: 'Size limit of the state bucket (-1: none).' },
  { name: 'WADM_MANIFEST_BUCKET_MAX_BYTES', since: '0.15.0', type: 'integer', default: '-1', flag: '--manifest-bucket-max-bytes', hidden: true, summary: 'Size limit of the manifest bucket (-1: none).' },
  { name: 'WADM_COMMAND_STREAM_MAX_BYTES', since: '0.15.0', type: 'integer', default: '-1', flag: '--command-stream-max-bytes', hidden: true, summary: 'Size limit of the command stream (-1: none).' },
  { name: 'WADM_EVENT_STREAM_MAX_BYTES', since: '0.15.0', type: 'integer', default: '-1', flag: '--event-stream-max-bytes', hidden: true, summary: 'Size limit of the event stream (-1: none).' },
  { name: 'WADM_EVENT_CONSUMER_STREAM_MAX_BYTES', since: '0.15.0', type: 'integer', default: '-1', flag: '--event-consumer-stream-max-bytes', hidden: true, summary: 'Size limit of the event consumer stream (-1: none).' },
  { name: 'WADM_STATUS_STREAM_MAX_BYTES', since: '0.15.0', type: 'integer', default: '-1', flag: '--status-stream-max-bytes', hidden: true, summary: 'Size limit of the status stream (-1: none).' },
  { name: 'WADM_NOTIFY_STREAM_MAX_BYTES', since: '0.15.0', type: 'integer', default: '-1', flag: '--notify-stream-max-bytes', hidden: true, summary: 'Size limit of the notify stream (-1: none).' },
  { name: 'WADM_WASMBUS_EVENT_STREAM_MAX_BYTES', since: '0.15.0', type: 'integer', default: '-1', flag: '--wasmbus-event-stream-max-bytes', hidden: true, summary: 'Size limit of the wasmbus event stream (-1: none).' },
  { name: 'WADM_STREAM_PERSISTENCE', since: '0.19.0', type: 'enum', values: ['file', 'memory'], default: 'file', flag: '--stream-persistence', summary: 'Storage of wadm\'s streams.' },
  { name: 'WADM_HTTP_ADMIN', since: '0.20.0', type: 'socket-address', flag: '--http-admin', summary: 'Address of the HTTP admin endpoint.' },
]);

// ---------------------------------------------------------------------------------------------
// `wash up` (wash 0.22 – 0.44): starts nats-server, a host and wadm. It reads the host's WASMCLOUD_*
// names itself and passes them on, plus these names of its own.
// ---------------------------------------------------------------------------------------------
const WASH: WasmcloudVariable[] = rows('wash', [
  { name: 'NATS_JS_DOMAIN', since: '0.22.0', type: 'js-domain', flag: '--nats-js-domain', purpose: 'server-js-domain', connection: 'wash-nats', summary: 'JetStream domain of the nats-server that `wash up` starts (the server side, not the host\'s WASMCLOUD_JS_DOMAIN).' },
  { name: 'WASMCLOUD_JS_DOMAIN', since: '0.22.0', type: 'js-domain', flag: '--wasmcloud-js-domain', purpose: 'js-domain', summary: 'JetStream domain passed to the host that `wash up` starts.' },
  { name: 'WADM_JS_DOMAIN', since: '0.23.0', type: 'js-domain', flag: '--wadm-js-domain', purpose: 'js-domain', summary: 'JetStream domain passed to the wadm that `wash up` starts (wadm itself reads WADM_JETSTREAM_DOMAIN).' },
  { name: 'NATS_HOST', since: '0.22.0', until: '0.24.1', type: 'host', default: '127.0.0.1', flag: '--nats-host', purpose: 'nats-host', connection: 'wash-nats', renamedTo: 'WASMCLOUD_NATS_HOST', summary: 'Address nats-server listens on / the host connects to.' },
  { name: 'NATS_PORT', since: '0.22.0', until: '0.24.1', type: 'port', default: '4222', flag: '--nats-port', purpose: 'nats-port', connection: 'wash-nats', renamedTo: 'WASMCLOUD_NATS_PORT', summary: 'Port nats-server listens on / the host connects to.' },
  { name: 'WASMCLOUD_NATS_HOST', since: '0.25.0', type: 'host', default: '127.0.0.1', flag: '--nats-host', purpose: 'nats-host', connection: 'wash-nats', renamedFrom: 'NATS_HOST', summary: 'Address nats-server listens on / the host connects to.' },
  { name: 'WASMCLOUD_NATS_PORT', since: '0.25.0', type: 'port', default: '4222', flag: '--nats-port', purpose: 'nats-port', connection: 'wash-nats', renamedFrom: 'NATS_PORT', summary: 'Port nats-server listens on / the host connects to.' },
  { name: 'NATS_CREDSFILE', since: '0.22.0', type: 'path', flag: '--nats-credsfile', purpose: 'nats-creds', summary: 'Credentials of the leaf node connection to NATS_REMOTE_URL.' },
  { name: 'NATS_REMOTE_URL', since: '0.22.0', type: 'url', flag: '--nats-remote-url', summary: 'Make the started nats-server a leaf node of this remote.' },
  { name: 'NATS_CONNECT_ONLY', since: '0.22.0', type: 'bool', default: 'false', flag: '--nats-connect-only', summary: 'Connect to an existing NATS server instead of starting one.' },
  { name: 'NATS_CONFIG', since: '0.30.0', type: 'path', flag: '--nats-config-file', summary: 'Configuration file for the nats-server that `wash up` starts.' },
  { name: 'NATS_VERSION', since: '0.22.0', type: 'string', flag: '--nats-version', summary: 'nats-server version to download.' },
  { name: 'NATS_WEBSOCKET_PORT', since: '0.22.0', type: 'port', default: '4001', flag: '--nats-websocket-port', summary: 'Websocket port of the started nats-server.' },
  { name: 'WASMCLOUD_VERSION', since: '0.22.0', type: 'string', flag: '--wasmcloud-version', summary: 'Host version to download.' },
  { name: 'WADM_VERSION', since: '0.22.0', type: 'string', flag: '--wadm-version', summary: 'wadm version to download.' },
  { name: 'WADM_MANIFEST', since: '0.29.0', type: 'path', flag: '--wadm-manifest', summary: 'Application manifest to deploy after start.' },
  { name: 'WASMCLOUD_CTL_CREDSFILE', since: '0.22.0', type: 'path', flag: '--ctl-credsfile', purpose: 'nats-creds', connection: 'ctl', summary: 'Credentials for the control connection (the host itself reads WASMCLOUD_CTL_CREDS).' },
  { name: 'WASMCLOUD_RPC_CREDSFILE', since: '0.22.0', type: 'path', flag: '--rpc-credsfile', purpose: 'nats-creds', connection: 'rpc', summary: 'Credentials for the RPC connection (the host itself reads WASMCLOUD_RPC_CREDS).' },
  { name: 'WASMCLOUD_CTL_TLS_CA_FILE', since: '0.29.0', type: 'path', flag: '--ctl-tls-ca-file', purpose: 'nats-tls-ca', connection: 'ctl', summary: 'CA certificate for the control connection.' },
  { name: 'WASMCLOUD_RPC_TLS_CA_FILE', since: '0.29.0', type: 'path', flag: '--rpc-tls-ca-file', purpose: 'nats-tls-ca', connection: 'rpc', summary: 'CA certificate for the RPC connection.' },
  { name: 'WASMCLOUD_CTL_TLS_FIRST', since: '0.37.0', type: 'bool', default: 'false', flag: '--ctl-tls-first', purpose: 'nats-tls-first', connection: 'ctl', summary: 'TLS handshake before the NATS INFO on the control connection.' },
  { name: 'WASMCLOUD_RPC_TLS_FIRST', since: '0.37.0', type: 'bool', default: 'false', flag: '--rpc-tls-first', purpose: 'nats-tls-first', connection: 'rpc', summary: 'TLS handshake before the NATS INFO on the RPC connection.' },
  { name: 'WASMCLOUD_ENABLE_IPV6', since: '0.22.0', type: 'bool', default: 'false', flag: '--enable-ipv6', summary: 'Use IPv6.' },
  { name: 'WASMCLOUD_HOST_LOG_PATH', since: '0.33.0', type: 'path', flag: '--host-log-path', summary: 'Where the started host writes its log.' },
  { name: 'WASMCLOUD_HOST_PATH', since: '0.34.1', type: 'path', flag: '--host-path', summary: 'Run this host binary instead of downloading one.' },
  { name: 'WASMCLOUD_LATTICE_PREFIX', since: '0.22.0', until: '0.25.0', type: 'lattice', default: 'default', flag: '--lattice-prefix', purpose: 'lattice', renamedTo: 'WASMCLOUD_LATTICE', summary: 'Lattice of the started host.' },
  { name: 'WASMCLOUD_LATTICE', since: '0.26.0', type: 'lattice', default: 'default', flag: '--lattice', purpose: 'lattice', renamedFrom: 'WASMCLOUD_LATTICE_PREFIX', summary: 'Lattice of the started host.' },
]);

// ---------------------------------------------------------------------------------------------
// wasmCloud 2.x host (`wash host`, image ghcr.io/wasmcloud/wash). NATS URLs are flags only
// (--scheduler-nats-url, --data-nats-url, default nats://localhost:4222) and there is no
// JetStream-domain setting at all: JetStream contexts are opened without a domain.
// ---------------------------------------------------------------------------------------------
const HOST_2: WasmcloudVariable[] = rows('host-2', [
  { name: 'WASMCLOUD_HOST_ENVIRONMENT', since: '2.1.0', type: 'string', flag: '--environment', summary: 'Environment the host advertises in its heartbeat (on Kubernetes usually the namespace).' },
  { name: 'WASH_POSTGRES_URL', since: '2.0.0', type: 'url', flag: '--postgres-url', summary: 'Postgres URL for the built-in Postgres plugin.' },
  { name: 'WASH_WASM_PROPOSALS', since: '2.5.0', type: 'string', list: true, flag: '--wasm-proposals', summary: 'WebAssembly proposals to enable.' },
  { name: 'WASH_OCI_CA_PATHS', since: '2.7.0', type: 'path', list: true, flag: '--oci-ca-path', summary: 'Extra CA certificates for OCI registries.' },
]);

/** Every known variable, one row per (component, name). */
export const WASMCLOUD_VARIABLES: readonly WasmcloudVariable[] = [...HOST_RUST, ...HOST_ELIXIR, ...WADM, ...WASH, ...HOST_2];

/** Variables recognised by prefix. */
export const WASMCLOUD_VARIABLE_PREFIXES: readonly WasmcloudVariablePrefix[] = [
  { prefix: 'HOST_', component: 'host-rust', since: '0.78.0', until: '0.81.0', purpose: 'label', summary: 'HOST_<key>=<value> adds the label <key> to the host.' },
  { prefix: 'WASMCLOUD_LABEL_', component: 'host-rust', since: '0.82.0', purpose: 'label', summary: 'WASMCLOUD_LABEL_<key>=<value> adds the label <key> to the host (a --label flag with the same key wins).' },
];

/**
 * The NATS connections of each host generation and the variables that decide them, in priority order
 * (the first one set wins; then the default). Verified in the Rust host's main.rs (0.78.0 … 1.9.2:
 * `ctl_host.unwrap_or_else(|| nats_host)`, `ctl_port.unwrap_or(nats_port)`, same for rpc and, until
 * 0.80, prov-rpc) and in the Elixir host's config plan (no fallback: each connection has its own
 * defaults). JetStream goes over `ctl` in both (Rust: `jetstream::with_domain(ctl_nats, js_domain)`;
 * Elixir: `HostCore.Nats.control_connection`). Names not active in a given version are skipped by
 * `connectionChain`.
 */
export interface ConnectionRule {
  component: WasmcloudComponent;
  connection: HostConnection;
  host: readonly string[];
  port: readonly string[];
  jwt: readonly string[];
  seed: readonly string[];
  creds: readonly string[];
  tls: readonly string[];
  defaultHost: string;
  defaultPort: number;
  /** What travels over this connection. */
  carries: readonly ('control' | 'jetstream' | 'rpc' | 'policy' | 'secrets' | 'config-service' | 'provider-rpc' | 'wadm-api' | 'wadm-events')[];
}

export const CONNECTION_RULES: readonly ConnectionRule[] = [
  {
    component: 'host-rust', connection: 'ctl',
    host: ['WASMCLOUD_CTL_HOST', 'WASMCLOUD_NATS_HOST', 'NATS_HOST'],
    port: ['WASMCLOUD_CTL_PORT', 'WASMCLOUD_NATS_PORT', 'NATS_PORT'],
    jwt: ['WASMCLOUD_CTL_JWT', 'WASMCLOUD_NATS_JWT', 'NATS_JWT'],
    seed: ['WASMCLOUD_CTL_SEED', 'WASMCLOUD_NATS_SEED', 'WASMCOULD_NATS_SEED', 'NATS_SEED'],
    creds: ['WASMCLOUD_CTL_CREDS', 'WASMCLOUD_NATS_CREDS'],
    tls: ['WASMCLOUD_CTL_TLS'],
    defaultHost: '127.0.0.1', defaultPort: 4222,
    carries: ['control', 'jetstream', 'policy', 'secrets', 'config-service'],
  },
  {
    component: 'host-rust', connection: 'rpc',
    host: ['WASMCLOUD_RPC_HOST', 'WASMCLOUD_NATS_HOST', 'NATS_HOST'],
    port: ['WASMCLOUD_RPC_PORT', 'WASMCLOUD_NATS_PORT', 'NATS_PORT'],
    jwt: ['WASMCLOUD_RPC_JWT', 'WASMCLOUD_NATS_JWT', 'NATS_JWT'],
    seed: ['WASMCLOUD_RPC_SEED', 'WASMCLOUD_NATS_SEED', 'WASMCOULD_NATS_SEED', 'NATS_SEED'],
    creds: ['WASMCLOUD_RPC_CREDS', 'WASMCLOUD_NATS_CREDS'],
    tls: ['WASMCLOUD_RPC_TLS'],
    defaultHost: '127.0.0.1', defaultPort: 4222,
    carries: ['rpc'],
  },
  {
    component: 'host-rust', connection: 'prov-rpc',
    host: ['WASMCLOUD_PROV_RPC_HOST', 'NATS_HOST'],
    port: ['WASMCLOUD_PROV_RPC_PORT', 'NATS_PORT'],
    jwt: ['WASMCLOUD_PROV_RPC_JWT', 'NATS_JWT'],
    seed: ['WASMCLOUD_PROV_RPC_SEED', 'NATS_SEED'],
    creds: [],
    tls: ['WASMCLOUD_PROV_RPC_TLS'],
    defaultHost: '127.0.0.1', defaultPort: 4222,
    carries: ['provider-rpc'],
  },
  {
    component: 'host-elixir', connection: 'ctl',
    host: ['WASMCLOUD_CTL_HOST'], port: ['WASMCLOUD_CTL_PORT'], jwt: ['WASMCLOUD_CTL_JWT'], seed: ['WASMCLOUD_CTL_SEED'], creds: [], tls: ['WASMCLOUD_CTL_TLS'],
    defaultHost: '127.0.0.1', defaultPort: 4222,
    carries: ['control', 'jetstream', 'policy', 'config-service'],
  },
  {
    component: 'host-elixir', connection: 'rpc',
    host: ['WASMCLOUD_RPC_HOST'], port: ['WASMCLOUD_RPC_PORT'], jwt: ['WASMCLOUD_RPC_JWT'], seed: ['WASMCLOUD_RPC_SEED'], creds: [], tls: ['WASMCLOUD_RPC_TLS'],
    defaultHost: '127.0.0.1', defaultPort: 4222,
    carries: ['rpc'],
  },
  {
    component: 'host-elixir', connection: 'prov-rpc',
    host: ['WASMCLOUD_PROV_RPC_HOST'], port: ['WASMCLOUD_PROV_RPC_PORT'], jwt: ['WASMCLOUD_PROV_RPC_JWT'], seed: ['WASMCLOUD_PROV_RPC_SEED'], creds: [], tls: ['WASMCLOUD_PROV_RPC_TLS'],
    defaultHost: '127.0.0.1', defaultPort: 4222,
    carries: ['provider-rpc'],
  },
  {
    component: 'wadm', connection: 'wadm',
    // WADM_NATS_SERVER holds host:port together; `host` and `port` list it in both places.
    host: ['WADM_NATS_SERVER'], port: ['WADM_NATS_SERVER'], jwt: ['WADM_NATS_JWT'], seed: ['WADM_NATS_NKEY'], creds: ['WADM_NATS_CREDS_FILE'], tls: [],
    defaultHost: '127.0.0.1', defaultPort: 4222,
    carries: ['jetstream', 'wadm-api', 'wadm-events'],
  },
];

/**
 * Names people write by mistake, with the name they meant. Edit-distance suggestions
 * (`closestVariableNames`) catch the rest; these are the ones too far for that or too common to leave to it.
 */
export const KNOWN_MISTAKES: readonly { name: string; meant: string; why: string }[] = [
  { name: 'WASMCLOUD_JETSTREAM_DOMAIN', meant: 'WASMCLOUD_JS_DOMAIN', why: 'The host reads WASMCLOUD_JS_DOMAIN; WADM_JETSTREAM_DOMAIN is wadm\'s spelling.' },
  { name: 'WASMCLOUD_NATS_JS_DOMAIN', meant: 'WASMCLOUD_JS_DOMAIN', why: 'The host reads WASMCLOUD_JS_DOMAIN.' },
  { name: 'WADM_JS_DOMAIN', meant: 'WADM_JETSTREAM_DOMAIN', why: 'wadm reads WADM_JETSTREAM_DOMAIN; WADM_JS_DOMAIN is only read by `wash up`.' },
  { name: 'WADM_DOMAIN', meant: 'WADM_JETSTREAM_DOMAIN', why: 'wadm reads WADM_JETSTREAM_DOMAIN.' },
  { name: 'WADM_NATS_URL', meant: 'WADM_NATS_SERVER', why: 'wadm reads WADM_NATS_SERVER (host:port).' },
  { name: 'WADM_NATS_SEED', meant: 'WADM_NATS_NKEY', why: 'wadm reads the seed from WADM_NATS_NKEY.' },
  { name: 'WADM_NATS_CREDS', meant: 'WADM_NATS_CREDS_FILE', why: 'wadm reads WADM_NATS_CREDS_FILE.' },
  { name: 'WASMCLOUD_NATS_URL', meant: 'WASMCLOUD_NATS_HOST', why: 'The host takes a host name and a port separately: WASMCLOUD_NATS_HOST and WASMCLOUD_NATS_PORT.' },
  { name: 'WASMCLOUD_NATS_SERVER', meant: 'WASMCLOUD_NATS_HOST', why: 'The host takes WASMCLOUD_NATS_HOST and WASMCLOUD_NATS_PORT.' },
  { name: 'WASMCLOUD_CTL_URL', meant: 'WASMCLOUD_CTL_HOST', why: 'The control connection takes WASMCLOUD_CTL_HOST and WASMCLOUD_CTL_PORT.' },
  { name: 'WASMCLOUD_RPC_URL', meant: 'WASMCLOUD_RPC_HOST', why: 'The RPC connection takes WASMCLOUD_RPC_HOST and WASMCLOUD_RPC_PORT.' },
  { name: 'WASMCLOUD_NATS_CREDSFILE', meant: 'WASMCLOUD_NATS_CREDS', why: 'The host reads WASMCLOUD_NATS_CREDS (1.2.1+).' },
  { name: 'WASMCLOUD_CTL_CREDSFILE', meant: 'WASMCLOUD_CTL_CREDS', why: 'Only `wash up` reads WASMCLOUD_CTL_CREDSFILE; the host reads WASMCLOUD_CTL_CREDS (1.2.1+).' },
  { name: 'WASMCLOUD_RPC_CREDSFILE', meant: 'WASMCLOUD_RPC_CREDS', why: 'Only `wash up` reads WASMCLOUD_RPC_CREDSFILE; the host reads WASMCLOUD_RPC_CREDS (1.2.1+).' },
  { name: 'WASMCLOUD_NATS_NKEY', meant: 'WASMCLOUD_NATS_SEED', why: 'The host reads the seed from WASMCLOUD_NATS_SEED.' },
  { name: 'WASMCLOUD_LATTICE_NAME', meant: 'WASMCLOUD_LATTICE', why: 'The host reads WASMCLOUD_LATTICE.' },
];

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

/** Compares dotted versions numerically ("1.10.0" > "1.9.2"); pre-release suffixes are ignored. */
export function compareVersions(a: string, b: string): number {
  const pa = versionParts(a);
  const pb = versionParts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

// Host env checks compare the same handful of versions for every variable row: parse each once.
const parsedVersions = new Map<string, readonly number[]>();

function versionParts(version: string): readonly number[] {
  let parsed = parsedVersions.get(version);
  if (parsed === undefined) {
    const core = version.replace(/^v/i, '').split(/[-+]/)[0];
    parsed = core.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : 0));
    if (parsedVersions.size < 10_000) parsedVersions.set(version, parsed);
  }
  return parsed;
}

/**
 * Whether a row applies to a version. A partial version ("1.9", "1") stands for its whole line:
 * `until: "1.1.1"` covers "1.1" and "1".
 */
export function isActiveIn(variable: { since: string; until?: string }, version: string | undefined): boolean {
  if (version === undefined) return variable.until === undefined;
  const parts = versionParts(version).length;
  const cut = (v: string) => versionParts(v).slice(0, parts).join('.');
  if (compareVersions(version, cut(variable.since)) < 0) return false;
  if (variable.until !== undefined && compareVersions(version, cut(variable.until)) > 0) return false;
  return true;
}

/** The row for a name and component, regardless of version. */
export function findVariable(name: string, component?: WasmcloudComponent): WasmcloudVariable | undefined {
  return WASMCLOUD_VARIABLES.find((v) => v.name === name && (component === undefined || v.component === component));
}

/** Every row with this name (a name can be read by several components). */
export function findVariables(name: string): WasmcloudVariable[] {
  return WASMCLOUD_VARIABLES.filter((v) => v.name === name);
}

/** The rows a component reads at a version (undefined version: the newest checked). */
export function variablesOf(component: WasmcloudComponent, version?: string): WasmcloudVariable[] {
  const at = version ?? NEWEST_CHECKED[component];
  return WASMCLOUD_VARIABLES.filter((v) => v.component === component && isActiveIn(v, at));
}

/** The prefix family a name belongs to (labels), if any. */
export function findVariablePrefix(name: string, component?: WasmcloudComponent, version?: string): WasmcloudVariablePrefix | undefined {
  return WASMCLOUD_VARIABLE_PREFIXES.find(
    (p) => name.startsWith(p.prefix) && name.length > p.prefix.length && (component === undefined || p.component === component) && (version === undefined || isActiveIn(p, version)),
  );
}

/** The rows of a component with a purpose, active at a version (undefined: any version). */
export function variablesFor(purpose: WasmcloudVarPurpose, component: WasmcloudComponent, version?: string): WasmcloudVariable[] {
  return WASMCLOUD_VARIABLES.filter((v) => v.component === component && v.purpose === purpose && (version === undefined || isActiveIn(v, version)));
}

/**
 * Where a version of a component finds a connection's settings: the rule's candidate lists with the
 * names that version does not read removed.
 */
export function connectionChain(component: WasmcloudComponent, connection: HostConnection, version?: string): ConnectionRule | undefined {
  const rule = CONNECTION_RULES.find((r) => r.component === component && r.connection === connection);
  if (!rule) return undefined;
  const at = version ?? NEWEST_CHECKED[component];
  const active = (name: string) => {
    const row = findVariable(name, component);
    return row !== undefined && isActiveIn(row, at);
  };
  // A connection whose host variables a version does not read does not exist in that version.
  if (!rule.host.some(active)) return undefined;
  return {
    ...rule,
    host: rule.host.filter(active),
    port: rule.port.filter(active),
    jwt: rule.jwt.filter(active),
    seed: rule.seed.filter(active),
    creds: rule.creds.filter(active),
    tls: rule.tls.filter(active),
  };
}

export interface ResolvedConnection {
  connection: HostConnection;
  host: string;
  port: number | undefined;
  /** The variable each part came from; absent when the default applied. */
  hostFrom?: string;
  portFrom?: string;
  /** The JetStream domain used on this connection (only for connections that carry JetStream). */
  jsDomain?: string;
  jsDomainFrom?: string;
}

/**
 * Resolves where a connection goes, given the variables a program sees (`lookup` returns undefined
 * for unset names). A port that is not a number is returned as undefined with `portFrom` set, so a
 * rule can point at it. WADM_NATS_SERVER (`host:port`, optional scheme) is split here.
 */
export function resolveConnection(
  component: WasmcloudComponent,
  connection: HostConnection,
  lookup: (name: string) => string | undefined,
  version?: string,
): ResolvedConnection | undefined {
  const chain = connectionChain(component, connection, version);
  if (!chain) return undefined;
  const first = (names: readonly string[]) => {
    for (const name of names) {
      const value = lookup(name);
      if (value !== undefined) return { name, value };
    }
    return undefined;
  };
  const result: ResolvedConnection = { connection, host: chain.defaultHost, port: chain.defaultPort };
  if (component === 'wadm') {
    const server = first(chain.host);
    if (server) {
      const split = splitHostPort(server.value);
      result.host = split.host;
      result.port = split.port ?? chain.defaultPort;
      result.hostFrom = server.name;
      result.portFrom = server.name;
    }
  } else {
    const host = first(chain.host);
    const port = first(chain.port);
    if (host) {
      result.host = host.value;
      result.hostFrom = host.name;
    }
    if (port) {
      result.port = /^\+?\d+$/.test(port.value) && Number(port.value) <= 65535 ? Number(port.value) : undefined;
      result.portFrom = port.name;
    }
  }
  if (chain.carries.includes('jetstream')) {
    const domain = first(variablesFor('js-domain', component, version ?? NEWEST_CHECKED[component]).map((v) => v.name));
    if (domain) {
      result.jsDomain = domain.value;
      result.jsDomainFrom = domain.name;
    }
  }
  return result;
}

/** Splits `host:port`, `nats://host:port`, `[::1]:4222`; a missing or non-numeric port is undefined. */
export function splitHostPort(text: string): { host: string; port: number | undefined } {
  let rest = text.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const at = rest.lastIndexOf('@');
  if (at >= 0) rest = rest.slice(at + 1);
  rest = rest.replace(/\/.*$/, '');
  const bracket = /^\[([^\]]*)\](?::(\d+))?$/.exec(rest);
  if (bracket) return { host: bracket[1], port: bracket[2] === undefined ? undefined : Number(bracket[2]) };
  const colon = rest.lastIndexOf(':');
  if (colon >= 0 && rest.indexOf(':') === colon) {
    const port = rest.slice(colon + 1);
    return { host: rest.slice(0, colon), port: /^\d+$/.test(port) ? Number(port) : undefined };
  }
  return { host: rest, port: undefined };
}

/**
 * Known names close to `name` (case-insensitive optimal-string-alignment distance, so one swap of
 * neighbouring letters counts once), nearest first. Catches `WASMCOULD_JS_DOMAIN`, `WASMCLOUD_JSDOMAIN`,
 * `wasmcloud_lattice`. Exact matches (same case) are not returned; a name that differs only in case is
 * (distance 0), because environment variables are case-sensitive on Linux.
 */
export function closestVariableNames(
  name: string,
  options: { component?: WasmcloudComponent; maxDistance?: number; limit?: number } = {},
): { name: string; distance: number; mistake?: string }[] {
  const limit = options.limit ?? 3;
  const maxDistance = options.maxDistance ?? Math.max(1, Math.min(3, Math.floor(name.length / 6)));
  const known = new Set(
    WASMCLOUD_VARIABLES.filter((v) => options.component === undefined || v.component === options.component).map((v) => v.name),
  );
  const results: { name: string; distance: number; mistake?: string }[] = [];
  const mistake = KNOWN_MISTAKES.find((m) => m.name === name.toUpperCase());
  if (mistake && known.has(mistake.meant)) results.push({ name: mistake.meant, distance: 0, mistake: mistake.why });
  if (known.has(name)) return results;
  const upper = name.toUpperCase();
  for (const candidate of known) {
    if (results.some((r) => r.name === candidate)) continue;
    const distance = editDistance(upper, candidate, maxDistance);
    if (distance <= maxDistance) results.push({ name: candidate, distance });
  }
  results.sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
  return results.slice(0, limit);
}

/** Whether a name looks like it was meant for a wasmCloud program (so an unknown one is worth a warning). */
export function looksLikeWasmcloudName(name: string): boolean {
  const upper = name.toUpperCase();
  if (/^(WASMCLOUD|WADM|WASH)_/.test(upper)) return true;
  const prefix = upper.split('_')[0];
  return prefix !== upper && (editDistance(prefix, 'WASMCLOUD', 2) <= 2 || editDistance(prefix, 'WADM', 1) <= 1);
}

/** Optimal string alignment distance, giving up (returning limit + 1) once it must exceed `limit`. */
export function editDistance(a: string, b: string, limit = Number.MAX_SAFE_INTEGER): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = b.length + 1;
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length];
}

/** How a component parses booleans, for a variable at a version. */
export function boolSyntaxOf(variable: WasmcloudVariable, version?: string): BoolSyntax {
  if (variable.component !== 'host-elixir') return 'clap';
  if (variable.name === 'WASMCLOUD_OCI_ALLOW_LATEST') return 'elixir-raw';
  if (version !== undefined && compareVersions(version, '0.60.0') < 0) {
    if (/_TLS$|ENABLE_IPV6$/.test(variable.name)) return 'elixir-integer';
    return 'elixir-raw';
  }
  return 'elixir';
}
