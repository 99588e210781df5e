// Rewrites of one scalar value, as a user types them, for tests comparing the quick check with the
// full check: a character more, a character less, and values of other kinds.
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
