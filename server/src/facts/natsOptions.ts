// The table of every configuration key nats-server accepts, block by block.
//
// Facts (names, aliases, value shapes, defaults, case rules) come from reading
// nats-server's config parsing code; the `since` fields are generated from its
// release tags by scripts/sync-option-versions.mjs (do not edit them by hand).
// Descriptions are our own words.
//
// Each block is written as its own constant so a block id maps to one region of
// this file; nested values refer to blocks by id.

import type { BlockId, BlockSpec, ValueType } from './optionTypes';

// ---- value shapes used many times -------------------------------------------

const BOOL: ValueType = { kind: 'bool' };
const INT: ValueType = { kind: 'integer' };
const STRING: ValueType = { kind: 'string' };
const PATH: ValueType = { kind: 'string', format: 'path' };
const HOST: ValueType = { kind: 'string', format: 'host' };
const NAME: ValueType = { kind: 'string', format: 'name-without-spaces' };
const ACCOUNT_NAME: ValueType = { kind: 'string', format: 'account-name' };
const HOSTPORT: ValueType = { kind: 'hostport' };
const URL: ValueType = { kind: 'url' };
const SIZE: ValueType = { kind: 'size', strings: 'none' };
const STORAGE_SIZE: ValueType = { kind: 'size', strings: 'KMGT' };
/** parseDuration: "2m" style, or an integer of seconds with a deprecation warning. */
const DURATION: ValueType = { kind: 'duration', numbers: 'seconds-with-warning' };
/** Only a Go duration string is accepted. */
const DURATION_STRING: ValueType = { kind: 'duration', numbers: 'rejected' };
/** Seconds as a number (integer or decimal) or a duration string. */
const SECONDS: ValueType = { kind: 'duration', numbers: 'number-seconds' };
const SUBJECT: ValueType = { kind: 'subject', wildcards: true };
const PUBLISH_SUBJECT: ValueType = { kind: 'subject', wildcards: false };
const SUBJECTS: ValueType = { kind: 'stringOrArray', item: SUBJECT };
const QUEUE_SUBJECTS: ValueType = { kind: 'stringOrArray', item: { kind: 'subject', wildcards: true, queue: true } };
const STRINGS: ValueType = { kind: 'stringOrArray', item: STRING };
const STRING_ARRAY: ValueType = { kind: 'array', item: STRING };
const ENABLED_WORDS: ValueType = {
  kind: 'enum',
  values: ['enabled', 'enable', 'disabled', 'disable'],
  caseInsensitive: true,
};
const WRITE_TIMEOUT_POLICY: ValueType = { kind: 'enum', values: ['default', 'close', 'retry'], caseInsensitive: false };
const PERCENT: ValueType = { kind: 'string', format: 'percent' };
const map = (block: BlockId): ValueType => ({ kind: 'map', block });
const arrayOf = (item: ValueType): ValueType => ({ kind: 'array', item });
const union = (...of: ValueType[]): ValueType => ({ kind: 'union', of });
const COMPRESSION: ValueType = union(
  BOOL,
  {
    kind: 'enum',
    values: ['off', 'accept', 's2_auto', 's2_fast', 's2_better', 's2_best', 'on', 'enabled', 'true', 'disabled', 'false', 'auto', 'fast', 'better', 'best'],
    caseInsensitive: true,
  },
  map('compression'),
);
/** Go's TLS cipher suite names (secure and insecure lists, old and new spellings); exact case. */
const TLS_CIPHER: ValueType = {
  kind: 'enum',
  caseInsensitive: false,
  values: [
    'TLS_RSA_WITH_RC4_128_SHA', 'TLS_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_RSA_WITH_AES_128_CBC_SHA', 'TLS_RSA_WITH_AES_128_CBC_SHA256',
    'TLS_RSA_WITH_AES_256_CBC_SHA', 'TLS_RSA_WITH_AES_128_GCM_SHA256', 'TLS_RSA_WITH_AES_256_GCM_SHA384',
    'TLS_ECDHE_ECDSA_WITH_RC4_128_SHA', 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA', 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA',
    'TLS_ECDHE_RSA_WITH_RC4_128_SHA', 'TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
    'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
    'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
    'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305', 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305',
    'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256', 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
    'TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256',
  ],
};
/** Go's names of elliptic curves accepted in curve_preferences; exact case. */
const TLS_CURVE: ValueType = { kind: 'enum', caseInsensitive: false, values: ['X25519', 'CurveP256', 'CurveP384', 'CurveP521', 'X25519MLKEM768'] };
const JS_CIPHER: ValueType = { kind: 'enum', values: ['chachapoly', 'chacha', 'aes'], caseInsensitive: true };

// ---- top level ----------------------------------------------------------------

const ROOT: BlockSpec = {
  id: 'root',
  title: 'Server',
  description: 'Top level of a nats-server configuration file.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'listen', since: '0.8.1', value: HOSTPORT, default: '0.0.0.0:4222',
      description: 'Address for client connections, as a port or "host:port". Sets host and port in one key; a later host or port key overrides its half.' },
    { name: 'host', since: '0.5.1', aliases: ['net'], value: HOST, default: '0.0.0.0',
      description: 'Interface the client listener binds to.' },
    { name: 'port', since: '0.5.1', value: INT, default: 4222,
      description: 'Port for client connections. -1 picks a random free port.' },
    { name: 'client_advertise', since: '1.0.6', value: STRING,
      description: 'Client address ("host:port") this server advertises to clients in a cluster, instead of the address it binds to. Useful behind NAT.' },
    { name: 'server_name', since: '2.1.2', value: NAME,
      description: 'Name of this server. Must not contain spaces; required for JetStream in a cluster and must be unique there.' },
    { name: 'debug', since: '0.5.1', value: BOOL, default: false, description: 'Log debug messages.' },
    { name: 'trace', since: '0.5.1', value: BOOL, default: false,
      description: 'Log every protocol message. Very verbose; not for production.' },
    { name: 'trace_verbose', since: '2.1.6', value: BOOL, default: false,
      description: 'Trace including system-account traffic. Also switches trace on.' },
    { name: 'trace_headers', since: '2.11.2', value: BOOL, default: false,
      description: 'Trace only message headers, not payloads. Also switches trace on.' },
    { name: 'logtime', since: '0.5.1', value: BOOL, default: true, description: 'Prefix log lines with a timestamp.' },
    { name: 'logtime_utc', since: '2.9.21', value: BOOL, default: false, description: 'Write log timestamps in UTC instead of local time.' },
    { name: 'log_file', since: '0.5.1', aliases: ['logfile'], value: PATH,
      description: 'Write the log to this file instead of standard error.' },
    { name: 'logfile_size_limit', since: '2.1.4', aliases: ['log_size_limit'], value: SIZE,
      description: 'Rotate the log file when it reaches this size. 0 disables rotation.' },
    { name: 'logfile_max_num', since: '2.10.0', aliases: ['log_max_num'], value: INT,
      description: 'How many rotated log files to keep; older ones are deleted. 0 keeps all.' },
    { name: 'syslog', since: '0.6.0', value: BOOL, default: false, description: 'Log to the local syslog (the Windows event log on Windows).' },
    { name: 'remote_syslog', since: '0.6.0', value: URL,
      description: 'Send the log to a remote syslog, e.g. "udp://host:514".' },
    { name: 'pid_file', since: '0.5.1', aliases: ['pidfile'], value: PATH, description: 'Write the server process id to this file.' },
    { name: 'ports_file_dir', since: '1.2.0', value: PATH,
      description: 'Directory where the server writes a file listing the ports it actually listens on.' },
    { name: 'prof_port', since: '0.5.1', value: INT, description: 'Port of the Go profiling (pprof) HTTP endpoint. Keep it private.' },
    { name: 'prof_block_rate', since: '2.10.2', value: INT, description: 'Sampling rate of the block profile served on prof_port.' },
    { name: 'http', since: '0.8.1', value: HOSTPORT,
      description: 'Monitoring endpoint (HTTP), as a port or "host:port".' },
    { name: 'https', since: '0.8.1', value: HOSTPORT,
      description: 'Monitoring endpoint over HTTPS, as a port or "host:port". Needs the top-level tls block.' },
    { name: 'http_port', since: '0.5.1', aliases: ['monitor_port'], value: INT,
      description: 'Port of the HTTP monitoring endpoint (8222 is customary). Not enabled unless set.' },
    { name: 'https_port', since: '0.7.0', value: INT, description: 'Port of the HTTPS monitoring endpoint; uses the top-level tls block.' },
    { name: 'http_base_path', since: '2.1.7', value: STRING, default: '/',
      description: 'URL path prefix for the monitoring endpoints, for use behind a reverse proxy.' },
    { name: 'max_connections', since: '0.6.2', aliases: ['max_conn'], value: INT, default: 65536,
      pitfalls: [
        { equals: 0, before: '2.14.0', note: 'max_connections: 0 does not mean "no clients": servers before 2.14.0 quietly use the default (65536) instead. Write the limit you mean, or leave the key out.' },
        { equals: 0, from: '2.14.0', note: 'max_connections: 0 makes this server refuse every client connection. Write the limit you mean, or leave the key out for the default (65536).' },
      ],
      description: 'Maximum number of client connections. Since 2.14.0, 0 means refuse every client; older servers treat 0 as the default.' },
    { name: 'max_subscriptions', since: '1.2.0', aliases: ['max_subs'], value: INT, default: 0,
      description: 'Maximum subscriptions per client connection. 0 means unlimited.' },
    { name: 'max_sub_tokens', since: '2.6.4', aliases: ['max_subscription_tokens'], value: { kind: 'integer', min: 1, max: 255 },
      description: 'Maximum number of tokens in a subscription subject (1 to 255).' },
    { name: 'max_control_line', since: '0.6.2', value: SIZE, default: 4096,
      description: 'Maximum length of a protocol line (e.g. a SUB or PUB line with its subject). Values at or above 2 GiB are rejected.' },
    { name: 'max_payload', since: '0.6.2', value: SIZE, default: 1048576,
      description: 'Largest message payload a client may publish. Values above 8 MB are discouraged; at or above 2 GiB rejected.' },
    { name: 'max_pending', since: '0.6.2', value: SIZE, default: 67108864,
      description: 'Bytes that may be buffered for a slow consumer before it is disconnected.' },
    { name: 'max_traced_msg_len', since: '2.0.2', value: INT, default: 0,
      description: 'Truncate message bodies in trace output to this many bytes. 0 means no limit.' },
    { name: 'max_closed_clients', since: '2.10.26', value: INT, default: 10000,
      description: 'How many closed connections the monitoring endpoint (connz?state=closed) remembers.' },
    { name: 'ping_interval', since: '0.9.6', value: DURATION, default: '2m',
      description: 'Interval between server pings to clients. Write a duration string ("2m"); a bare number means seconds and draws a warning.' },
    { name: 'ping_max', since: '0.9.6', value: INT, default: 2,
      description: 'Unanswered pings after which a connection is considered stale and closed.' },
    { name: 'write_deadline', since: '1.0.0', value: DURATION, default: '10s',
      description: 'How long a write to a client may block before the connection is treated as a slow consumer.' },
    { name: 'write_timeout', since: '2.11.11', value: WRITE_TIMEOUT_POLICY, default: 'default',
      description: 'What to do when write_deadline is hit: "default", "close" or "retry" (lower case only).' },
    { name: 'no_fast_producer_stall', since: '2.10.26', value: BOOL, default: false,
      description: 'Do not stall fast publishers when a receiver is slow; messages for the slow receiver are dropped instead.' },
    { name: 'lame_duck_duration', since: '1.4.0', value: DURATION_STRING, default: '2m',
      description: 'Time over which clients are disconnected in lame-duck mode. Must be a duration string of at least 30s.' },
    { name: 'lame_duck_grace_period', since: '2.2.0', value: DURATION_STRING, default: '10s',
      description: 'Wait after entering lame-duck mode before starting to close clients. Duration string only.' },
    { name: 'connect_error_reports', since: '2.0.0', value: INT, default: 3600,
      description: 'Log a failed initial connect to a route, gateway or leaf node only every this many attempts.' },
    { name: 'reconnect_error_reports', since: '2.0.0', value: INT, default: 1,
      description: 'Log a failed reconnect to a route, gateway or leaf node only every this many attempts.' },
    { name: 'disable_sublist_cache', since: '2.0.2', aliases: ['no_sublist_cache'], value: BOOL, default: false,
      description: 'Turn off the subject-match cache; saves memory at some routing cost.' },
    { name: 'no_header_support', since: '2.2.0', value: BOOL, default: false,
      description: 'Refuse message headers; for compatibility with very old clients.' },
    { name: 'proxy_protocol', since: '2.12.2', value: BOOL, default: false,
      description: 'Expect a PROXY protocol header from a load balancer on client connections, to learn the real client address.' },
    { name: 'server_tags', since: '2.2.0', value: STRINGS,
      description: 'Tags describing this server (e.g. "az:us-east-1a"); used by JetStream placement and unique_tag.' },
    { name: 'server_metadata', since: '2.12.0', value: map('serverMetadata'),
      description: 'Free-form string key/value pairs describing this server, reported by monitoring.' },
    { name: 'feature_flags', since: '2.14.0', value: map('featureFlags'),
      description: 'Opt in or out of named server features; each value must be true or false.' },
    { name: 'tls', since: '0.7.0', value: map('tls'), description: 'TLS for client connections (and the HTTPS monitoring port).' },
    { name: 'allow_non_tls', since: '2.2.0', value: BOOL, default: false,
      description: 'With tls configured, still accept clients that do not use TLS.' },
    { name: 'ocsp', since: '2.3.0', value: union(BOOL, map('ocsp')),
      description: 'OCSP stapling for the server certificate: true/false, or a block choosing the mode and responder URL.' },
    { name: 'ocsp_cache', since: '2.9.21', value: union(BOOL, map('ocspCache')),
      description: 'Cache of OCSP responses used when checking peer certificates: true/false or a block.' },
    { name: 'authorization', since: '0.5.1', value: map('authorization'),
      keyConflicts: [
        { groups: [['user', 'password'], ['token']], note: 'A user/password and a token cannot be combined ("Cannot have a user/pass and token"): keep one way of authenticating.' },
        { groups: [['user'], ['users']], note: 'A single user and a users list cannot be combined: move the single user into users.' },
        { groups: [['token'], ['users']], note: 'A token and a users list cannot be combined: keep one way of authenticating.' },
      ],
      description: 'Client authentication and default permissions: a single user, a token, a users list, or auth callout.' },
    { name: 'no_auth_user', since: '2.1.7', value: STRING,
      description: 'Existing user (from authorization or accounts) whose identity is given to clients that connect without credentials.' },
    { name: 'accounts', since: '2.0.0', value: union(arrayOf(ACCOUNT_NAME), map('accounts')),
      description: 'Accounts isolate subject spaces; each has its users, imports, exports and JetStream limits. "$G" is reserved.' },
    { name: 'system_account', since: '2.0.0', aliases: ['system'], value: ACCOUNT_NAME, default: '$SYS',
      description: 'Account used for server events and system services. Pitfall: it is read before other keys with exact lower-case spelling, so a differently cased key is silently ignored.' },
    { name: 'no_system_account', since: '2.2.0', aliases: ['no_system', 'no_sys_acc'], value: BOOL, default: false,
      description: 'Do not create the default system account.' },
    { name: 'mappings', since: '2.2.0', aliases: ['maps'], value: map('mappings'),
      description: 'Subject mappings for the global account: each subject key maps to a destination, or to weighted destinations.' },
    { name: 'default_sentinel', since: '2.11.2', value: { kind: 'string', format: 'jwt' },
      description: 'Bearer user JWT given to clients that connect without credentials in JWT-based setups (e.g. with auth callout).' },
    { name: 'operator', since: '2.0.0', aliases: ['operators', 'roots', 'root', 'root_operators', 'root_operator'],
      value: { kind: 'stringOrArray', item: { kind: 'string', format: 'jwt-or-path' } },
      description: 'Operator JWT (a file path or the JWT itself) that enables decentralized JWT authentication.' },
    { name: 'trusted', since: '2.0.0', aliases: ['trusted_keys'], value: { kind: 'stringOrArray', item: { kind: 'string', format: 'operator-nkey' } },
      description: 'Public operator nkeys trusted to sign account JWTs. Usually replaced by operator.' },
    { name: 'resolver', since: '2.0.0', aliases: ['account_resolver', 'accounts_resolver'],
      value: union({ kind: 'string' }, map('resolver')),
      description: 'Where account JWTs come from in operator mode: MEMORY, URL("http://...") or a block for the built-in full/cache resolver.' },
    { name: 'resolver_tls', since: '2.1.6', value: map('tls'), description: 'TLS used when the resolver fetches account JWTs over HTTPS.' },
    { name: 'resolver_preload', since: '2.0.0', value: map('resolverPreload'),
      description: 'Account JWTs loaded at start-up, keyed by account public key.' },
    { name: 'resolver_pinned_accounts', since: '2.4.0', value: { kind: 'stringOrArray', item: { kind: 'string', format: 'account-nkey' } },
      description: 'Only these account public keys may be resolved; others are refused.' },
    { name: 'default_js_domain', since: '2.7.0', value: map('defaultJsDomain'),
      description: 'Per-account default JetStream domain, as account name to domain name.' },
    { name: 'cluster', since: '0.5.1', value: map('cluster'), description: 'Routes between servers of one cluster.' },
    { name: 'gateway', since: '2.0.0', value: map('gateway'), description: 'Gateways connecting this cluster to other clusters (a super-cluster).' },
    { name: 'leafnodes', since: '2.0.0', aliases: ['leaf'], value: map('leafnodes'),
      description: 'Leaf node connections: accept leaf nodes and/or connect to remote servers as a leaf.' },
    { name: 'jetstream', since: '2.2.0', value: union(BOOL, ENABLED_WORDS, map('jetstream')),
      description: 'Enable JetStream persistence: true, "enabled", or a block with storage directory and limits.' },
    { name: 'store_dir', since: '2.3.0', aliases: ['storedir'], value: PATH,
      description: 'JetStream storage directory. Pitfall: setting it here and inside jetstream {} is an error.' },
    { name: 'websocket', since: '2.2.0', aliases: ['ws'], value: map('websocket'), description: 'WebSocket listener for clients.' },
    { name: 'mqtt', since: '2.2.0', value: map('mqtt'), description: 'MQTT listener; needs JetStream.' },
    { name: 'proxies', since: '2.12.0', value: map('proxies'), description: 'Trusted proxies that may connect on behalf of clients.' },
  ],
};

// ---- authentication and permissions -------------------------------------------

const AUTHORIZATION: BlockSpec = {
  id: 'authorization',
  title: 'Authorization',
  description: 'Credentials and default permissions. Cluster and gateway authorization accept only a single user/password and timeout.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'user', since: '0.5.1', aliases: ['username'], value: STRING, description: 'Single user name. Cannot be combined with token or users.' },
    { name: 'password', since: '0.5.1', aliases: ['pass'], value: STRING,
      description: 'Password of the single user; plain text or a bcrypt hash ("$2a$...").' },
    { name: 'token', since: '1.0.0', value: STRING, description: 'Shared token clients must present. Cannot be combined with user or users.' },
    { name: 'timeout', since: '0.5.1', value: SECONDS, default: 2,
      description: 'Seconds a client has to authenticate (number or duration string). Pitfall: an unquoted 1m is one million, not a minute; quote durations.' },
    { name: 'users', since: '0.8.1', value: arrayOf(map('user')), description: 'List of users, each with a password or an nkey, and optional permissions.' },
    { name: 'default_permissions', since: '0.9.2', aliasSince: { permissions: '1.2.0' }, aliases: ['default_permission', 'permissions'], value: map('permissions'),
      description: 'Permissions for users that have none of their own. Inside cluster authorization this is deprecated: use cluster.permissions.' },
    { name: 'auth_callout', since: '2.10.0', aliases: ['auth_hook'], value: map('authCallout'),
      description: 'Delegate authentication to an external service that answers with user JWTs.' },
    { name: 'proxy_required', since: '2.12.0', value: BOOL, default: false,
      description: 'The single user may only connect through a trusted proxy (see proxies).' },
  ],
};

const USER: BlockSpec = {
  id: 'user',
  title: 'User',
  description: 'One entry of a users list.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'user', since: '0.9.2', aliases: ['username'], value: STRING, description: 'User name. Each entry needs a user or an nkey.' },
    { name: 'password', since: '0.9.2', aliases: ['pass'], value: STRING, description: 'Password; plain text or a bcrypt hash. Not allowed with nkey.' },
    { name: 'nkey', since: '2.0.0', value: { kind: 'string', format: 'user-nkey' },
      description: 'Public user nkey (starts with U). Such a user must not have user or password.' },
    { name: 'permissions', since: '0.9.2', aliasSince: { authorization: '1.0.0' }, aliases: ['permission', 'authorization'], value: map('permissions'),
      description: 'What this user may publish and subscribe to; replaces default permissions.' },
    { name: 'allowed_connection_types', since: '2.2.0', aliases: ['connection_types', 'clients'],
      value: {
        kind: 'stringOrArray',
        item: { kind: 'enum', values: ['STANDARD', 'WEBSOCKET', 'LEAFNODE', 'LEAFNODE_WS', 'MQTT', 'MQTT_WS', 'IN_PROCESS'], caseInsensitive: true },
      },
      description: 'Kinds of connection this user may make. Unset allows all.' },
    { name: 'proxy_required', since: '2.12.0', value: BOOL, default: false, description: 'This user may only connect through a trusted proxy.' },
  ],
};

const PERMISSIONS: BlockSpec = {
  id: 'permissions',
  title: 'Permissions',
  description: 'Publish and subscribe permissions. In cluster.permissions, import means publish and export means subscribe.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'publish', since: '0.9.2', aliasSince: { import: '1.2.0' }, aliases: ['pub', 'import'], value: union(SUBJECTS, map('subjectPermission')),
      description: 'Subjects the user may publish to: a subject, a list (allow list), or a block with allow and deny.' },
    { name: 'subscribe', since: '0.9.2', aliasSince: { export: '1.2.0' }, aliases: ['sub', 'export'], value: union(QUEUE_SUBJECTS, map('subjectPermission')),
      description: 'Subjects the user may subscribe to; an entry may be "subject queue" to limit a queue group.' },
    { name: 'allow_responses', since: '2.0.4', aliases: ['publish_allow_responses'], value: union(BOOL, map('allowResponses')),
      description: 'Allow publishing replies to requests this user received. Pitfall: enabling it also turns publish into deny-by-default.' },
  ],
};

const SUBJECT_PERMISSION: BlockSpec = {
  id: 'subjectPermission',
  title: 'Allow/deny',
  description: 'Allow and deny lists for one direction.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'allow', since: '1.3.0', value: QUEUE_SUBJECTS,
      description: 'Subjects allowed. "subject queue" entries are only valid under subscribe.' },
    { name: 'deny', since: '1.3.0', value: QUEUE_SUBJECTS, description: 'Subjects denied; deny wins over allow.' },
  ],
};

const ALLOW_RESPONSES: BlockSpec = {
  id: 'allowResponses',
  title: 'Allow responses',
  description: 'Limits for replying to received requests.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'max_msgs', since: '2.0.4', aliases: ['max', 'max_messages', 'max_responses'], value: INT, default: 1,
      description: 'Replies allowed per request. Negative means unlimited; 0 keeps the default.' },
    { name: 'expires', since: '2.0.4', aliases: ['expiration', 'ttl'], value: DURATION_STRING, default: '2m',
      description: 'How long after the request a reply is allowed. Duration string only.' },
  ],
};

const AUTH_CALLOUT: BlockSpec = {
  id: 'authCallout',
  title: 'Auth callout',
  description: 'External authentication service.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'issuer', since: '2.10.0', value: { kind: 'string', format: 'account-nkey' },
      description: 'Public account nkey that signs the service responses. Required.' },
    { name: 'account', since: '2.10.0', aliases: ['acc'], value: ACCOUNT_NAME, default: '$G',
      description: 'Account the auth service runs in.' },
    { name: 'auth_users', since: '2.10.0', aliases: ['users'], value: STRING_ARRAY,
      description: 'Users that bypass the callout (the service itself connects as one). Required, must be an array.' },
    { name: 'xkey', since: '2.10.0', aliases: ['key'], value: { kind: 'string', format: 'curve-xkey' },
      description: 'Public curve key (starts with X) to encrypt requests to the service.' },
    { name: 'allowed_accounts', since: '2.11.0', value: STRING_ARRAY,
      description: 'Accounts the service may place users in; each must be defined. Empty allows all.' },
  ],
};

const SIMPLE_AUTHORIZATION: BlockSpec = {
  id: 'simpleAuthorization',
  title: 'Listener authorization',
  description: 'Override credentials for the websocket or mqtt listener.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'user', since: '2.2.0', aliases: ['username'], value: STRING, description: 'Single user for this listener only.' },
    { name: 'password', since: '2.2.0', aliases: ['pass'], value: STRING, description: 'Password of that user.' },
    { name: 'token', since: '2.2.0', value: STRING, description: 'Token for this listener only.' },
    { name: 'timeout', since: '2.2.0', value: { kind: 'number' }, default: 1,
      description: 'Seconds to authenticate. Pitfall: only a number works here; a duration string is ignored and 1 second is used.' },
  ],
};

// ---- accounts -----------------------------------------------------------------

const ACCOUNTS: BlockSpec = {
  id: 'accounts',
  title: 'Accounts',
  description: 'Each key is an account name.',
  keyCase: 'sensitive',
  unknownKeys: 'error',
  keys: [],
  anyKey: {
    label: '<account name>',
    example: 'APP',
    value: map('account'),
    description: 'An account; its name is case-sensitive and "$G" is reserved. The value must be a block.',
  },
};

const ACCOUNT: BlockSpec = {
  id: 'account',
  title: 'Account',
  description: 'One account.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'nkey', since: '2.0.0', value: { kind: 'string', format: 'account-nkey' }, description: 'Public account nkey (starts with A).' },
    { name: 'users', since: '2.0.0', value: arrayOf(map('user')), description: 'Users that belong to this account. User names are unique across all accounts.' },
    { name: 'default_permissions', since: '2.2.0', value: map('permissions'), description: 'Permissions for this account\'s users that have none.' },
    { name: 'imports', since: '2.0.0', value: arrayOf(map('import')), description: 'Streams and services imported from other accounts.' },
    { name: 'exports', since: '2.0.0', value: arrayOf(map('export')), description: 'Streams and services this account offers to others.' },
    { name: 'jetstream', since: '2.2.0', value: union(BOOL, ENABLED_WORDS, map('accountJetStream')),
      description: 'Enable JetStream for this account, optionally with limits. Unset means no JetStream for the account.' },
    { name: 'mappings', since: '2.2.0', aliases: ['maps'], value: map('mappings'), description: 'Subject mappings inside this account.' },
    { name: 'limits', since: '2.7.0', value: map('accountLimits'), description: 'Connection, subscription, payload and leaf node limits.' },
    { name: 'msg_trace', since: '2.11.0', aliases: ['trace_dest'], value: union(PUBLISH_SUBJECT, map('accountMsgTrace')),
      description: 'Subject receiving message traces for this account, or a block with dest and sampling.' },
  ],
};

const ACCOUNT_JETSTREAM: BlockSpec = {
  id: 'accountJetStream',
  title: 'Account JetStream limits',
  description: 'JetStream limits for one account; -1 (the default) means unlimited.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'max_memory', since: '2.2.0', aliases: ['max_mem', 'mem', 'memory'], value: SIZE, default: -1,
      description: 'Memory storage for the account. A number (unquoted 1G works); a quoted "1G" is rejected here.' },
    { name: 'max_store', since: '2.2.0', aliases: ['max_file', 'max_disk', 'store', 'disk'], value: SIZE, default: -1,
      description: 'File storage for the account. A number, not a quoted string.' },
    { name: 'max_streams', since: '2.2.0', aliases: ['streams'], value: INT, default: -1, description: 'Maximum streams.' },
    { name: 'max_consumers', since: '2.2.0', aliases: ['consumers'], value: INT, default: -1, description: 'Maximum consumers.' },
    { name: 'max_bytes_required', since: '2.7.0', aliases: ['max_stream_bytes', 'max_bytes'], value: BOOL, default: false,
      description: 'Streams must declare a max bytes limit.' },
    { name: 'mem_max_stream_bytes', since: '2.8.0', aliases: ['memory_max_stream_bytes'], value: SIZE, default: -1,
      description: 'Largest max bytes a memory stream may declare.' },
    { name: 'disk_max_stream_bytes', since: '2.8.0', aliases: ['store_max_stream_bytes'], value: SIZE, default: -1,
      description: 'Largest max bytes a file stream may declare.' },
    { name: 'max_ack_pending', since: '2.8.0', value: INT, default: -1, description: 'Highest max ack pending a consumer may use.' },
    { name: 'cluster_traffic', since: '2.11.0', value: { kind: 'enum', values: ['system', 'owner'], caseInsensitive: false }, default: 'system',
      description: 'Which account carries this account\'s JetStream replication traffic: "system" or the "owner" account.' },
  ],
};

const ACCOUNT_LIMITS: BlockSpec = {
  id: 'accountLimits',
  title: 'Account limits',
  description: 'Limits for one account.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'max_connections', since: '2.7.0', aliases: ['max_conn'], value: INT, description: 'Client connections for the account.' },
    { name: 'max_subscriptions', since: '2.7.0', aliases: ['max_subs'], value: INT, description: 'Subscriptions for the account.' },
    { name: 'max_payload', since: '2.7.0', aliases: ['max_pay'], value: INT, description: 'Largest payload an account client may publish.' },
    { name: 'max_leafnodes', since: '2.7.0', aliases: ['max_leafs'], value: INT, description: 'Leaf node connections bound to the account.' },
  ],
};

const ACCOUNT_MSG_TRACE: BlockSpec = {
  id: 'accountMsgTrace',
  title: 'Message tracing',
  description: 'Where traces of this account\'s messages go.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'dest', since: '2.11.0', value: PUBLISH_SUBJECT, description: 'Subject traces are published to (no wildcards).' },
    { name: 'sampling', since: '2.11.0', value: union({ kind: 'integer', min: 1, max: 100 }, PERCENT), default: 100,
      description: 'Percentage of messages traced, 1 to 100 (e.g. 10 or "10%"). Ignored without dest.' },
  ],
};

const EXPORT: BlockSpec = {
  id: 'export',
  title: 'Export',
  description: 'One stream or service export; has either stream or service.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'stream', since: '2.0.0', value: SUBJECT, description: 'Subject of an exported stream (messages flow to importers).' },
    { name: 'service', since: '2.0.0', value: SUBJECT, description: 'Subject of an exported service (importers send requests).' },
    { name: 'accounts', since: '2.0.0', value: arrayOf(ACCOUNT_NAME), description: 'Accounts allowed to import. Unset makes the export public.' },
    { name: 'response_type', since: '2.0.4', aliases: ['response'],
      value: { kind: 'enum', values: ['singleton', 'single', 'stream', 'chunked', 'chunk'], caseInsensitive: true }, default: 'singleton',
      description: 'Services only: how many reply messages a request gets.' },
    { name: 'response_threshold', since: '2.2.0', aliases: ['threshold', 'response_max_time', 'response_time'], value: DURATION_STRING, default: '2m',
      description: 'Services only: how long a reply may take before the response path is dropped. Duration string.' },
    { name: 'latency', since: '2.1.0', value: union(SUBJECT, map('serviceLatency')),
      description: 'Services only: publish latency samples to a subject, or a block with sampling and subject. Needs the system account.' },
    { name: 'account_token_position', since: '2.2.0', value: INT,
      description: 'Position of a subject token that must equal the importing account\'s public key.' },
    { name: 'allow_trace', since: '2.11.0', value: BOOL, default: false, description: 'Services only: let message traces cross this export.' },
  ],
};

const SERVICE_LATENCY: BlockSpec = {
  id: 'serviceLatency',
  title: 'Service latency',
  description: 'Latency tracking for a service export. Keys are looked up exactly; others are ignored.',
  keyCase: 'sensitive',
  unknownKeys: 'ignored',
  keys: [
    { name: 'sampling', since: '2.1.0', value: union({ kind: 'integer', min: 1, max: 100 }, PERCENT, { kind: 'enum', values: ['headers'], caseInsensitive: true }), default: 100,
      description: 'Percentage of requests sampled (1-100 or "50%"), or "headers" to sample when the request carries tracing headers.' },
    { name: 'subject', since: '2.1.0', value: PUBLISH_SUBJECT, description: 'Subject latency reports are published to. Required.' },
  ],
};

const IMPORT: BlockSpec = {
  id: 'import',
  title: 'Import',
  description: 'One stream or service import; has either stream or service.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'stream', since: '2.0.0', value: map('importSource'), description: 'Import a stream: { account, subject }.' },
    { name: 'service', since: '2.0.0', value: map('importSource'), description: 'Import a service: { account, subject }.' },
    { name: 'prefix', since: '2.0.0', value: STRING, description: 'Streams only: prefix added to imported subjects. Not with to.' },
    { name: 'to', since: '2.0.0', value: SUBJECT, description: 'Local subject the import appears under.' },
    { name: 'share', since: '2.2.0', value: BOOL, default: false, description: 'Services only: share the requester\'s connection info for latency tracking.' },
    { name: 'allow_trace', since: '2.11.0', value: BOOL, default: false, description: 'Streams only: let message traces cross this import.' },
  ],
};

const IMPORT_SOURCE: BlockSpec = {
  id: 'importSource',
  title: 'Import source',
  description: 'Account and subject being imported.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'account', since: '2.0.0', value: ACCOUNT_NAME, description: 'Exporting account name. Required.' },
    { name: 'subject', since: '2.0.0', value: SUBJECT, description: 'Exported subject. Required.' },
  ],
};

const MAPPINGS: BlockSpec = {
  id: 'mappings',
  title: 'Subject mappings',
  description: 'Each key is a source subject.',
  keyCase: 'sensitive',
  unknownKeys: 'error',
  keys: [],
  anyKey: {
    label: '<subject>',
    example: 'orders.new',
    value: union(SUBJECT, map('mappingDestination'), arrayOf(map('mappingDestination'))),
    description: 'Messages published to this subject go to the destination subject, or are split between weighted destinations.',
  },
};

const MAPPING_DESTINATION: BlockSpec = {
  id: 'mappingDestination',
  title: 'Mapping destination',
  description: 'One weighted destination of a mapping.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'destination', since: '2.2.0', aliases: ['dest'], value: SUBJECT, description: 'Destination subject; may use mapping functions such as {{wildcard(1)}}.' },
    { name: 'weight', since: '2.2.0', value: union({ kind: 'integer', min: 0, max: 100 }, PERCENT),
      description: 'Share of messages sent here, 0-100 or "40%". Required; weights of one subject must not exceed 100.' },
    { name: 'cluster', since: '2.2.0', value: STRING, description: 'Only apply this destination in the named cluster.' },
  ],
};

// ---- cluster, gateway -----------------------------------------------------------

const CLUSTER: BlockSpec = {
  id: 'cluster',
  title: 'Cluster',
  description: 'Routes between servers of the same cluster.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'name', since: '2.2.0', value: NAME, description: 'Cluster name, the same on all members; no spaces.' },
    { name: 'listen', since: '0.8.1', value: HOSTPORT, description: 'Route listener as a port or "host:port" (6222 is customary).' },
    { name: 'host', since: '0.5.1', aliases: ['net'], value: HOST, description: 'Interface the route listener binds to.' },
    { name: 'port', since: '0.5.1', value: INT, description: 'Route listener port.' },
    { name: 'advertise', since: '1.0.6', aliases: ['cluster_advertise'], value: STRING,
      description: 'Route address ("host:port") advertised to other servers instead of the bound one.' },
    { name: 'no_advertise', since: '0.9.4', value: BOOL, default: false,
      description: 'Do not tell clients about the other servers of the cluster.' },
    { name: 'routes', since: '0.5.1', value: arrayOf(URL),
      description: 'Seed route URLs such as "nats-route://host:6222". Must be an array, even for one route.' },
    { name: 'authorization', since: '0.5.1', value: map('authorization'),
      keyConflicts: [
        { groups: [['users']], note: 'Cluster authorization takes a single user and password, not a users list ("does not allow multiple users").' },
        { groups: [['token']], note: 'Cluster authorization does not support tokens: use user and password.' },
      ],
      description: 'User/password (and timeout) other servers must present. No users list, token or callout here.' },
    { name: 'permissions', since: '1.4.0', value: map('permissions'),
      description: "Limit which subjects' interest is exchanged with routes: import acts like publish, export like subscribe." },
    { name: 'tls', since: '0.7.0', value: map('tls'), description: 'TLS for routes. Peers are always verified.' },
    { name: 'connect_retries', since: '1.0.0', value: INT, default: 0,
      description: 'Attempts to connect to an explicit route before giving up. 0 retries forever.' },
    { name: 'connect_backoff', since: '2.12.0', value: BOOL, default: false, description: 'Increase the delay between route reconnect attempts.' },
    { name: 'pool_size', since: '2.10.0', value: INT, default: 3,
      description: 'Connections per route pair. -1 disables pooling (one connection, as before 2.10).' },
    { name: 'accounts', since: '2.10.0', value: STRINGS, description: 'Accounts that get a dedicated route connection each.' },
    { name: 'compression', since: '2.10.0', value: COMPRESSION, default: 'accept',
      description: 'S2 compression of route traffic: a mode, a boolean, or a block with mode and RTT thresholds.' },
    { name: 'ping_interval', since: '2.10.10', value: DURATION, description: 'Ping interval on routes; capped at the route maximum (a warning says so).' },
    { name: 'ping_max', since: '2.10.10', value: INT, description: 'Unanswered pings before a route is dropped.' },
    { name: 'write_deadline', since: '2.11.11', value: DURATION, description: 'Write deadline for routes; overrides the top-level one.' },
    { name: 'write_timeout', since: '2.11.11', value: WRITE_TIMEOUT_POLICY, description: 'Policy on hitting the route write deadline: "default", "close" or "retry".' },
  ],
};

const COMPRESSION_BLOCK: BlockSpec = {
  id: 'compression',
  title: 'Compression',
  description: 'Compression mode with optional thresholds.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'mode', since: '2.10.0', value: { kind: 'enum', values: ['off', 'accept', 's2_auto', 's2_fast', 's2_better', 's2_best', 'on', 'auto', 'fast', 'better', 'best', 'enabled', 'disabled'], caseInsensitive: true },
      description: 'Compression mode; s2_auto picks a level from the measured round-trip time.' },
    { name: 'rtt_thresholds', since: '2.10.0', aliases: ['thresholds', 'rtts', 'rtt'], value: arrayOf(DURATION_STRING),
      description: 'For s2_auto: ascending round-trip times (e.g. ["10ms", "50ms", "100ms"]) at which stronger compression is used. At most 4.' },
  ],
};

const GATEWAY: BlockSpec = {
  id: 'gateway',
  title: 'Gateway',
  description: 'Connects this cluster to other clusters.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'name', since: '2.0.0', value: NAME, description: 'Name of this cluster as seen by gateways; no spaces.' },
    { name: 'listen', since: '2.0.0', value: HOSTPORT, description: 'Gateway listener as a port or "host:port" (7222 is customary).' },
    { name: 'host', since: '2.0.0', aliases: ['net'], value: HOST, description: 'Interface the gateway listener binds to.' },
    { name: 'port', since: '2.0.0', value: INT, description: 'Gateway listener port.' },
    { name: 'advertise', since: '2.0.0', value: STRING, description: 'Gateway address advertised to other clusters.' },
    { name: 'authorization', since: '2.0.0', value: map('authorization'), description: 'User/password other gateways must present; no users list or token.',
      keyConflicts: [
        { groups: [['users']], note: 'Gateway authorization takes a single user and password, not a users list ("does not allow multiple users").' },
        { groups: [['token']], note: 'Gateway authorization does not support tokens: use user and password.' },
      ] },
    { name: 'tls', since: '2.0.0', value: map('tls'), description: 'TLS for gateway connections. Peers are always verified.' },
    { name: 'gateways', since: '2.0.0', value: arrayOf(map('remoteGateway')), description: 'Remote clusters to connect to.' },
    { name: 'reject_unknown_cluster', since: '2.0.0', aliasSince: { reject_unknown_cluster: '2.2.0' }, aliases: ['reject_unknown'], value: BOOL, default: false,
      description: 'Refuse gateway connections from clusters not listed in gateways.' },
    { name: 'connect_retries', since: '2.0.0', value: INT, default: 0, description: 'Attempts to connect to an explicit gateway before giving up.' },
    { name: 'connect_backoff', since: '2.12.0', value: BOOL, default: false, description: 'Increase the delay between gateway reconnect attempts.' },
    { name: 'write_deadline', since: '2.11.11', value: DURATION, description: 'Write deadline for gateway connections.' },
    { name: 'write_timeout', since: '2.11.11', value: WRITE_TIMEOUT_POLICY, description: 'Policy on hitting the gateway write deadline.' },
  ],
};

const REMOTE_GATEWAY: BlockSpec = {
  id: 'remoteGateway',
  title: 'Remote gateway',
  description: 'One remote cluster.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'name', since: '2.0.0', value: NAME, description: 'Name of the remote cluster (its gateway name).' },
    { name: 'url', since: '2.0.0', value: URL, description: 'One gateway URL of the remote cluster.' },
    { name: 'urls', since: '2.0.0', value: arrayOf(URL), description: 'Gateway URLs of the remote cluster (array only).' },
    { name: 'tls', since: '2.0.0', value: map('tls'), description: 'TLS settings for connecting to this cluster.' },
  ],
};

// ---- leaf nodes ---------------------------------------------------------------

const LEAFNODES: BlockSpec = {
  id: 'leafnodes',
  title: 'Leaf nodes',
  description: 'Accept leaf node connections and/or connect out as a leaf.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'listen', since: '2.0.0', value: HOSTPORT, description: 'Leaf node listener as a port or "host:port" (7422 is customary).' },
    { name: 'host', since: '2.0.0', aliases: ['net'], value: HOST, description: 'Interface the leaf node listener binds to.' },
    { name: 'port', since: '2.0.0', value: INT, description: 'Leaf node listener port.' },
    { name: 'advertise', since: '2.0.0', aliases: ['leafnode_advertise'], value: STRING, description: 'Leaf node address advertised to leaves.' },
    { name: 'no_advertise', since: '2.0.0', value: BOOL, default: false, description: 'Do not advertise this server\'s leaf URL to connecting leaves.' },
    { name: 'authorization', since: '2.0.0', value: map('leafAuthorization'), description: 'Credentials accepted from incoming leaf connections.' },
    { name: 'remotes', since: '2.0.0', value: arrayOf(map('leafRemote')), description: 'Servers this server connects to as a leaf.' },
    { name: 'reconnect', since: '2.0.2', aliases: ['reconnect_delay', 'reconnect_interval'], value: DURATION, default: '1s',
      description: 'Delay before reconnecting to a remote.' },
    { name: 'dial_timeout', since: '2.14.5', value: DURATION, default: '1s', description: 'TCP connect timeout for all remotes.' },
    { name: 'tls', since: '2.0.0', value: map('tls'), description: 'TLS for the leaf node listener.' },
    { name: 'min_version', since: '2.8.0', aliases: ['minimum_version'], value: { kind: 'string', format: 'semver' },
      description: 'Lowest server version allowed to connect as a leaf; must be at least "2.8.0".' },
    { name: 'compression', since: '2.10.0', value: COMPRESSION, default: 's2_auto', description: 'S2 compression of leaf traffic.' },
    { name: 'isolate_leafnode_interest', since: '2.12.0', aliases: ['isolate'], value: BOOL, default: false,
      description: 'Do not pass subscription interest between different leaf connections (no east-west traffic).' },
    { name: 'write_deadline', since: '2.11.11', value: DURATION, description: 'Write deadline for leaf connections.' },
    { name: 'write_timeout', since: '2.11.11', value: WRITE_TIMEOUT_POLICY, description: 'Policy on hitting the leaf write deadline.' },
  ],
};

const LEAF_AUTHORIZATION: BlockSpec = {
  id: 'leafAuthorization',
  title: 'Leaf authorization',
  description: 'Credentials for incoming leaf connections.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'user', since: '2.1.2', aliases: ['username'], value: STRING, description: 'Single user name for leaves.' },
    { name: 'password', since: '2.1.2', aliases: ['pass'], value: STRING, description: 'Password of that user.' },
    { name: 'nkey', since: '2.10.8', value: { kind: 'string', format: 'user-nkey' }, description: 'Public user nkey leaves must sign with.' },
    { name: 'timeout', since: '2.1.2', value: SECONDS, description: 'Seconds a leaf has to authenticate.' },
    { name: 'users', since: '2.1.2', value: arrayOf(map('leafUser')), description: 'Several leaf users, each bound to an account.' },
    { name: 'account', since: '2.1.2', value: ACCOUNT_NAME, description: 'Account that leaves authenticated by the single user join.' },
    { name: 'proxy_required', since: '2.12.0', value: BOOL, default: false, description: 'Leaves must connect through a trusted proxy.' },
  ],
};

const LEAF_USER: BlockSpec = {
  id: 'leafUser',
  title: 'Leaf user',
  description: 'One user for incoming leaf connections.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'user', since: '2.1.2', aliases: ['username'], value: STRING, description: 'User name the leaf connects with.' },
    { name: 'password', since: '2.1.2', aliases: ['pass'], value: STRING, description: 'Password of this leaf user.' },
    { name: 'account', since: '2.1.2', value: ACCOUNT_NAME, description: 'Account the leaf connection is bound to.' },
    { name: 'proxy_required', since: '2.12.0', value: BOOL, default: false, description: 'This user must connect through a trusted proxy.' },
  ],
};

const LEAF_REMOTE: BlockSpec = {
  id: 'leafRemote',
  title: 'Leaf remote',
  description: 'One outgoing leaf connection.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'url', since: '2.0.0', aliasSince: { urls: '2.0.2' }, aliases: ['urls'], value: { kind: 'stringOrArray', item: URL },
      description: 'URL(s) of the remote server\'s leaf port, e.g. "nats-leaf://host:7422"; ws:// and wss:// go over WebSocket.' },
    { name: 'account', since: '2.0.0', aliases: ['local'], value: ACCOUNT_NAME, description: 'Local account bound to this connection.' },
    { name: 'credentials', since: '2.0.0', aliases: ['creds'], value: PATH, description: 'Credentials file (JWT and seed) for the remote. Not with nkey.' },
    { name: 'nkey', since: '2.10.8', aliases: ['seed'], value: { kind: 'string', format: 'user-seed' },
      description: 'User nkey seed (starts with SU) to authenticate with. Not with credentials.' },
    { name: 'tls', since: '2.0.0', value: map('tls'), description: 'TLS for this connection.' },
    { name: 'no_randomize', since: '2.2.3', aliases: ['dont_randomize'], value: BOOL, default: false, description: 'Try the URLs in order instead of randomly.' },
    { name: 'hub', since: '2.1.7', value: BOOL, default: false, description: 'Act as the hub for this connection (reverse the usual roles).' },
    { name: 'deny_imports', since: '2.1.7', aliases: ['deny_import'], value: SUBJECTS, description: 'Subjects not accepted from the remote.' },
    { name: 'deny_exports', since: '2.1.7', aliases: ['deny_export'], value: SUBJECTS, description: 'Subjects not sent to the remote.' },
    { name: 'ws_compression', since: '2.2.0', aliases: ['ws_compress', 'websocket_compress', 'websocket_compression'], value: BOOL, default: false,
      description: 'Ask for WebSocket compression when the URL is ws:// or wss://.' },
    { name: 'ws_no_masking', since: '2.2.0', aliases: ['websocket_no_masking'], value: BOOL, default: false,
      description: 'Send unmasked WebSocket frames when the remote allows it.' },
    { name: 'jetstream_cluster_migrate', since: '2.9.0', aliases: ['js_cluster_migrate'], value: union(BOOL, map('leafRemoteClusterMigrate')),
      description: 'When this connection drops, move JetStream leaders (replicated assets) off this server. The block form needs 2.11.0.' },
    { name: 'isolate_leafnode_interest', since: '2.12.0', aliases: ['isolate'], value: BOOL, default: false,
      description: 'Do not forward interest from other local leaf connections over this one.' },
    { name: 'request_isolation', since: '2.12.0', value: BOOL, default: false,
      description: 'Ask the remote not to forward interest from its other leaf connections to us.' },
    { name: 'compression', since: '2.10.0', value: COMPRESSION, default: 's2_auto', description: 'S2 compression for this connection.' },
    { name: 'first_info_timeout', since: '2.10.26', value: DURATION, default: '1s', description: 'How long to wait for the remote\'s first INFO.' },
    { name: 'dial_timeout', since: '2.14.5', value: DURATION, description: 'TCP connect timeout for this remote; overrides leafnodes.dial_timeout.' },
    { name: 'disabled', since: '2.12.0', value: BOOL, default: false, description: 'Keep the remote configured but do not connect.' },
    { name: 'proxy', since: '2.12.1', value: map('leafRemoteProxy'), description: 'HTTP proxy for WebSocket leaf connections.' },
    { name: 'ignore_discovered_servers', since: '2.14.0', value: BOOL, default: false,
      description: 'Only use the configured URLs, not the ones the remote cluster advertises.' },
  ],
};

const LEAF_REMOTE_PROXY: BlockSpec = {
  id: 'leafRemoteProxy',
  title: 'Leaf proxy',
  description: 'HTTP CONNECT proxy for a WebSocket leaf remote.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'url', since: '2.12.1', value: URL, description: 'Proxy URL, e.g. "http://proxy:8080".' },
    { name: 'username', since: '2.12.1', value: STRING, description: 'Proxy user.' },
    { name: 'password', since: '2.12.1', value: STRING, description: 'Proxy password.' },
    { name: 'timeout', since: '2.12.1', value: DURATION, description: 'Timeout for connecting through the proxy.' },
  ],
};

const LEAF_REMOTE_CLUSTER_MIGRATE: BlockSpec = {
  id: 'leafRemoteClusterMigrate',
  title: 'JetStream leader migration',
  description: 'Leader migration settings; looked up by exact key, other keys ignored.',
  keyCase: 'sensitive',
  unknownKeys: 'ignored',
  keys: [
    { name: 'leader_migrate_delay', since: '2.11.0', value: DURATION, description: 'Wait this long after the disconnect before moving leaders.' },
  ],
};

// ---- JetStream ----------------------------------------------------------------

const JETSTREAM: BlockSpec = {
  id: 'jetstream',
  title: 'JetStream',
  description: 'JetStream persistence for this server. Present means enabled unless enabled: false.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'enabled', since: '2.2.3', aliases: ['enable'], value: BOOL, default: true, description: 'Set false to keep the block but disable JetStream.' },
    { name: 'store_dir', since: '2.2.0', aliasSince: { store: '2.3.0' }, aliases: ['store', 'storedir'], value: PATH,
      description: 'Directory for JetStream data. Pitfall: also setting top-level store_dir is an error.' },
    { name: 'max_memory_store', since: '2.2.0', aliases: ['max_mem_store', 'max_mem'], value: STORAGE_SIZE, defaultNote: '75% of system memory',
      description: 'Memory for memory-backed streams. A number (1G unquoted = 10^9) or a string like "1G" (= 2^30).' },
    { name: 'max_file_store', since: '2.2.0', aliases: ['max_file'], value: STORAGE_SIZE, defaultNote: 'up to 1 TB, limited by free disk',
      description: 'Disk for file-backed streams. A number or a string like "10G".' },
    { name: 'domain', since: '2.2.3', value: { kind: 'string', format: 'jetstream-domain' }, description: 'JetStream domain name, separating JetStream across leaf connections.' },
    { name: 'sync_interval', since: '2.10.0', aliases: ['sync'], value: union(DURATION, { kind: 'enum', values: ['always'], caseInsensitive: true }), default: '2m',
      description: 'How often file storage is flushed to disk, or "always" to sync every write (slow).' },
    { name: 'encryption_key', since: '2.3.0', aliases: ['key', 'ek'], value: STRING, description: 'Key for encryption of data at rest. Keep it out of the file (use a variable from the environment).' },
    { name: 'prev_encryption_key', since: '2.10.0', aliases: ['prev_key', 'prev_ek'], value: STRING, description: 'Previous key, used once to re-encrypt data after a key change.' },
    { name: 'cipher', since: '2.9.0', value: JS_CIPHER, default: 'chachapoly', description: 'Cipher for encryption at rest: chachapoly or aes.' },
    { name: 'extension_hint', since: '2.7.0', value: { kind: 'enum', values: ['will_extend', 'no_extend'], caseInsensitive: true },
      description: 'Whether this server expects its JetStream domain to be extended over a system-account leaf connection ("will_extend") or not ("no_extend").' },
    { name: 'strict', since: '2.11.0', value: BOOL, default: true, description: 'Reject JetStream API requests with unknown fields.' },
    { name: 'unique_tag', since: '2.8.0', value: STRING, description: 'Server tag prefix (e.g. "az:") that replicas of one asset must not share.' },
    { name: 'limits', since: '2.8.0', value: map('jetstreamLimits'), description: 'Server-wide limits on JetStream assets.' },
    { name: 'tpm', since: '2.11.0', value: map('jetstreamTpm'), description: 'Keep the encryption key sealed in a TPM (Windows).' },
    { name: 'max_outstanding_catchup', since: '2.9.0', value: STORAGE_SIZE, default: 67108864, description: 'Bytes of stream catch-up in flight at once across the server.' },
    { name: 'max_buffered_size', since: '2.11.0', value: STORAGE_SIZE, default: 134217728, description: 'Bytes buffered per stream ingest queue before publishes are refused.' },
    { name: 'max_buffered_msgs', since: '2.11.0', value: INT, default: 100000, description: 'Messages buffered per stream ingest queue before publishes are refused.' },
    { name: 'request_queue_limit', since: '2.10.21', value: INT, default: 10000, description: 'Pending JetStream API requests before new ones are dropped.' },
    { name: 'info_queue_limit', since: '2.14.0', value: INT, description: 'Pending stream/consumer info requests before new ones are dropped. Defaults to request_queue_limit.' },
    { name: 'meta_compact', since: '2.11.11', value: { kind: 'integer', min: 0 }, description: 'Compact the meta group log after this many entries.' },
    { name: 'meta_compact_size', since: '2.11.11', value: STORAGE_SIZE, description: 'Compact the meta group log after it reaches this size.' },
    { name: 'meta_compact_sync', since: '2.12.5', value: BOOL, default: false, description: 'Compact the meta group log synchronously.' },
    { name: 'max_concurrent_io', since: '2.12.14', value: { kind: 'integer', min: 4, max: 8192 }, default: 4096, description: 'Maximum concurrent disk operations (4 to 8192).' },
  ],
};

const JETSTREAM_LIMITS: BlockSpec = {
  id: 'jetstreamLimits',
  title: 'JetStream limits',
  description: 'Limits enforced on every stream and consumer of the server.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'max_ack_pending', since: '2.8.0', value: INT, description: 'Highest max ack pending a consumer may set.' },
    { name: 'max_ha_assets', since: '2.8.0', value: INT, description: 'Replicated streams and consumers this server may host.' },
    { name: 'max_request_batch', since: '2.8.0', value: INT, description: 'Largest batch a pull request may ask for.' },
    { name: 'duplicate_window', since: '2.8.0', value: DURATION_STRING, description: 'Largest duplicate window a stream may set. Duration string.' },
    { name: 'batch', since: '2.12.0', value: map('jetstreamLimitsBatch'), description: 'Limits for atomic batch publishing.' },
  ],
};

const JETSTREAM_LIMITS_BATCH: BlockSpec = {
  id: 'jetstreamLimitsBatch',
  title: 'Batch publish limits',
  description: 'Limits for atomic batch publishing.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'max_inflight_per_stream', since: '2.12.0', value: INT, description: 'Open batches per stream.' },
    { name: 'max_inflight_total', since: '2.12.0', value: INT, description: 'Open batches on the server.' },
    { name: 'max_msgs', since: '2.12.0', value: INT, description: 'Messages in one batch.' },
    { name: 'timeout', since: '2.12.0', value: DURATION_STRING, description: 'Time allowed between the first message and the commit. Duration string.' },
  ],
};

const JETSTREAM_TPM: BlockSpec = {
  id: 'jetstreamTpm',
  title: 'JetStream TPM',
  description: 'TPM-sealed encryption key.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'keys_file', since: '2.11.0', value: PATH, description: 'File holding the sealed keys.' },
    { name: 'encryption_password', since: '2.11.0', value: STRING, description: 'Password protecting the sealed encryption key.' },
    { name: 'srk_password', since: '2.11.0', value: STRING, description: 'TPM storage root key password, if any.' },
    { name: 'pcr', since: '2.11.0', value: INT, description: 'TPM PCR the key is bound to.' },
    { name: 'cipher', since: '2.11.0', value: JS_CIPHER, description: 'Cipher for encryption at rest.' },
  ],
};

// ---- TLS and OCSP ---------------------------------------------------------------

const TLS: BlockSpec = {
  id: 'tls',
  title: 'TLS',
  description: 'TLS settings; the same keys are read wherever a tls block appears.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'cert_file', since: '0.7.0', value: PATH, description: 'Certificate (PEM) presented by this server.' },
    { name: 'key_file', since: '0.7.0', value: PATH, description: 'Private key (PEM) of cert_file.' },
    { name: 'ca_file', since: '0.7.0', value: PATH, description: 'CA certificates used to verify the peer.' },
    { name: 'certs', since: '2.10.8', aliases: ['certificates'], value: arrayOf(map('tlsCertificate')),
      description: 'Several certificate/key pairs, chosen by SNI. Not together with cert_file.' },
    { name: 'verify', since: '0.7.0', value: BOOL, default: false, description: 'Require and verify a client certificate.' },
    { name: 'verify_and_map', since: '2.0.0', value: BOOL, default: false,
      description: 'Verify the client certificate and use its subject (or SAN) as the user name.' },
    { name: 'verify_cert_and_check_known_urls', since: '2.2.0', value: BOOL, default: false,
      description: 'Routes and gateways only: verify the peer and require its certificate to match a configured URL.' },
    { name: 'insecure', since: '2.0.0', value: BOOL, default: false, description: 'Skip verification of the server certificate when this server is the client. Testing only.' },
    { name: 'timeout', since: '0.7.0', value: SECONDS, default: 2, description: 'Seconds allowed for the TLS handshake (number or duration string).' },
    { name: 'cipher_suites', since: '0.7.0', value: { kind: 'array', item: TLS_CIPHER, minItems: 1 }, description: 'Allowed TLS 1.2 cipher suites by Go name; must not be empty.' },
    { name: 'curve_preferences', since: '1.0.0', value: { kind: 'array', item: TLS_CURVE, minItems: 1 }, description: 'Elliptic curves in order of preference; must not be empty.' },
    { name: 'allow_insecure_cipher_suites', since: '2.12.0', value: BOOL, default: false, description: 'Permit cipher suites Go marks insecure in cipher_suites.' },
    { name: 'min_version', since: '2.10.21', value: { kind: 'enum', values: ['1.2', '1.3'], caseInsensitive: false }, default: '1.2',
      description: 'Lowest TLS version accepted, as a string: "1.2" or "1.3".' },
    { name: 'connection_rate_limit', since: '2.7.0', value: INT, description: 'New TLS connections accepted per second; 0 means no limit.' },
    { name: 'pinned_certs', since: '2.2.5', value: arrayOf({ kind: 'string', format: 'sha256-hex' }),
      description: 'Only accept peer certificates whose public key SHA-256 (hex) is in this list.' },
    { name: 'handshake_first', since: '2.10.0', aliases: ['first', 'immediate'],
      value: union(BOOL, { kind: 'enum', values: ['true', 'false', 'on', 'off', 'auto', 'auto_fallback'], caseInsensitive: true }, DURATION_STRING),
      description: 'Do the TLS handshake before the INFO protocol. "auto" or a duration waits that long before falling back for old clients.' },
    { name: 'cert_store', since: '2.9.20', value: { kind: 'enum', values: ['WindowsCurrentUser', 'WindowsLocalMachine'], caseInsensitive: true },
      description: 'Take the certificate from the Windows certificate store (Windows only).' },
    { name: 'cert_match_by', since: '2.9.20', value: { kind: 'enum', values: ['Subject', 'Issuer', 'Thumbprint'], caseInsensitive: true },
      description: 'How cert_match selects the certificate in the Windows store.' },
    { name: 'cert_match', since: '2.9.20', value: STRING, description: 'Value matched against the certificate, per cert_match_by.' },
    { name: 'cert_match_skip_invalid', since: '2.10.23', value: BOOL, description: 'Skip expired or not-yet-valid certificates when matching in the store.' },
    { name: 'ca_certs_match', since: '2.10.23', value: STRINGS, description: 'Windows store: subjects of CA certificates to use as trust roots.' },
    { name: 'ocsp_peer', since: '2.9.21', value: union(BOOL, map('ocspPeer')), description: 'Check the peer certificate\'s revocation status with OCSP.' },
  ],
};

const TLS_CERTIFICATE: BlockSpec = {
  id: 'tlsCertificate',
  title: 'Certificate pair',
  description: 'One certificate with its key; both required.',
  keyCase: 'sensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'cert_file', since: '2.10.8', value: PATH, description: 'Certificate file (PEM).' },
    { name: 'key_file', since: '2.10.8', value: PATH, description: 'Private key file (PEM).' },
  ],
};

const OCSP_PEER: BlockSpec = {
  id: 'ocspPeer',
  title: 'OCSP peer check',
  description: 'Revocation checking of peer certificates.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'verify', since: '2.9.21', value: BOOL, default: false, description: 'Turn the check on.' },
    { name: 'ca_timeout', since: '2.9.21', value: SECONDS, description: 'Seconds to wait for the OCSP responder.' },
    { name: 'allowed_clockskew', since: '2.9.21', value: SECONDS, description: 'Clock skew tolerated when checking response validity.' },
    { name: 'cache_ttl_when_next_update_unset', since: '2.9.21', value: SECONDS, description: 'How long to cache a response that has no next-update time.' },
    { name: 'warn_only', since: '2.9.21', value: BOOL, default: false, description: 'Only log failed checks instead of rejecting the peer.' },
    { name: 'unknown_is_good', since: '2.9.21', value: BOOL, default: false, description: 'Treat an "unknown" status as good.' },
    { name: 'allow_when_ca_unreachable', since: '2.9.21', value: BOOL, default: false, description: 'Accept the peer when no responder can be reached.' },
  ],
};

const OCSP: BlockSpec = {
  id: 'ocsp',
  title: 'OCSP stapling',
  description: 'OCSP stapling of this server\'s certificate. Keys must be lower case.',
  keyCase: 'sensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'mode', since: '2.3.0', value: { kind: 'enum', values: ['auto', 'always', 'must', 'never'], caseInsensitive: true }, default: 'auto',
      description: 'When to staple: auto (if the certificate asks for it), always, must (and shut down if revoked), or never.' },
    { name: 'url', since: '2.3.0', value: URL, description: 'OCSP responder to use instead of the one in the certificate.' },
    { name: 'urls', since: '2.3.0', value: arrayOf(URL),
      description: 'Responders to use instead of the one in the certificate. Pitfall: the server fails to read a config list here (type error); use url.' },
  ],
};

const OCSP_CACHE: BlockSpec = {
  id: 'ocspCache',
  title: 'OCSP response cache',
  description: 'Cache of OCSP responses for peer checks.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'type', since: '2.9.21', value: { kind: 'enum', values: ['local', 'none'], caseInsensitive: true }, default: 'local',
      description: '"local" keeps responses on disk, "none" disables the cache.' },
    { name: 'local_store', since: '2.9.21', value: PATH, default: '_rc_', description: 'Directory of the local cache.' },
    { name: 'preserve_revoked', since: '2.9.21', value: BOOL, default: false, description: 'Keep revoked responses in the cache.' },
    { name: 'save_interval', since: '2.9.21', value: SECONDS, default: '5m', description: 'How often the cache is saved; at least 1 second.' },
  ],
};

// ---- operator mode --------------------------------------------------------------

const RESOLVER: BlockSpec = {
  id: 'resolver',
  title: 'Account resolver',
  description: 'Built-in account JWT resolver. Keys are looked up exactly in lower case; unknown keys are ignored.',
  keyCase: 'sensitive',
  unknownKeys: 'ignored',
  keys: [
    { name: 'type', since: '2.2.0', value: { kind: 'enum', values: ['full', 'cache', 'mem', 'memory'], caseInsensitive: true },
      description: '"full" stores every account JWT, "cache" keeps recently used ones.' },
    { name: 'dir', since: '2.2.0', value: PATH, description: 'Directory holding account JWTs. Required for full and cache.' },
    { name: 'allow_delete', since: '2.2.0', value: BOOL, default: false, description: 'full only: allow deleting accounts.' },
    { name: 'hard_delete', since: '2.9.16', value: BOOL, default: false, description: 'full only: delete files instead of renaming them; needs allow_delete.' },
    { name: 'limit', since: '2.2.0', value: INT, description: 'Maximum number of account JWTs kept.' },
    { name: 'ttl', since: '2.2.0', value: DURATION_STRING, description: 'cache only: how long a JWT is cached. Duration string.' },
    { name: 'interval', since: '2.2.0', value: DURATION_STRING, description: 'full only: how often servers sync JWTs with each other. Duration string.' },
    { name: 'timeout', since: '2.2.1', value: DURATION_STRING, description: 'How long to wait for an account lookup. Duration string.' },
  ],
};

const RESOLVER_PRELOAD: BlockSpec = {
  id: 'resolverPreload',
  title: 'Preloaded accounts',
  description: 'Each key is an account public key.',
  keyCase: 'sensitive',
  unknownKeys: 'error',
  keys: [],
  anyKey: {
    label: '<account public key>',
    example: 'ADKGAJU55CHYOIF5H432K2Z2ME3NPSJ5S3VY5Q42Q3OTYOCYRRG7WOWV',
    value: { kind: 'string', format: 'jwt' },
    description: 'The account JWT; it must decode as a valid account JWT.',
  },
};

// ---- websocket, mqtt, proxies -----------------------------------------------------

const WEBSOCKET: BlockSpec = {
  id: 'websocket',
  title: 'WebSocket',
  description: 'WebSocket listener for clients.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'listen', since: '2.2.0', value: HOSTPORT, description: 'Listener as a port or "host:port".' },
    { name: 'host', since: '2.2.0', aliases: ['net'], value: HOST, description: 'Interface the listener binds to.' },
    { name: 'port', since: '2.2.0', value: INT, description: 'Listener port.' },
    { name: 'advertise', since: '2.2.0', value: STRING, description: 'Address advertised to clients instead of the bound one.' },
    { name: 'tls', since: '2.2.0', value: map('tls'), description: 'TLS for the listener. Required unless no_tls is true.' },
    { name: 'no_tls', since: '2.2.0', value: BOOL, default: false, description: 'Serve plain ws:// without TLS (e.g. behind a terminating proxy).' },
    { name: 'same_origin', since: '2.2.0', value: BOOL, default: false, description: 'Only accept browsers whose Origin matches this server\'s host.' },
    { name: 'allowed_origins', since: '2.2.0', aliases: ['allowed_origin', 'allow_origins', 'allow_origin', 'origins', 'origin'], value: { kind: 'stringOrArray', item: URL },
      description: 'Origins (e.g. "https://app.example.com") browsers may connect from.' },
    { name: 'handshake_timeout', since: '2.2.0', value: { kind: 'duration', numbers: 'integer-seconds' }, description: 'Time allowed for the WebSocket upgrade handshake.' },
    { name: 'compression', since: '2.2.0', aliases: ['compress'], value: BOOL, default: false, description: 'Offer per-message compression.' },
    { name: 'authorization', since: '2.2.0', aliases: ['authentication'], value: map('simpleAuthorization'),
      description: 'Credentials for WebSocket clients only, overriding the top-level single user or token.' },
    { name: 'no_auth_user', since: '2.2.0', value: STRING, description: 'User given to WebSocket clients that send no credentials.' },
    { name: 'jwt_cookie', since: '2.2.0', value: STRING, description: 'Name of a cookie carrying the user JWT; needs operator mode or trusted keys.' },
    { name: 'user_cookie', since: '2.11.0', value: STRING, description: 'Name of a cookie carrying the user name.' },
    { name: 'pass_cookie', since: '2.11.0', value: STRING, description: 'Name of a cookie carrying the password.' },
    { name: 'token_cookie', since: '2.11.0', value: STRING, description: 'Name of a cookie carrying the token.' },
    { name: 'headers', since: '2.11.0', value: map('websocketHeaders'), description: 'Extra HTTP headers sent in the upgrade response.' },
    { name: 'ping_interval', since: '2.11.12', value: DURATION, description: 'Ping interval for WebSocket clients; overrides the top-level one.' },
  ],
};

const WEBSOCKET_HEADERS: BlockSpec = {
  id: 'websocketHeaders',
  title: 'WebSocket headers',
  description: 'Each key is an HTTP header name.',
  keyCase: 'sensitive',
  unknownKeys: 'error',
  keys: [],
  anyKey: {
    label: '<header name>',
    example: 'X-Frame-Options',
    value: { kind: 'string', format: 'header-value' },
    description: 'Header value. Host, Content-Length, Connection, Upgrade, Nats-No-Masking and Sec-WebSocket-* cannot be set.',
  },
};

const MQTT: BlockSpec = {
  id: 'mqtt',
  title: 'MQTT',
  description: 'MQTT listener; needs JetStream and a server_name.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'listen', since: '2.2.0', value: HOSTPORT, description: 'Listener as a port or "host:port" (1883 is customary).' },
    { name: 'host', since: '2.2.0', aliases: ['net'], value: HOST, description: 'Interface the listener binds to.' },
    { name: 'port', since: '2.2.0', value: INT, description: 'Listener port.' },
    { name: 'tls', since: '2.2.0', value: map('tls'), description: 'TLS for MQTT clients.' },
    { name: 'authorization', since: '2.2.0', aliases: ['authentication'], value: map('simpleAuthorization'), description: 'Credentials for MQTT clients only.' },
    { name: 'no_auth_user', since: '2.2.0', value: STRING, description: 'User given to MQTT clients that send no credentials.' },
    { name: 'ack_wait', since: '2.2.0', aliases: ['ackwait'], value: DURATION, default: '30s', description: 'Time to wait for a QoS 1/2 acknowledgement before redelivering.' },
    { name: 'js_api_timeout', since: '2.11.3', aliases: ['api_timeout'], value: DURATION, default: '5s', description: 'Timeout of internal JetStream API calls.' },
    { name: 'max_ack_pending', since: '2.2.0', aliases: ['max_pending', 'max_inflight'], value: { kind: 'integer', min: 0, max: 65535 }, default: 1024,
      description: 'Unacknowledged QoS 1/2 messages per subscription (0 to 65535).' },
    { name: 'js_domain', since: '2.7.0', value: STRING, description: 'JetStream domain used to store MQTT state.' },
    { name: 'stream_replicas', since: '2.8.3', value: INT, description: 'Replicas of the internal MQTT streams.' },
    { name: 'consumer_replicas', since: '2.8.3', value: INT,
      deprecated: { note: 'Ignored by current servers, which only warn.' },
      description: 'Former replica count of MQTT consumers; now ignored with a warning.' },
    { name: 'consumer_memory_storage', since: '2.8.3', value: BOOL, default: false, description: 'Keep MQTT consumers in memory.' },
    { name: 'consumer_inactive_threshold', since: '2.9.0', aliases: ['consumer_auto_cleanup'], value: DURATION,
      description: 'Remove consumers of disconnected sessions after this long.' },
    { name: 'reject_qos2_publish', since: '2.10.4', value: BOOL, default: false, description: 'Reject QoS 2 publishes instead of serving them.' },
    { name: 'downgrade_qos2_subscribe', since: '2.10.4', value: BOOL, default: false, description: 'Grant QoS 1 when a client subscribes with QoS 2.' },
  ],
};

const PROXIES: BlockSpec = {
  id: 'proxies',
  title: 'Proxies',
  description: 'Proxies trusted to connect on behalf of clients.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'trusted', since: '2.12.0', value: arrayOf(map('trustedProxy')), description: 'List of trusted proxies, each with its public key.' },
  ],
};

const TRUSTED_PROXY: BlockSpec = {
  id: 'trustedProxy',
  title: 'Trusted proxy',
  description: 'One trusted proxy.',
  keyCase: 'insensitive',
  unknownKeys: 'error',
  keys: [
    { name: 'key', since: '2.12.0', aliases: ['public_key'], value: { kind: 'string', format: 'any-public-nkey' }, description: 'Public nkey of the proxy.' },
  ],
};

// ---- free-form maps ---------------------------------------------------------------

const SERVER_METADATA: BlockSpec = {
  id: 'serverMetadata',
  title: 'Server metadata',
  description: 'Each key is a metadata name.',
  keyCase: 'sensitive',
  unknownKeys: 'error',
  keys: [],
  anyKey: { label: '<name>', example: 'region', value: STRING, description: 'Metadata value; must be a string.' },
};

const FEATURE_FLAGS: BlockSpec = {
  id: 'featureFlags',
  title: 'Feature flags',
  description: 'Each key is a feature flag name.',
  keyCase: 'sensitive',
  unknownKeys: 'error',
  keys: [],
  anyKey: { label: '<flag>', example: 'some_feature', value: BOOL, description: 'true to opt in, false to opt out.' },
};

const DEFAULT_JS_DOMAIN: BlockSpec = {
  id: 'defaultJsDomain',
  title: 'Default JetStream domains',
  description: 'Each key is an account name.',
  keyCase: 'sensitive',
  unknownKeys: 'error',
  keys: [],
  anyKey: { label: '<account name>', example: 'APP', value: STRING, description: 'JetStream domain used by that account by default.' },
};

/** Every block, by id. */
export const BLOCKS: Readonly<Record<BlockId, BlockSpec>> = {
  root: ROOT,
  authorization: AUTHORIZATION,
  user: USER,
  permissions: PERMISSIONS,
  subjectPermission: SUBJECT_PERMISSION,
  allowResponses: ALLOW_RESPONSES,
  authCallout: AUTH_CALLOUT,
  simpleAuthorization: SIMPLE_AUTHORIZATION,
  accounts: ACCOUNTS,
  account: ACCOUNT,
  accountJetStream: ACCOUNT_JETSTREAM,
  accountLimits: ACCOUNT_LIMITS,
  accountMsgTrace: ACCOUNT_MSG_TRACE,
  export: EXPORT,
  serviceLatency: SERVICE_LATENCY,
  import: IMPORT,
  importSource: IMPORT_SOURCE,
  mappings: MAPPINGS,
  mappingDestination: MAPPING_DESTINATION,
  cluster: CLUSTER,
  compression: COMPRESSION_BLOCK,
  gateway: GATEWAY,
  remoteGateway: REMOTE_GATEWAY,
  leafnodes: LEAFNODES,
  leafAuthorization: LEAF_AUTHORIZATION,
  leafUser: LEAF_USER,
  leafRemote: LEAF_REMOTE,
  leafRemoteProxy: LEAF_REMOTE_PROXY,
  leafRemoteClusterMigrate: LEAF_REMOTE_CLUSTER_MIGRATE,
  jetstream: JETSTREAM,
  jetstreamLimits: JETSTREAM_LIMITS,
  jetstreamLimitsBatch: JETSTREAM_LIMITS_BATCH,
  jetstreamTpm: JETSTREAM_TPM,
  tls: TLS,
  tlsCertificate: TLS_CERTIFICATE,
  ocspPeer: OCSP_PEER,
  ocsp: OCSP,
  ocspCache: OCSP_CACHE,
  resolver: RESOLVER,
  resolverPreload: RESOLVER_PRELOAD,
  websocket: WEBSOCKET,
  websocketHeaders: WEBSOCKET_HEADERS,
  mqtt: MQTT,
  proxies: PROXIES,
  trustedProxy: TRUSTED_PROXY,
  serverMetadata: SERVER_METADATA,
  featureFlags: FEATURE_FLAGS,
  defaultJsDomain: DEFAULT_JS_DOMAIN,
};

export const ROOT_BLOCK: BlockSpec = ROOT;
