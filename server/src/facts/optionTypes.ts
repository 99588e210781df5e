// Types of the nats-server option table (see natsOptions.ts).
// Everything here is plain data so diagnostics, hover and completion can read it
// without knowing any particular key.

/**
 * How a duration written as a number is treated. Duration strings are Go durations:
 * a sequence of number+unit with units ns, us (or µs), ms, s, m, h, e.g. "1h30m", "250ms"
 * ("d" is not a unit). Pitfall: unquoted 2m is read by the config lexer as the integer
 * 2000000 (size suffix), so durations must be quoted.
 */
export type DurationNumbers =
  /** Only strings such as "2m" or "1h30m" (Go time.ParseDuration) are accepted. */
  | 'rejected'
  /** A bare integer is taken as seconds but the server warns that it should be a duration string; a decimal number is an error. */
  | 'seconds-with-warning'
  /** A bare integer is taken as seconds without complaint. */
  | 'integer-seconds'
  /** An integer or a decimal number is taken as (fractional) seconds. */
  | 'number-seconds';

/**
 * How a byte size may be written besides a plain integer. Unquoted numbers may carry the
 * config lexer's suffixes (any case): k, m, g, t, p, e are powers of 1000; kb/ki/kib, mb/mi/mib,
 * gb/gi/gib, tb/ti/tib, pb/pi/pib, eb/ei/eib are powers of 1024.
 */
export type SizeStrings =
  /** Only numbers (a quoted "1G" is rejected). */
  | 'none'
  /** Also a string ending in K, M, G or T (upper case, powers of 1024), e.g. "10G". */
  | 'KMGT';

export type StringFormat =
  | 'path'
  | 'host'
  | 'name-without-spaces'
  | 'account-name'
  | 'user-nkey'
  | 'account-nkey'
  | 'operator-nkey'
  | 'curve-xkey'
  | 'any-public-nkey'
  | 'user-seed'
  | 'jwt'
  | 'jwt-or-path'
  | 'semver'
  | 'percent'
  | 'sha256-hex'
  | 'header-value'
  /** A JetStream domain: no '.', '*', '>' or whitespace (checked only when JetStream starts, not by -t). */
  | 'jetstream-domain';

/** The closed set of value shapes nats-server options take. */
export type ValueType =
  | { readonly kind: 'bool' }
  | { readonly kind: 'integer'; readonly min?: number; readonly max?: number }
  /** Integer or decimal number (e.g. seconds as a float). */
  | { readonly kind: 'number' }
  | { readonly kind: 'size'; readonly strings: SizeStrings }
  | { readonly kind: 'duration'; readonly numbers: DurationNumbers }
  | { readonly kind: 'string'; readonly format?: StringFormat }
  /** A port number alone, or "host:port". */
  | { readonly kind: 'hostport' }
  | { readonly kind: 'url' }
  /** A NATS subject; `queue` allows "subject queue" pairs, as in subscribe permissions. */
  | { readonly kind: 'subject'; readonly wildcards: boolean; readonly queue?: boolean }
  | { readonly kind: 'enum'; readonly values: readonly string[]; readonly caseInsensitive: boolean }
  /** A single item, or an array of such items. */
  | { readonly kind: 'stringOrArray'; readonly item: ValueType }
  /** `minItems`: nats-server rejects shorter lists (e.g. an empty cipher_suites). */
  | { readonly kind: 'array'; readonly item: ValueType; readonly minItems?: number }
  /** A map whose keys are described by the block with this id. */
  | { readonly kind: 'map'; readonly block: BlockId }
  | { readonly kind: 'union'; readonly of: readonly ValueType[] };

export type ValueKind = ValueType['kind'];

export interface Deprecation {
  /** Version that started warning, when known. */
  readonly since?: string;
  /** What to write instead (a key name or a short phrase). */
  readonly replacement?: string;
  readonly note: string;
}

export type DefaultValue = string | number | boolean;

/** Keys nats-server rejects together inside one block (checked at the key that opens the block). */
export interface KeyConflict {
  /** Groups of canonical key names; it is a conflict when each group has at least one key present. */
  readonly groups: readonly (readonly string[])[];
  /** What nats-server says and what to write instead. */
  readonly note: string;
}

/** A value nats-server accepts without a word but that does not do what it seems to. */
export interface ValuePitfall {
  /** The value (as written: integer, boolean or string) that triggers the note. */
  readonly equals: DefaultValue;
  /** Only servers older than this version behave this way. */
  readonly before?: string;
  /** Only servers from this version on behave this way. */
  readonly from?: string;
  /** What the server really does with it, and what to write instead. */
  readonly note: string;
}

export interface OptionSpec {
  /** The name used in docs and completion. */
  readonly name: string;
  /** Other spellings the server accepts for the same option. */
  readonly aliases?: readonly string[];
  /** Aliases that appeared in a later release than the option itself. */
  readonly aliasSince?: Readonly<Record<string, string>>;
  readonly value: ValueType;
  readonly default?: DefaultValue;
  /** Human-readable default when it is computed (e.g. "75% of system memory"). */
  readonly defaultNote?: string;
  /** First nats-server release that accepts this key in this block (from the release tags). */
  readonly since: string;
  readonly deprecated?: Deprecation;
  /** Values accepted silently that do not mean what they seem to (see rules/options/pitfalls.ts). */
  readonly pitfalls?: readonly ValuePitfall[];
  /** Key combinations rejected inside this option's block (e.g. a token in cluster authorization). */
  readonly keyConflicts?: readonly KeyConflict[];
  /** One or two sentences in our own words: what it does, and the pitfall if there is one. */
  readonly description: string;
}

/** Keys that are user-chosen names (account names, subjects, header names...). */
export interface AnyKeySpec {
  /** Placeholder shown in docs, e.g. "<account name>". */
  readonly label: string;
  /** A valid example key, used by tests and snippets. */
  readonly example: string;
  readonly value: ValueType;
  readonly description: string;
}

export type KeyCase =
  /** Keys are lower-cased before matching (most blocks). */
  | 'insensitive'
  /** Keys must match exactly. */
  | 'sensitive';

export type UnknownKeys =
  /** An unknown key is a configuration error. */
  | 'error'
  /** Unknown keys are silently ignored. */
  | 'ignored';

export interface BlockSpec {
  readonly id: BlockId;
  /** Short name for docs, e.g. "TLS". */
  readonly title: string;
  readonly description: string;
  readonly keyCase: KeyCase;
  readonly unknownKeys: UnknownKeys;
  readonly keys: readonly OptionSpec[];
  readonly anyKey?: AnyKeySpec;
}

export type BlockId =
  | 'root'
  | 'authorization'
  | 'user'
  | 'permissions'
  | 'subjectPermission'
  | 'allowResponses'
  | 'authCallout'
  | 'simpleAuthorization'
  | 'accounts'
  | 'account'
  | 'accountJetStream'
  | 'accountLimits'
  | 'accountMsgTrace'
  | 'export'
  | 'serviceLatency'
  | 'import'
  | 'importSource'
  | 'mappings'
  | 'mappingDestination'
  | 'cluster'
  | 'compression'
  | 'gateway'
  | 'remoteGateway'
  | 'leafnodes'
  | 'leafAuthorization'
  | 'leafUser'
  | 'leafRemote'
  | 'leafRemoteProxy'
  | 'leafRemoteClusterMigrate'
  | 'jetstream'
  | 'jetstreamLimits'
  | 'jetstreamLimitsBatch'
  | 'jetstreamTpm'
  | 'tls'
  | 'tlsCertificate'
  | 'ocspPeer'
  | 'ocsp'
  | 'ocspCache'
  | 'resolver'
  | 'resolverPreload'
  | 'websocket'
  | 'websocketHeaders'
  | 'mqtt'
  | 'proxies'
  | 'trustedProxy'
  | 'serverMetadata'
  | 'featureFlags'
  | 'defaultJsDomain';

/** Result of resolving a key path. */
export interface ResolvedOption {
  readonly option: OptionSpec;
  /** The block the last key belongs to. */
  readonly block: BlockSpec;
  /** The path with aliases replaced by canonical names ('*' for array items). */
  readonly canonicalPath: readonly string[];
  /** True when the last key is a user-chosen name (anyKey). */
  readonly userDefinedName: boolean;
  /** Newest `since` along the path: the first release where the whole path is accepted. */
  readonly effectiveSince: string;
}
