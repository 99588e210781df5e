// Scalar values exactly as nats-server's conf parser computes them from lexer items.

import { goToLower, isDigit } from './chars';
import { Code } from './codes';

export type ScalarOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; code: string; message: string }
  /** An integer with a suffix nats-server does not know (`1kbb`): it stores nothing. */
  | { ok: 'dropped'; suffix: string };

const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;
const utf8 = new TextEncoder();
const decoder = new TextDecoder();

const K = 1000n, KI = 1024n;
const SUFFIX: Record<string, bigint> = {
  '': 1n,
  k: K, kb: KI, ki: KI, kib: KI,
  m: K ** 2n, mb: KI ** 2n, mi: KI ** 2n, mib: KI ** 2n,
  g: K ** 3n, gb: KI ** 3n, gi: KI ** 3n, gib: KI ** 3n,
  t: K ** 4n, tb: KI ** 4n, ti: KI ** 4n, tib: KI ** 4n,
  p: K ** 5n, pb: KI ** 5n, pi: KI ** 5n, pib: KI ** 5n,
  e: K ** 6n, eb: KI ** 6n, ei: KI ** 6n, eib: KI ** 6n,
};

/** Go's strconv.ParseInt(s, 10, 64) on a byte string: syntax errors before range errors, per byte. */
function goParseInt(bytes: Uint8Array): { ok: true; value: bigint } | { ok: false; range: boolean } {
  let i = 0;
  let negative = false;
  if (bytes.length > 0 && (bytes[0] === 0x2d || bytes[0] === 0x2b)) { negative = bytes[0] === 0x2d; i = 1; }
  if (i >= bytes.length) return { ok: false, range: false };
  let n = 0n;
  for (; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x30 || b > 0x39) return { ok: false, range: false };
    n = n * 10n + BigInt(b - 0x30);
    if (n > UINT64_MAX) return { ok: false, range: true };
  }
  if (negative ? n > INT64_MAX + 1n : n > INT64_MAX) return { ok: false, range: true };
  return { ok: true, value: negative ? -n : n };
}

export function integerValue(raw: string): ScalarOutcome<bigint> {
  // nats-server counts leading digit-or-minus characters, then cuts that many *bytes*.
  let count = 0;
  for (const ch of raw) {
    const c = ch.codePointAt(0)!;
    if (!isDigit(c) && c !== 0x2d) break;
    count++;
  }
  const bytes = utf8.encode(raw);
  const parsed = goParseInt(bytes.subarray(0, count));
  if (!parsed.ok) {
    return parsed.range
      ? { ok: false, code: Code.integerOutOfRange, message: `The integer ${raw} is out of range: nats-server accepts integers from -9223372036854775808 to 9223372036854775807.` }
      : { ok: false, code: Code.invalidInteger, message: `${raw} is not a valid integer: write it with the digits 0-9 only, or quote it if it is text.` };
  }
  const suffix = goToLower(decoder.decode(bytes.subarray(count)).trim());
  const factor = SUFFIX[suffix];
  if (factor === undefined) return { ok: 'dropped', suffix };
  // Go multiplies int64 values and silently wraps around on overflow.
  return { ok: true, value: BigInt.asIntN(64, parsed.value * factor) };
}

export function floatValue(raw: string): ScalarOutcome<number> {
  if (!/^-?[0-9]+\.[0-9]+$/.test(raw)) {
    return { ok: false, code: Code.invalidFloat, message: `${raw} is not a valid number: write it with the digits 0-9 only, or quote it if it is text.` };
  }
  const value = Number(raw);
  if (!Number.isFinite(value)) {
    return { ok: false, code: Code.floatOutOfRange, message: `The number ${raw} is too large for a 64-bit float.` };
  }
  return { ok: true, value };
}

export function booleanValue(raw: string): boolean {
  const w = goToLower(raw);
  return w === 'true' || w === 'yes' || w === 'on';
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Go's time.Parse("2006-01-02T15:04:05Z", raw): ASCII digits, real calendar dates only. */
export function datetimeValue(raw: string): ScalarOutcome<Date> {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/.exec(raw);
  const bad = (why: string): ScalarOutcome<Date> => ({ ok: false, code: Code.invalidDatetime, message: `${raw} is not a valid date-time: ${why}. Write a UTC date-time such as 2024-01-31T12:00:00Z.` });
  if (!m) return bad('only the digits 0-9 are allowed');
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
  if (month < 1 || month > 12) return bad('the month must be 01 to 12');
  if (day < 1 || day > daysInMonth(year, month)) return bad('that day does not exist in that month');
  if (hour > 23) return bad('the hour must be 00 to 23');
  if (minute > 59) return bad('the minute must be 00 to 59');
  if (second > 59) return bad('the second must be 00 to 59');
  const d = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  d.setUTCFullYear(year);
  return { ok: true, value: d };
}
