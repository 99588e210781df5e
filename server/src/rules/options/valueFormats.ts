// Text formats nats-server parses inside string values: Go durations, "host:port", string sizes
// and public nkeys. Each returns undefined when the text is fine, else the reason.

/** Go's time.ParseDuration: [-+]? then number+unit pairs (ns, us, µs, ms, s, m, h); "0" alone is fine. */
export function durationProblem(text: string): string | undefined {
  let s = text;
  if (s.startsWith('-') || s.startsWith('+')) s = s.slice(1);
  if (s === '0') return undefined;
  if (s === '') return `"${text}" is not a duration`;
  const unit = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h)?/;
  while (s !== '') {
    const m = unit.exec(s);
    if (!m || m[0] === '') return `"${text}" is not a duration`;
    if (!m[1]) return `"${text}" has a number without a unit (write e.g. "${s}s")`;
    s = s.slice(m[0].length);
    if (s !== '' && !/^[0-9.]/.test(s)) {
      const bad = /^[^0-9.]+/.exec(s)![0];
      return `"${text}" uses the unit "${m[1]}${bad}", which Go does not know (units: ns, us, ms, s, m, h; there is no d)`;
    }
  }
  return undefined;
}

/** Seconds in a Go duration string that durationProblem accepted. */
export function durationSeconds(text: string): number {
  const factor: Record<string, number> = { ns: 1e-9, us: 1e-6, 'µs': 1e-6, 'μs': 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  let total = 0;
  for (const m of text.matchAll(/([0-9]*\.?[0-9]+)(ns|us|µs|μs|ms|s|m|h)/g)) total += Number(m[1]) * factor[m[2]];
  return text.startsWith('-') ? -total : total;
}

/** nats-server's parseListen for strings: Go's net.SplitHostPort, then a numeric port. */
export function hostPortProblem(text: string): string | undefined {
  let host: string;
  let port: string;
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0) return `"${text}" has "[" without "]"`;
    if (text[close + 1] !== ':') return `"${text}" needs ":port" after "]"`;
    host = text.slice(1, close);
    port = text.slice(close + 2);
  } else {
    const colon = text.lastIndexOf(':');
    if (colon < 0) return `"${text}" has no port (write "${text}:4222", or just the port)`;
    host = text.slice(0, colon);
    port = text.slice(colon + 1);
    if (host.includes(':')) return `"${text}" has too many colons: write an IPv6 host in brackets, "[${host}]:${port}"`;
  }
  if (host.includes('[') || host.includes(']')) return `"${text}" is not a valid address`;
  if (!/^[+-]?[0-9]+$/.test(port)) return `the port "${port}" in "${text}" is not a number`;
  return undefined;
}

export type SizeStringVerdict = { ok: true; bytes: bigint } | { ok: false; reason: string; fixed?: string };

/** nats-server's getStorageSize for strings: digits then one of K, M, G, T (powers of 1024), upper case only. */
export function sizeString(text: string): SizeStringVerdict {
  if (text === '') return { ok: true, bytes: 0n };
  const m = /^(-?[0-9]+)([A-Za-z]*)$/.exec(text);
  const shifts: Record<string, bigint> = { K: 10n, M: 20n, G: 30n, T: 40n };
  if (m && m[2].length === 1 && shifts[m[2]] !== undefined) return { ok: true, bytes: BigInt(m[1]) << shifts[m[2]] };
  if (m && m[2].length === 1 && shifts[m[2].toUpperCase()] !== undefined) {
    return { ok: false, reason: `size strings must end in an upper-case K, M, G or T`, fixed: `"${m[1]}${m[2].toUpperCase()}"` };
  }
  if (m && /^[KMGT][Bb]$|^[kmgt][bB]$/.test(m[2])) {
    return { ok: false, reason: `size strings take a single letter K, M, G or T (no B)`, fixed: `"${m[1]}${m[2][0].toUpperCase()}"` };
  }
  return { ok: false, reason: `size strings are digits followed by K, M, G or T, e.g. "10G"` };
}

// ---- nkeys ---------------------------------------------------------------------------------------

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Decode(text: string): Uint8Array | undefined {
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of text) {
    const v = BASE32.indexOf(ch);
    if (v < 0) return undefined;
    buffer = (buffer << 5) | v;
    bits += 5;
    if (bits >= 8) { out.push((buffer >> (bits - 8)) & 0xff); bits -= 8; }
  }
  return Uint8Array.from(out);
}

/** CRC-16/XMODEM, as nkeys computes its checksum. */
function crc16(data: Uint8Array): number {
  let crc = 0;
  for (const byte of data) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

export const NKEY_PREFIX = { account: 'A', user: 'U', operator: 'O', server: 'N', cluster: 'C', curve: 'X' } as const;
export type NkeyKind = keyof typeof NKEY_PREFIX;

const KIND_WORD: Record<NkeyKind, string> = { account: 'an account', user: 'a user', operator: 'an operator', server: 'a server', cluster: 'a cluster', curve: 'a curve (xkey)' };

/** A public nkey of one of these kinds: 56 base32 characters, the kind's letter first, valid checksum. */
export function nkeyProblem(text: string, kinds: readonly NkeyKind[]): string | undefined {
  const expected = kinds.map((k) => KIND_WORD[k]).join(' or ');
  const raw = base32Decode(text);
  if (!raw || text.length !== 56 || raw.length !== 35) return `"${text}" is not a public nkey (56 characters A-Z, 2-7); expected ${expected} public key`;
  const body = raw.subarray(0, 33);
  const sum = raw[33] | (raw[34] << 8);
  if (crc16(body) !== sum) return `"${text}" has a broken checksum: it is not a valid nkey (copy it again from \`nsc\` or \`nk\`)`;
  if (!kinds.some((k) => text[0] === NKEY_PREFIX[k])) return `"${text}" is not ${expected} public key (those start with ${kinds.map((k) => NKEY_PREFIX[k]).join(' or ')})`;
  return undefined;
}
