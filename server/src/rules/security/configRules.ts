// Security lints over a configuration as nats-server loads it (variables and includes applied):
// each finding points at the text that causes it, in whichever file that is.

import { ARRAY_ITEM, arrayItemOf, findKeyInBlock, isArrayItemSegment, mapBlockOf, spellings } from '../../facts/optionLookup';
import { BLOCKS, ROOT_BLOCK } from '../../facts/natsOptions';
import type { BlockId, BlockSpec, ValueType } from '../../facts/optionTypes';
import type { FileProblem } from '../../diagnostics';
import { isBcryptHash, isJwt, isNkeySeed } from '../../secrets';
import type { EvalOrigins, SourceSpan } from '../../syntax/evaluate';
import type { ConfigMap, ConfigValue } from '../../syntax/tree';
import { SECURITY_RULES, SecurityCode, SecurityCodeName } from './codes';

export interface ConfigSecurityInput {
  value: ConfigMap;
  origins: EvalOrigins;
  /** Text of the files the origins point into (to tell a `$VARIABLE` reference from a literal). */
  readFile(file: string): string | undefined;
  env: Record<string, string | undefined>;
}

const isMap = (value: ConfigValue | undefined): value is ConfigMap =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** Blocks whose `password`/`token` the server compares against what a connecting client sends. */
const CHECKED_CREDENTIALS: Record<string, readonly string[]> = {
  authorization: ['password', 'token'],
  user: ['password'],
  leafAuthorization: ['password'],
  leafUser: ['password'],
  simpleAuthorization: ['password'],
};

const PUBLIC_HOSTS = new Set(['', '0.0.0.0', '::', '[::]', '*']);
/** JWTs that are public by design: account and operator claims the server is given to trust. */
const PUBLIC_JWT_PLACES = new Set(['resolver_preload', 'operator', 'trusted', 'trusted_keys', 'system_account']);

function problem(code: SecurityCodeName, at: SourceSpan | undefined, message: string): FileProblem[] {
  if (!at) return [];
  return [{ file: at.file, start: at.start, end: at.end, code, message, severity: SECURITY_RULES[code].severity }];
}

/** Looks a key up in a map whose keys nats-server reads without regard to case. */
function keyOf(map: ConfigMap, ...names: string[]): string | undefined {
  for (const key of Object.keys(map)) if (names.includes(key.toLowerCase())) return key;
  return undefined;
}

function valueOf(map: ConfigMap, ...names: string[]): ConfigValue | undefined {
  const key = keyOf(map, ...names);
  return key === undefined ? undefined : map[key];
}

export function checkConfigSecurity(input: ConfigSecurityInput): FileProblem[] {
  const walked = walkValues(input);
  return [...walked.problems, ...checkListeners(input, walked.tlsBlocks)];
}

/** The findings of the listener rules alone (not the TLS blocks'): what LISTENER_CODES name. */
export function checkListenerExposure(input: ConfigSecurityInput): FileProblem[] {
  return checkListeners(input, []);
}

// ---- every value ------------------------------------------------------------------------------------
// The walk visits every value of the file, so it follows the option table one step per key
// (what findOption would say of the whole key path) and asks the origins only for what it reports.

/** The top level, as a map type, so that stepping into it is the same as stepping into any block. */
const ROOT_PLACE: ValueType = { kind: 'map', block: ROOT_BLOCK.id };

/** Where findOption steps from a value of type `place` by `*`: an array's item, or a key literally named `*`. */
function itemPlace(place: ValueType | undefined): ValueType | undefined {
  if (place === undefined) return undefined;
  const item = arrayItemOf(place);
  if (item !== undefined) return item;
  const block = mapBlockOf(place);
  return block ? (findKeyInBlock(block, ARRAY_ITEM)?.value ?? block.anyKey?.value) : undefined;
}

/** Whether findOption takes `key` under a value of type `place` as an array step (which names no option). */
const isArrayStep = (place: ValueType | undefined, key: string) =>
  key === ARRAY_ITEM || (startsWithDigit(key) && isArrayItemSegment(key) && place !== undefined && arrayItemOf(place) !== undefined);

/**
 * The type of the value under `key` in a map at `place` (whose keys `block` describes), or null when
 * findOption does not resolve that path: an unknown key, or an array step other than `*`.
 */
function placeUnder(place: ValueType | undefined, block: BlockSpec | undefined, key: string): ValueType | null {
  if (!block || isArrayStep(place, key)) return null;
  const named = findKeyInBlock(block, key);
  if (named) return named.name === ARRAY_ITEM ? null : named.value;
  return block.anyKey ? block.anyKey.value : null;
}

/** The option findOption resolves `key` in a map at `place` to, by name (`key` itself for a user-chosen key). */
function optionUnder(place: ValueType | undefined, block: BlockSpec, key: string): string | undefined {
  if (isArrayStep(place, key)) return undefined;
  const named = findKeyInBlock(block, key);
  const name = named ? named.name : block.anyKey ? key : undefined;
  return name === ARRAY_ITEM ? undefined : name;
}

const startsWithDigit = (key: string) => { const c = key.charCodeAt(0); return c >= 48 && c <= 57; };

/**
 * A test for `words.has(key) || words.has(key.toLowerCase())` that lower-cases (which allocates) only keys
 * that can pass: of a word's length, starting with a word's first letter in either case. Lower-casing keeps
 * the length and the ASCII first letter of any key it turns into an ASCII word.
 */
function caseInsensitiveLookup(words: Iterable<string>): (key: string) => boolean {
  const set = new Set(words);
  const ascii = [...set].every((word) => /^[\x00-\x7f]+$/.test(word));
  const lengths = new Set([...set].map((word) => word.length));
  const firsts = new Set([...set].map((word) => word.charCodeAt(0)));
  return (key) => {
    if (ascii) {
      if (!lengths.has(key.length)) return false;
      const first = key.charCodeAt(0);
      if (first < 128 && !firsts.has(first) && !firsts.has(first >= 65 && first <= 90 ? first + 32 : first)) return false;
    }
    return set.has(key) || set.has(key.toLowerCase());
  };
}

/** Blocks named for a JWT (the names are lower case); checked only once a string looks like one. */
const isPublicJwtPlace = caseInsensitiveLookup(PUBLIC_JWT_PLACES);

// Most of a large file (permissions, subjects, URLs) can say nothing wherever it sits: the walk skips
// such values after a quick scan, so only the rest takes a place on its stack and in its record of
// visited objects (the costliest part of visiting a value).

/**
 * Whether `key` may name a checked password or token in some block, exactly or without regard to case:
 * the spellings of those options (a block of user-chosen keys would name one by the key itself).
 */
const mayNameCredential = caseInsensitiveLookup(
  Object.entries(CHECKED_CREDENTIALS).flatMap(([id, names]) => [
    ...names,
    ...(BLOCKS[id as BlockId]?.keys ?? []).filter((option) => names.includes(option.name)).flatMap(spellings),
  ]),
);

/** Whether a string under `key` may be reported somewhere: a seed or JWT shape, or a value under a credential's name. */
const mayMatter = (key: string, value: string) => maySecret(value) || (value !== '' && mayNameCredential(key));

const isTlsKey = (key: string) => key.length === 3 && key.toLowerCase() === 'tls';

const isContainer = (value: ConfigValue): value is ConfigMap | ConfigValue[] =>
  typeof value === 'object' && value !== null && !(value instanceof Date);

// The scan looks at a bounded number of values and levels, so a large, deep or shared value cannot make it costly.
const INERT_SCAN_VALUES = 200;
const INERT_SCAN_DEPTH = 8;
let inertScanBudget = 0;

/**
 * Whether nothing in `container` can be reported or hold a tls block, wherever it sits in the file.
 * False when unsure (the scan stopped at its bounds); such a container is simply walked.
 */
function isInert(container: ConfigMap | ConfigValue[]): boolean {
  inertScanBudget = INERT_SCAN_VALUES;
  return scanInert(container, 0);
}

function scanInert(container: ConfigMap | ConfigValue[], depth: number): boolean {
  if (depth > INERT_SCAN_DEPTH) return false;
  if (Array.isArray(container)) {
    for (let i = 0; i < container.length; i++) {
      if (--inertScanBudget < 0) return false;
      const value = container[i];
      if (typeof value === 'string' ? maySecret(value) : isContainer(value) && !scanInert(value, depth + 1)) return false;
    }
    return true;
  }
  const keys = Object.keys(container);
  for (let i = 0; i < keys.length; i++) {
    if (--inertScanBudget < 0) return false;
    const key = keys[i];
    const value = container[key];
    if (typeof value === 'string') {
      if (mayMatter(key, value)) return false;
    } else if (isContainer(value) && ((isTlsKey(key) && isMap(value)) || !scanInert(value, depth + 1))) {
      return false;
    }
  }
  return true;
}

/** Bits of a path's state in the walk; LOST: the path was reset past an unknown key. */
const LOST = 0;
const KNOWN = 1;
const PUBLIC_JWT = 2;

/**
 * Every string in the configuration, with where the option table puts it; each object once.
 * Also collects every `tls` block on the way (in the order met), so the TLS checks need no second walk.
 */
function walkValues(input: ConfigSecurityInput): { problems: FileProblem[]; tlsBlocks: ConfigMap[] } {
  const out: FileProblem[] = [];
  const tlsBlocks: ConfigMap[] = [];
  // A container is claimed here at its first value that may matter; one claimed already is skipped
  // from there on, as nothing before that value could be reported.
  const seen = new Set<object>();
  const claim = (container: object) => { const before = seen.size; seen.add(container); return seen.size !== before; };
  // One entry per container still to visit, in parallel arrays (no object per container):
  // `places` is the table's type for it (undefined once the table cannot follow); `paths` says whether
  // its key path from the top still counts (KNOWN; past an unknown key the path starts again at the
  // next key) and whether that path passes through a place where JWTs are public (PUBLIC_JWT).
  const containers: (ConfigMap | ConfigValue[])[] = [input.value];
  const places: (ValueType | undefined)[] = [ROOT_PLACE];
  const paths: number[] = [KNOWN];
  while (containers.length) {
    const container = containers.pop()!;
    const place = places.pop();
    const path = paths.pop()!;
    const isKnown = (path & KNOWN) !== 0;
    const isPublic = path === (KNOWN | PUBLIC_JWT);
    let claimed = false;
    if (Array.isArray(container)) {
      // Every item takes the same step; the items of an array under an unknown key stay unknown.
      let items: ValueType | undefined;
      let stepped = false;
      for (let i = 0; i < container.length; i++) {
        const value = container[i];
        if (typeof value === 'string') {
          if (!maySecret(value)) continue;
          if (!claimed && !(claimed = claim(container))) break;
          const found = secretProblem(value, isPublic, ARRAY_ITEM);
          if (found) report(out, found, input.origins.itemAt(container, i));
        } else if (isContainer(value)) {
          if (isInert(value)) continue;
          if (!claimed && !(claimed = claim(container))) break;
          if (isKnown && !stepped) { items = itemPlace(place); stepped = true; }
          containers.push(value);
          places.push(isKnown ? items : undefined);
          paths.push(isKnown ? path : LOST);
        }
      }
      continue;
    }
    const keys = Object.keys(container);
    // The block the keys of this map are looked up in, for keys that are not array steps.
    const block = isKnown && place !== undefined ? mapBlockOf(place) : undefined;
    const credentials = block ? CHECKED_CREDENTIALS[block.id] : undefined;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const value = container[key];
      if (typeof value === 'string') {
        if (!mayMatter(key, value)) continue;
        if (!claimed && !(claimed = claim(container))) break;
        const found = secretProblem(value, isPublic, key);
        if (found) { report(out, found, input.origins.valueAt(container, key)); continue; }
        if (credentials === undefined || value === '') continue;
        // Only the keys of a block holding checked credentials need their option.
        const option = optionUnder(place, block!, key);
        if (option !== undefined && credentials.includes(option) && !isBcryptHash(value)) plaintextCredential(input, out, container, key, option);
        continue;
      }
      if (!isContainer(value)) continue;
      const isTls = isTlsKey(key) && isMap(value);
      if (!isTls && isInert(value)) continue;
      if (!claimed && !(claimed = claim(container))) break;
      if (isTls) tlsBlocks.push(value);
      containers.push(value);
      if (!isKnown) {
        places.push(undefined);
        paths.push(LOST);
        continue;
      }
      // `*` is an array step even in a map: the path goes on where findOption says nothing of it.
      const under = key === ARRAY_ITEM ? itemPlace(place) : placeUnder(place, block, key);
      places.push(under ?? undefined);
      paths.push(under === null ? LOST : isPublic || isPublicJwtPlace(key) ? KNOWN | PUBLIC_JWT : KNOWN);
    }
  }
  return { problems: out, tlsBlocks };
}

interface Finding { code: SecurityCodeName; message: string }

const SEED_FINDING: Finding = {
  code: SecurityCode.secretInConfig,
  message: 'This is an nkey seed, the private key of an identity: anyone who can read this file can act as it. Configure the public key (starting with U, A or O) here and keep the seed in a credentials file only its owner can read.',
};
const JWT_FINDING: Finding = {
  code: SecurityCode.secretInConfig,
  message: 'This JWT is written into the configuration; a user JWT can log in on its own when it is a bearer token. Reference a credentials file instead (e.g. credentials: "/etc/nats/app.creds") and keep it readable only by its owner.',
};

/** Whether a string may be a seed or a JWT: both shapes are fixed ("S" and 51+ characters; "eyJ…" of 9 or more), most strings fail here. */
function maySecret(value: string): boolean {
  if (value.length < 9) return false;
  const first = value.charCodeAt(0);
  return first === 83 /* S */ ? value.length >= 52 : first === 101 /* e */;
}

/** A seed, or a JWT outside the places it is public (the path above `key` may already be one). */
function secretProblem(value: string, pathIsPublic: boolean, key: string): Finding | undefined {
  if (!maySecret(value)) return undefined;
  if (value.charCodeAt(0) === 83 /* S */ && isNkeySeed(value)) return SEED_FINDING;
  if (isJwt(value)) {
    if (!pathIsPublic && !isPublicJwtPlace(key)) return JWT_FINDING;
  }
  return undefined;
}

function report(out: FileProblem[], finding: Finding, at: SourceSpan | undefined): void {
  if (at) out.push({ file: at.file, start: at.start, end: at.end, code: finding.code, message: finding.message, severity: SECURITY_RULES[finding.code].severity });
}

function plaintextCredential(input: ConfigSecurityInput, out: FileProblem[], map: ConfigMap, key: string, option: string): void {
  const at = input.origins.valueAt(map, key);
  if (!at) return;
  const reference = referencedVariable(input, at);
  if (reference !== undefined && input.env[reference] !== undefined) return; // supplied by the environment at run time
  const what = option === 'token' ? 'token' : 'password';
  report(out, { code: SecurityCode.plaintextPassword, message: plaintextMessage(what, reference) }, at);
}

const plainMessages = new Map<string, string>();

function plaintextMessage(what: 'token' | 'password', reference: string | undefined): string {
  // Plain ASCII on purpose: one character beyond it makes the whole JSON of a publish a two-byte
  // string, and a large file publishes this message thousands of times.
  const build = () => `This ${what} is stored in plain text${reference ? ` (through $${reference})` : ''}: anyone who can read the configuration can log in. Store a bcrypt hash instead (\`nats server passwd\` prints one, e.g. "$2a$11$...") and give clients the plain ${what}.`;
  if (reference) return build();
  // Large files repeat the same finding thousands of times.
  let message = plainMessages.get(what);
  if (message === undefined) plainMessages.set(what, (message = build()));
  return message;
}

/** The variable name when the value is written as `$NAME` at `at`. */
function referencedVariable(input: ConfigSecurityInput, at: SourceSpan): string | undefined {
  const file = input.readFile(at.file);
  if (file === undefined || file.charCodeAt(at.start) !== 36 /* $ */) return undefined;
  const match = /^\$\{?([A-Za-z_][\w.-]*)\}?$/.exec(file.slice(at.start, at.end));
  return match ? match[1] : undefined;
}

// ---- listeners ------------------------------------------------------------------------------------

interface Listener { host: string; port?: number }

/** Where a block listens: `listen` ("host:port" or a port) with `host`/`port` overriding its halves. */
function listenerOf(block: ConfigMap, defaultPort: number | undefined): Listener | undefined {
  let host = '';
  let port: number | undefined;
  const listen = valueOf(block, 'listen');
  if (typeof listen === 'string') {
    const at = listen.lastIndexOf(':');
    host = at >= 0 ? listen.slice(0, at) : listen;
    port = at >= 0 ? Number(listen.slice(at + 1)) : undefined;
  } else if (typeof listen === 'bigint' || typeof listen === 'number') {
    port = Number(listen);
  }
  const hostKey = valueOf(block, 'host', 'net');
  if (typeof hostKey === 'string') host = hostKey;
  const portKey = valueOf(block, 'port');
  if (typeof portKey === 'bigint' || typeof portKey === 'number') port = Number(portKey);
  if (port === undefined) port = defaultPort;
  return port === undefined ? undefined : { host, port };
}

const isPublic = (listener: Listener) => PUBLIC_HOSTS.has(listener.host.trim());

function hasCredentials(authorization: ConfigValue | undefined): boolean {
  if (!isMap(authorization)) return false;
  return ['user', 'username', 'users', 'token', 'nkey', 'auth_callout'].some((key) => valueOf(authorization, key) !== undefined);
}

/** Mutual TLS: peers must present a certificate the server verifies. */
function verifiesPeers(block: ConfigMap): boolean {
  const tls = valueOf(block, 'tls');
  return isMap(tls) && (valueOf(tls, 'verify') === true || valueOf(tls, 'verify_and_map') === true);
}

/** Client users that leafnode connections without leaf credentials are checked against. */
function hasClientAuth(config: ConfigMap): boolean {
  if (hasCredentials(valueOf(config, 'authorization'))) return true;
  if (['operator', 'trusted', 'trusted_keys'].some((key) => valueOf(config, key) !== undefined)) return true;
  const accounts = valueOf(config, 'accounts');
  return isMap(accounts) && Object.values(accounts).some((account) => isMap(account) && (valueOf(account, 'users') !== undefined || valueOf(account, 'nkey') !== undefined));
}

/**
 * Keys whose value the listener and TLS rules below read beside other keys (a finding at one key
 * depends on another's value). The quick check (quickCheck.ts) must not answer an edit of these
 * from a miniature of the file: keep this list in step with checkListeners and checkTls. (Which
 * keys are present cannot change by rewriting a value, except one nats-server drops, and the quick
 * check never answers those.)
 */
export const READ_TOGETHER = ['listen', 'host', 'net', 'port', 'verify', 'verify_and_map', 'insecure', 'no_auth_user', 'no_tls', 'allow_non_tls'] as const;

/**
 * Keys whose presence the listener and TLS rules below read beside other keys (whether a block has
 * credentials, client users, peer verification, a listener at all). Renaming a key to or from one
 * of these can change a finding elsewhere, so the quick check never answers such a rename; keep
 * this list in step with checkListeners, hasCredentials, hasClientAuth, verifiesPeers and checkTls.
 */
/** The codes checkListeners reports besides the TLS blocks' (checkListenerExposure). */
export const LISTENER_CODES: readonly string[] = [SecurityCode.openListenerWithoutAuth, SecurityCode.noAuthUserPublic, SecurityCode.allowNonTls];

/**
 * The keys whose values the listener rules read (a subset of READ_TOGETHER, which also has the TLS
 * blocks' keys): where each listener binds and who gets in without credentials.
 */
export const LISTENER_VALUES: readonly string[] = ['listen', 'host', 'net', 'port', 'no_auth_user', 'no_tls', 'allow_non_tls'];

export const PRESENCE_READ = [
  ...READ_TOGETHER, 'cluster', 'gateway', 'leafnodes', 'websocket', 'mqtt', 'authorization', 'user', 'username', 'users', 'token',
  'nkey', 'auth_callout', 'operator', 'trusted', 'trusted_keys', 'accounts', 'tls', 'ca_file', 'ca',
] as const;

const LISTENER_BLOCKS: { key: string; title: string; peers: string }[] = [
  { key: 'cluster', title: 'cluster', peers: 'joins the cluster and receives every message' },
  { key: 'gateway', title: 'gateway', peers: 'joins the super-cluster as a gateway' },
  { key: 'leafnodes', title: 'leafnodes', peers: 'connects as a leaf node and exchanges messages' },
];

function checkListeners(input: ConfigSecurityInput, tlsBlocks: readonly ConfigMap[]): FileProblem[] {
  const config = input.value;
  const origins = input.origins;
  const out: FileProblem[] = [];
  for (const { key, title, peers } of LISTENER_BLOCKS) {
    const written = keyOf(config, key);
    const block = written === undefined ? undefined : config[written];
    if (written === undefined || !isMap(block)) continue;
    const listener = listenerOf(block, undefined);
    if (!listener || !isPublic(listener)) continue;
    if (hasCredentials(valueOf(block, 'authorization')) || verifiesPeers(block)) continue;
    if (key === 'leafnodes' && hasClientAuth(config)) continue;
    out.push(...problem(SecurityCode.openListenerWithoutAuth, origins.keyAt(config, written),
      `The ${title} listener${listener.port !== undefined ? ` on port ${listener.port}` : ''} is bound to all interfaces and asks for no credentials: anyone who reaches it ${peers}. Add ${title} { authorization { user: ..., password: "$2a$..." } } or TLS with verify: true, or bind host to a private address.`));
  }

  const clientListeners: { block: ConfigMap; name: string; defaultPort: number }[] = [{ block: config, name: 'client', defaultPort: 4222 }];
  for (const name of ['websocket', 'mqtt']) {
    const written = keyOf(config, name);
    const block = written === undefined ? undefined : config[written];
    if (isMap(block)) clientListeners.push({ block, name, defaultPort: -1 });
  }
  for (const { block, name, defaultPort } of clientListeners) {
    const listener = listenerOf(block, defaultPort === -1 ? undefined : defaultPort);
    if (!listener || !isPublic(listener)) continue;
    const noAuthKey = keyOf(block, 'no_auth_user');
    const noAuthUser = noAuthKey === undefined ? undefined : block[noAuthKey];
    if (noAuthKey !== undefined && typeof noAuthUser === 'string' && noAuthUser !== '') {
      out.push(...problem(SecurityCode.noAuthUserPublic, origins.valueAt(block, noAuthKey),
        `Anyone who reaches the ${name} listener (bound to all interfaces) without credentials is logged in as "${noAuthUser}" with its permissions. Bind host to a private address, or remove no_auth_user so every client must authenticate.`));
    }
    const noTlsKey = name === 'websocket' ? keyOf(block, 'no_tls') : undefined;
    if (noTlsKey !== undefined && block[noTlsKey] === true) {
      out.push(...problem(SecurityCode.allowNonTls, origins.valueAt(block, noTlsKey),
        'no_tls: true serves plain ws:// on all interfaces, so credentials and messages cross the network readable. Configure websocket { tls { cert_file, key_file } }, or keep no_tls only behind a TLS-terminating proxy with host: "127.0.0.1".'));
    }
  }
  const allowNonTls = keyOf(config, 'allow_non_tls');
  if (allowNonTls !== undefined && config[allowNonTls] === true && isMap(valueOf(config, 'tls'))) {
    out.push(...problem(SecurityCode.allowNonTls, origins.valueAt(config, allowNonTls),
      'allow_non_tls: true lets clients skip TLS although tls is configured, so their credentials and messages may cross the network readable. Remove it once every client connects with TLS.'));
  }
  // Every `tls` block anywhere (listeners, remotes, gateways, …), as walkValues met them.
  for (const tls of tlsBlocks) out.push(...checkTls(input, tls));
  return out;
}

function checkTls(input: ConfigSecurityInput, tls: ConfigMap): FileProblem[] {
  const out: FileProblem[] = [];
  const insecure = keyOf(tls, 'insecure');
  if (insecure !== undefined && tls[insecure] === true) {
    out.push(...problem(SecurityCode.tlsVerificationDisabled, input.origins.valueAt(tls, insecure),
      "insecure: true accepts any certificate from the server this one connects to, so anyone on the path can impersonate it. Remove it and set ca_file to the CA that signed the server's certificate."));
  }
  const verify = keyOf(tls, 'verify');
  if (verify !== undefined && tls[verify] === false && valueOf(tls, 'ca_file', 'ca') !== undefined) {
    out.push(...problem(SecurityCode.tlsVerificationDisabled, input.origins.valueAt(tls, verify),
      'verify: false with a ca_file: client certificates are not required, so the CA is never used to check them. Set verify: true to require certificates signed by that CA, or remove ca_file if no client certificates are meant.'));
  }
  return out;
}
