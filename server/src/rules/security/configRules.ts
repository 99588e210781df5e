// Security lints over a configuration as nats-server loads it (variables and includes applied):
// each finding points at the text that causes it, in whichever file that is.

import { findOption } from '../../facts/optionLookup';
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

/**
 * Every string in the configuration, with the canonical option path above it; each object once.
 * Also collects every `tls` block on the way (in the order met), so the TLS checks need no second walk.
 */
function walkValues(input: ConfigSecurityInput): { problems: FileProblem[]; tlsBlocks: ConfigMap[] } {
  const out: FileProblem[] = [];
  const tlsBlocks: ConfigMap[] = [];
  const seen = new Set<object>();
  // `path` is the written key path ('*' for array items); `known` says whether the option table still resolves it.
  const stack: { container: ConfigMap | ConfigValue[]; path: string[]; known: boolean }[] = [{ container: input.value, path: [], known: true }];
  while (stack.length) {
    const { container, path, known } = stack.pop()!;
    if (seen.has(container)) continue;
    seen.add(container);
    // Indexed loops instead of per-child tuples: this runs once for every value of the file.
    const isArray = Array.isArray(container);
    const keys = isArray ? undefined : Object.keys(container);
    const count = isArray ? container.length : keys!.length;
    for (let i = 0; i < count; i++) {
      const key = isArray ? '*' : keys![i];
      const value = isArray ? container[i] : container[key];
      const childPath = [...path, key];
      const resolved = known && key !== '*' ? findOption(childPath) : undefined;
      if (typeof value === 'string') {
        const at = isArray ? input.origins.itemAt(container, i) : input.origins.valueAt(container, key);
        const found = checkString(input, value, at, childPath, resolved?.block.id, resolved?.option.name);
        for (const problem of found) out.push(problem);
      } else if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
        if (!isArray && key.toLowerCase() === 'tls' && isMap(value)) tlsBlocks.push(value);
        // Past an unknown key the table cannot say more; keep the path short so deep files stay linear.
        const stillKnown = known && (key === '*' || resolved !== undefined);
        stack.push({ container: value, path: stillKnown ? childPath : [], known: stillKnown });
      }
    }
  }
  return { problems: out, tlsBlocks };
}

function checkString(input: ConfigSecurityInput, value: string, at: SourceSpan | undefined, path: string[], block: string | undefined, option: string | undefined): FileProblem[] {
  if (isNkeySeed(value)) {
    return problem(SecurityCode.secretInConfig, at,
      'This is an nkey seed, the private key of an identity: anyone who can read this file can act as it. Configure the public key (starting with U, A or O) here and keep the seed in a credentials file only its owner can read.');
  }
  if (isJwt(value) && !path.some((segment) => PUBLIC_JWT_PLACES.has(segment.toLowerCase()))) {
    return problem(SecurityCode.secretInConfig, at,
      'This JWT is written into the configuration; a user JWT can log in on its own when it is a bearer token. Reference a credentials file instead (e.g. credentials: "/etc/nats/app.creds") and keep it readable only by its owner.');
  }
  if (block && option && CHECKED_CREDENTIALS[block]?.includes(option) && value !== '' && !isBcryptHash(value)) {
    const reference = at && referencedVariable(input, at);
    if (reference !== undefined && input.env[reference] !== undefined) return []; // supplied by the environment at run time
    const what = option === 'token' ? 'token' : 'password';
    return problem(SecurityCode.plaintextPassword, at,
      `This ${what} is stored in plain text${reference ? ` (through $${reference})` : ''}: anyone who can read the configuration can log in. Store a bcrypt hash instead (\`nats server passwd\` prints one, e.g. "$2a$11$…") and give clients the plain ${what}.`);
  }
  return [];
}

/** The variable name when the value is written as `$NAME` at `at`. */
function referencedVariable(input: ConfigSecurityInput, at: SourceSpan): string | undefined {
  const text = input.readFile(at.file)?.slice(at.start, at.end);
  const match = text ? /^\$\{?([A-Za-z_][\w.-]*)\}?$/.exec(text) : null;
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
      `The ${title} listener${listener.port !== undefined ? ` on port ${listener.port}` : ''} is bound to all interfaces and asks for no credentials: anyone who reaches it ${peers}. Add ${title} { authorization { user: …, password: "$2a$…" } } or TLS with verify: true, or bind host to a private address.`));
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
