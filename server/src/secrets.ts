// What counts as a secret, and how it is hidden. Hovers, outlines, completion details, diagnostics,
// logs and CLI output all go through here, so a secret never leaves the file it is written in.

import type { ResolvedOption, StringFormat } from './facts/optionTypes';

// `credentials` names a file path, not a secret; the file itself is never read.
const SECRET_NAME = /pass|token|nkey|seed|jwt|secret|private|encryption_key/i;
const SECRET_FORMATS: ReadonlySet<StringFormat> = new Set<StringFormat>([
  'user-seed', 'jwt', 'jwt-or-path', 'user-nkey', 'account-nkey', 'operator-nkey', 'curve-xkey', 'any-public-nkey',
]);

/** Shown instead of a secret value. */
export const MASK = '••••••';

/** Whether the value under this key (or variable name) is a secret; the option, when known, decides by its table entry. */
export function isSecretKey(name: string, option?: ResolvedOption): boolean {
  if (option && !option.userDefinedName) {
    const value = option.option.value;
    if (value.kind === 'string' && value.format && SECRET_FORMATS.has(value.format)) return true;
    return SECRET_NAME.test(option.option.name);
  }
  return SECRET_NAME.test(name);
}

/** An nkey seed: the private half of an nkey pair ("SU…" user, "SA…" account, "SO…" operator, …). */
export function isNkeySeed(text: string): boolean {
  return /^S[UAONCXP][A-Z2-7]{50,}$/.test(text);
}

/** A JSON Web Token as NATS uses them (base64url header starting `{"`, payload, signature). */
export function isJwt(text: string): boolean {
  return /^eyJ[\w-]+\.eyJ[\w-]*\.[\w-]*$/.test(text);
}

/** A bcrypt hash ("$2a$11$…"): what nats-server expects instead of a plain-text password. */
export function isBcryptHash(text: string): boolean {
  return /^\$2[abxy]?\$\d\d\$/.test(text);
}

/** Seeds, JWTs and bcrypt hashes look the same under any key. */
export function looksSecret(text: string): boolean {
  return isNkeySeed(text) || isJwt(text) || isBcryptHash(text);
}

/** The value itself, or the mask when it is a secret by its key or by its look. */
export function maskSecret(value: string, key?: string, option?: ResolvedOption): string {
  return (key !== undefined && isSecretKey(key, option)) || looksSecret(value) ? MASK : value;
}

const SECRET_IN_TEXT = /\bS[UAONCXP][A-Z2-7]{50,}\b|\beyJ[\w-]+\.eyJ[\w-]*\.[\w-]*|\$2[abxy]?\$\d\d\$[./A-Za-z0-9]{20,}|-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g;

/**
 * Free text (a message, a log line, a stack trace) with every seed, JWT, bcrypt hash and private
 * key block replaced by the mask: the last line of defence for text that quotes a configuration.
 */
export function redactSecrets(text: string): string {
  // A large file repeats the same few messages thousands of times: each is scanned once.
  const known = redacted.get(text);
  if (known !== undefined) return known;
  // A URL's password (nats://user:password@host) too; the user name stays, it says which account.
  const result = text.replace(SECRET_IN_TEXT, MASK).replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@"']*:)[^\s@/"']+@/gi, `$1${MASK}@`);
  if (redacted.size >= REDACTED_CACHE_SIZE) redacted.clear();
  redacted.set(text, result);
  return result;
}

const REDACTED_CACHE_SIZE = 1024;
const redacted = new Map<string, string>();

const SECRET_ASSIGNMENT = /(\b[\w-]*(?:pass|token|seed|secret|jwt|private|credential)[\w-]*["']?(?:\s*[:=]\s*|\s+)\[?\s*)("[^"\n]*"?|'[^'\n]*'?|[^\s,;{}[\]#]+)/gi;

/**
 * A line of a configuration or env file as it may be quoted in output: secret values (by their
 * key, or by their look) are replaced by bullets of the same length, so carets under the line
 * still point at the same columns.
 */
export function maskSourceLine(line: string): string {
  const bullets = (text: string) => '•'.repeat(text.length);
  // URL passwords first: their text could otherwise look like a key to the pattern below.
  const withoutUrlPasswords = line.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@"']*:)([^\s@/"']+)@/gi, (_all, head: string, password: string) => `${head}${bullets(password)}@`);
  const keyed = withoutUrlPasswords.replace(SECRET_ASSIGNMENT, (_all, key: string, value: string) => {
    const quote = /^["']/.test(value) ? value[0] : '';
    const closed = quote && value.length > 1 && value.endsWith(quote) ? quote : '';
    const inner = value.slice(quote.length, value.length - closed.length);
    return key + quote + (isBcryptHash(inner) ? inner : bullets(inner)) + closed;
  });
  return keyed.replace(SECRET_IN_TEXT, bullets);
}
