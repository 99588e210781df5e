// Rewrites of one scalar value or one key, as a user types them, for tests comparing the quick check
// with the full check: a character more, a character less, and values or keys of other kinds.
import { SCALAR_TOKEN_KINDS } from '../../server/src/syntax/tokens';
import type { Token } from '../../server/src/syntax/tree';

export const VALUE_REWRITES: readonly ((written: string) => string)[] = [
  (t) => (/^["']/.test(t) ? `${t.slice(0, -1)}x${t.slice(-1)}` : `${t}x`),
  (t) => (t.length > 1 ? t.slice(0, -1) : `${t}1`),
  () => '"pw"',
  () => 'true',
  () => '4222',
  () => '"a.b.>"',
  () => '1kbb',
  () => '"$2a$11$PWIFAL8RPZ3hzrMZUvqTce5Fc.Ww/NNd2nHNNiKpmNxXb6zOHbT0a"',
];

export function scalarTokens(tokens: readonly Token[]): Token[] {
  return tokens.filter((token) => SCALAR_TOKEN_KINDS.has(token.kind));
}

/** `text` with `token` rewritten by the `which`-th rewrite (any number: it wraps around). */
export function rewriteValue(text: string, token: Token, which: number): string {
  return text.slice(0, token.start) + VALUE_REWRITES[which % VALUE_REWRITES.length](token.text) + text.slice(token.end);
}

/** Keys typed over a key: a typo, other case, another option (known, an alias, one the listener
 * rules read), a variable-style name, and `include`. Quotes of a quoted key are kept. */
export const KEY_REWRITES: readonly ((name: string) => string)[] = [
  (name) => `${name}x`,
  (name) => (name.length > 1 ? name.slice(0, -1) : `${name}1`),
  (name) => name.toUpperCase(),
  () => 'debug',
  () => 'max_conn',
  () => 'port',
  () => 'users',
  () => 'LIMIT',
  () => 'include',
];

export function keyTokens(tokens: readonly Token[]): Token[] {
  return tokens.filter((token) => token.kind === 'key');
}

/** `text` with the key `token` rewritten by the `which`-th key rewrite (any number: it wraps around). */
export function rewriteKey(text: string, token: Token, which: number): string {
  const quote = /^["']/.test(token.text) ? token.text[0] : '';
  const name = quote ? token.text.slice(1, -1) : token.text;
  return text.slice(0, token.start) + quote + KEY_REWRITES[which % KEY_REWRITES.length](name) + quote + text.slice(token.end);
}
