// Whether a program accepts a variable's value, decided by the table's type for that program and
// version. Each check says what the program does with a bad value and what to write instead.
import { BOOL_SYNTAX, boolSyntaxOf, splitHostPort, WasmcloudVariable } from '../../facts/wasmcloudVars';
import { isJwt } from '../../secrets';
import { describeProgram, describeProgramAtStart } from './program';

export interface ValueProblem {
  message: string;
  /** The value to write instead, when one is clear. */
  replacement?: string;
  /** Defaults to the rule's (error); a value silently read as something else is a warning. */
  severity?: 'warning';
}

export interface ValueContext {
  version?: string;
  /** JetStream domains the workspace's servers serve, to suggest one for a malformed domain. */
  knownDomains?: readonly string[];
}

type Check = (value: string, row: WasmcloudVariable, ctx: ValueContext) => ValueProblem | undefined;

const SEED_KINDS: Record<string, string> = { SU: 'user', SN: 'server', SC: 'cluster', SA: 'account', SO: 'operator', SX: 'curve', SP: 'private' };

const who = (row: WasmcloudVariable, ctx: ValueContext) => describeProgram(row.component, ctx.version);
const Who = (row: WasmcloudVariable, ctx: ValueContext) => describeProgramAtStart(row.component, ctx.version);
/** A file path where the program also accepts one (wadm reads JWTs and seeds from files). */
const looksLikePath = (value: string) => /[/\\]/.test(value) || /\.(nk|jwt|seed|txt|creds)$/i.test(value);

const TRUTHY = /^(1|true|yes|y|on|enabled?)$/i;
const FALSY = /^(0|false|no|n|off|disabled?)$/i;

const checkBool: Check = (value, row, ctx) => {
  const syntax = BOOL_SYNTAX[boolSyntaxOf(row, ctx.version)];
  const norm = syntax.caseSensitive ? value : value.toLowerCase();
  const accepted = [...syntax.trueValues, ...syntax.falseValues] as string[];
  if (accepted.includes(norm)) return undefined;
  const meant = TRUTHY.test(value) ? 'true' : FALSY.test(value) ? 'false' : undefined;
  if (syntax.otherValues === 'error') {
    const [yes, no] = [syntax.trueValues[0], syntax.falseValues[0]];
    const replacement = meant === undefined ? undefined : meant === 'true' ? yes : no;
    return {
      message: `${row.name}=${value} is not a boolean ${who(row, ctx)} accepts: it refuses to start ("invalid value '${value}'"). Write exactly ${yes} or ${no}${yes === 'true' ? ' (lower case)' : ''}.`,
      replacement,
    };
  }
  // Other texts are silently false: only worth saying when the text was meant as true.
  if (meant !== 'true') return undefined;
  return {
    message: `${Who(row, ctx)} reads ${row.name}=${value} as false: it takes only ${syntax.trueValues.join(', ')} as true${syntax.caseSensitive ? '' : ' (any case)'}, everything else means false. Write ${syntax.trueValues.includes('true') ? 'true' : syntax.trueValues[0]}.`,
    replacement: syntax.trueValues.includes('true') ? 'true' : syntax.trueValues[0],
    severity: 'warning',
  };
};

const checkPort: Check = (value, row, ctx) => {
  if (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 65535) return undefined;
  const embedded = /:(\d{1,5})\/?$/.exec(value);
  const replacement = embedded && Number(embedded[1]) >= 1 && Number(embedded[1]) <= 65535 ? embedded[1] : undefined;
  const why = /^\d+$/.test(value) ? `${value} is outside 1-65535` : `'${value}' is not a port number`;
  return { message: `${row.name}: ${why}, so ${who(row, ctx)} refuses to start. Write the port alone, e.g. ${row.default ?? '4222'}.`, replacement };
};

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

function numberCheck(unit: 'ms' | 's' | undefined): Check {
  return (value, row, ctx) => {
    const negativeAllowed = row.default?.startsWith('-') ?? false;
    if ((negativeAllowed ? /^-?\d+$/ : /^\d+$/).test(value)) return undefined;
    const withUnit = /^(\d+)\s*(ms|s|m|h)$/i.exec(value);
    let replacement: string | undefined;
    if (withUnit && unit) {
      const ms = Number(withUnit[1]) * UNITS[withUnit[2].toLowerCase()];
      const converted = unit === 'ms' ? ms : ms / 1000;
      if (Number.isInteger(converted)) replacement = String(converted);
    } else if (/^\d+(_\d+)+$/.test(value)) {
      replacement = value.replace(/_/g, '');
    }
    const what = unit === 'ms' ? 'a whole number of milliseconds' : unit === 's' ? 'a whole number of seconds' : negativeAllowed ? 'a whole number' : 'a non-negative whole number';
    return {
      message: `${row.name}=${value} is not ${what}: ${who(row, ctx)} refuses to start. Write digits only${unit ? ', without a unit' : ''}${replacement ? ` (${replacement})` : ''}.`,
      replacement,
    };
  };
}

const checkLattice: Check = (value, row, ctx) => {
  if (/^[A-Za-z0-9_-]+$/.test(value)) return undefined;
  const replacement = value.trim().replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || undefined;
  return {
    message: `Lattice name '${value}' has characters other than letters, digits, '-' and '_'. ${Who(row, ctx)} puts it in NATS subjects and in the JetStream bucket names LATTICEDATA_<lattice> and CONFIGDATA_<lattice>, which JetStream refuses, so the host cannot start its lattice.${replacement ? ` Write '${replacement}'.` : ''}`,
    replacement,
  };
};

/** What is wrong with a subject to publish on, or undefined when nothing is. */
export function publishSubjectProblem(subject: string): string | undefined {
  if (/\s/.test(subject)) return 'contains whitespace';
  const tokens = subject.split('.');
  if (tokens.some((t) => t === '')) return 'has an empty token (a leading, trailing or doubled dot)';
  if (tokens.some((t) => t === '*' || t === '>')) return "contains a wildcard ('*' or '>'), which only subscriptions may use";
  return undefined;
}

const checkSubject: Check = (value, row, ctx) => {
  const problem = publishSubjectProblem(value);
  if (!problem) return undefined;
  const replacement = row.default !== undefined && publishSubjectProblem(row.default) === undefined && /\s|\.\.|^\.|\.$/.test(value) ? value.trim().replace(/\s+/g, '').replace(/\.{2,}/g, '.').replace(/^\.|\.$/g, '') : undefined;
  return {
    message: `${row.name}='${value}' ${problem}: ${who(row, ctx)} publishes to this subject, and NATS does not deliver to such a subject (hosts from 1.2.0 refuse to start). Write a plain subject like ${row.default ?? 'wasmcloud.policy'}.`,
    replacement: replacement && publishSubjectProblem(replacement) === undefined ? replacement : undefined,
  };
};

const checkDomain: Check = (value, row, ctx) => {
  const bad = /[.*>\s]/.exec(value);
  if (!bad) return undefined;
  const cleaned = value.replace(/[.*>\s]+/g, '');
  const known = ctx.knownDomains?.find((d) => d === value.trim() || d === cleaned || d.toLowerCase() === value.trim().toLowerCase());
  const what = /\s/.test(bad[0]) ? 'whitespace' : `'${bad[0]}'`;
  return {
    message: `JetStream domain '${value}' contains ${what}: the domain becomes part of the API subject $JS.<domain>.API, so requests never reach JetStream (nats-server refuses such a domain too). Write the domain exactly as a server's jetstream { domain: ... } names it${known ? ` ('${known}')` : ''}.`,
    replacement: known,
  };
};

const checkSeed: Check = (value, row, ctx) => {
  if (row.component === 'wadm' && looksLikePath(value)) return undefined;
  const expected = row.seedPrefix ?? 'SU';
  const kind = SEED_KINDS[expected];
  if (new RegExp(`^${expected}[A-Z2-7]{50,}$`).test(value)) return undefined;
  let why: string;
  if (/^S[A-Z][A-Z2-7]{50,}$/.test(value)) why = `is ${/^[AEIOU]/.test(SEED_KINDS[value.slice(0, 2)] ?? 'x') ? 'an' : 'a'} ${SEED_KINDS[value.slice(0, 2)] ?? 'unknown'} seed (${value.slice(0, 2)}...)`;
  else if (/^[UNACO][A-Z2-7]{50,}$/.test(value)) why = 'is a public key, not a seed';
  else if (/^(eyJ|-----BEGIN)/.test(value)) why = 'is a JWT or creds text, not a seed';
  else why = 'is not an nkey seed';
  return { message: `${row.name} ${why}: ${who(row, ctx)} needs the ${kind} seed, ${expected}... (58 characters), and fails to start or to connect with anything else.` };
};

const checkJwt: Check = (value, row, ctx) => {
  if (isJwt(value) || (row.component === 'wadm' && looksLikePath(value))) return undefined;
  const why = /^S[A-Z][A-Z2-7]{50,}$/.test(value) ? 'is an nkey seed, not a JWT' : 'is not a JWT';
  return { message: `${row.name} ${why}: ${who(row, ctx)} sends it to the server to log in, and the connection is refused. Write the user JWT (eyJ...), or use a .creds file.` };
};

function choiceCheck(kind: string): Check {
  return (value, row, ctx) => {
    const allowed = row.values ?? [];
    if (allowed.some((v) => v.toLowerCase() === value.toLowerCase())) return undefined;
    const lower = value.toLowerCase();
    const replacement = allowed.find((v) => lower.startsWith(v) || v.startsWith(lower)) ?? (lower === 'warning' ? 'warn' : undefined);
    return {
      message: `${row.name}=${value} is not a ${kind} ${who(row, ctx)} knows: it refuses to start. Write one of ${allowed.join(', ')}.`,
      replacement,
    };
  };
}

const checkHost: Check = (value, row, ctx) => {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
  const port = !value.startsWith('[') && /^[^:]+:\d+$/.test(value);
  if (!scheme && !port && !/[\s/]/.test(value)) return undefined;
  const host = splitHostPort(value).host;
  const portName = row.name.replace(/_HOST$/, '_PORT');
  return {
    message: `${row.name} takes a host name or IP address alone: ${who(row, ctx)} joins it with the port as nats://<host>:<port>, so '${value}' makes an address it cannot connect to. Write '${host}'${port || scheme ? ` and put the port in ${portName}` : ''}.`,
    replacement: host && host !== value && !/[\s/]/.test(host) ? host : undefined,
  };
};

const checkHostPort: Check = (value, row, ctx) => {
  const { host, port } = splitHostPort(value);
  const rest = value.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const hasPortText = /:[^:\]]*$/.test(rest) && !/^\[[^\]]*\]$/.test(rest);
  if (host !== '' && !/\s/.test(value) && (!hasPortText || (port !== undefined && port >= 1 && port <= 65535))) return undefined;
  return { message: `${row.name}='${value}' is not a NATS address (host:port, port 1-65535): ${who(row, ctx)} cannot connect and stops. Write e.g. ${row.default ?? '127.0.0.1:4222'}.` };
};

const checkSocketAddress: Check = (value, row, ctx) => {
  if (/^(\d{1,3}(\.\d{1,3}){3}|\[[0-9A-Fa-f:.]+\]):\d{1,5}$/.test(value)) return undefined;
  const local = /^localhost:(\d{1,5})$/i.exec(value);
  return {
    message: `${row.name}='${value}' is not an IP address and port: ${who(row, ctx)} refuses to start (a host name is not accepted here). Write e.g. 0.0.0.0:8080.`,
    replacement: local ? `127.0.0.1:${local[1]}` : undefined,
  };
};

const CHECKS: Partial<Record<WasmcloudVariable['type'], Check>> = {
  bool: checkBool,
  port: checkPort,
  integer: numberCheck(undefined),
  'duration-ms': numberCheck('ms'),
  'duration-s': numberCheck('s'),
  lattice: checkLattice,
  subject: checkSubject,
  'js-domain': checkDomain,
  'nkey-seed': checkSeed,
  jwt: checkJwt,
  enum: choiceCheck('value'),
  'log-level': choiceCheck('log level'),
  host: checkHost,
  'host-port': checkHostPort,
  'socket-address': checkSocketAddress,
};

/** What is wrong with a value for this row, or undefined. Empty values are left alone (many programs treat them as unset). */
export function checkValue(row: WasmcloudVariable, value: string, ctx: ValueContext = {}): ValueProblem | undefined {
  const check = CHECKS[row.type];
  if (!check || value === '') return undefined;
  if (!row.list) return check(value, row, ctx);
  for (const item of value.split(',')) {
    const problem = item.trim() === '' ? undefined : check(item.trim(), row, ctx);
    if (problem) return { ...problem, replacement: undefined };
  }
  return undefined;
}
