// The formatter's last line of defence: the formatted text must read exactly like the original.
// Checked three ways: the same syntax errors and warnings, the same tokens (separators and
// whitespace aside) with the same text, and the same evaluated values.

import { evaluateText } from '../syntax/evaluate';
import { ConfigValue, ParseResult, Token } from '../syntax/tree';

/** Why `after` reads differently from `before`, or undefined when it reads the same. */
export function meaningDifference(before: ParseResult, after: ParseResult): string | undefined {
  const codes = (p: ParseResult) => [...p.errors, ...p.warnings].map((d) => d.code).sort().join(',');
  if (codes(before) !== codes(after)) return `problems were "${codes(before)}", became "${codes(after)}"`;

  const a = meaningfulTokens(before.tokens);
  const b = meaningfulTokens(after.tokens);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i]?.kind !== b[i]?.kind || a[i]?.text !== b[i]?.text) {
      return `token ${i + 1} was ${describe(a[i])}, became ${describe(b[i])}`;
    }
  }

  const valueBefore = canonicalText(evaluateText(before.text).value);
  const valueAfter = canonicalText(evaluateText(after.text).value);
  if (valueBefore !== valueAfter) return 'the evaluated values differ';
  return undefined;
}

function meaningfulTokens(tokens: readonly Token[]): Token[] {
  return tokens.filter((t) => t.kind !== 'whitespace' && t.kind !== 'newline' && t.kind !== 'separator');
}

function describe(token: Token | undefined): string {
  return token ? `${token.kind} ${JSON.stringify(token.text)}` : 'nothing';
}

/** A type-tagged text of a value, so 1 (int), 1.0 (float) and "1" (string) stay different. */
export function canonicalText(value: ConfigValue): string {
  return JSON.stringify(tag(value));
}

function tag(value: ConfigValue): unknown {
  if (typeof value === 'bigint') return { int: value.toString() };
  if (typeof value === 'number') return { float: Object.is(value, -0) ? '-0' : String(value) };
  if (value instanceof Date) return { time: value.getTime() };
  if (Array.isArray(value)) return value.map(tag);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[`k:${key}`] = tag(value[key]);
    return { map: out };
  }
  return value;
}
