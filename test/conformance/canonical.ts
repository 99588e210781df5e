// The canonical, type-tagged value form shared with tools/confdump (see docs/conformance.md):
// map -> object, array -> array, int64 -> {int}, float64 -> {float}, bool, string, time -> {time}.
// Our evaluated values are converted into it, then compared with what confdump printed.

export type Canonical =
  | string
  | boolean
  | Canonical[]
  | { int: string }
  | { float: string }
  | { time: string }
  | { [key: string]: Canonical };

/** Converts an evaluated value (bigint, number, Date, plain map, array, string, boolean) to the canonical form. */
export function toCanonical(value: unknown): Canonical {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return { int: value.toString() };
  if (typeof value === 'number') return { float: formatFloat(value) };
  if (value instanceof Date) return { time: formatRfc3339(value) };
  if (Array.isArray(value)) return value.map(toCanonical);
  if (value !== null && typeof value === 'object') {
    // No prototype: a configuration key named __proto__ must stay an ordinary key.
    const out = Object.create(null) as { [key: string]: Canonical };
    for (const key of Object.keys(value).sort()) out[key] = toCanonical((value as Record<string, unknown>)[key]);
    return out;
  }
  // Not a value nats-server can produce: keep it visible in the difference report.
  return { unexpected: `${typeof value}: ${String(value)}` } as unknown as Canonical;
}

/** Go's time.RFC3339 for a UTC time: no fractional seconds. */
function formatRfc3339(date: Date): string {
  if (Number.isNaN(date.getTime())) return 'invalid date';
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Close to Go's strconv.FormatFloat(f, 'g', -1, 64); floats are compared numerically anyway. */
function formatFloat(value: number): string {
  return String(value).replace(/e([+-])(\d)$/, 'e$10$2');
}

function isTagged(value: Canonical, tag: 'int' | 'float' | 'time'): value is Record<typeof tag, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    && Object.keys(value).length === 1 && typeof (value as Record<string, unknown>)[tag] === 'string';
}

function show(value: Canonical | undefined): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/**
 * Compares two canonical values. Returns undefined when they agree, otherwise the first difference
 * as "at <path>: expected X, got Y". Floats compare by numeric value, not by spelling.
 */
export function canonicalDifference(expected: Canonical | undefined, actual: Canonical | undefined, at = '$'): string | undefined {
  if (expected === undefined || actual === undefined) {
    return expected === actual ? undefined : `at ${at}: expected ${show(expected)}, got ${show(actual)}`;
  }
  if (isTagged(expected, 'float') && isTagged(actual, 'float')) {
    return Number(expected.float) === Number(actual.float) ? undefined : `at ${at}: expected float ${expected.float}, got float ${actual.float}`;
  }
  if (typeof expected !== 'object' || typeof actual !== 'object') {
    return expected === actual ? undefined : `at ${at}: expected ${show(expected)}, got ${show(actual)}`;
  }
  if (Array.isArray(expected) || Array.isArray(actual)) {
    if (!Array.isArray(expected) || !Array.isArray(actual)) return `at ${at}: expected ${show(expected)}, got ${show(actual)}`;
    if (expected.length !== actual.length) {
      return `at ${at}: expected an array of ${expected.length} (${show(expected)}), got ${actual.length} (${show(actual)})`;
    }
    for (let i = 0; i < expected.length; i++) {
      const d = canonicalDifference(expected[i], actual[i], `${at}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  const e = expected as Record<string, Canonical>;
  const a = actual as Record<string, Canonical>;
  const eKeys = Object.keys(e).sort();
  const aKeys = Object.keys(a).sort();
  const missing = eKeys.filter((k) => !Object.prototype.hasOwnProperty.call(a, k));
  const extra = aKeys.filter((k) => !Object.prototype.hasOwnProperty.call(e, k));
  if (missing.length || extra.length) {
    const parts = [];
    if (missing.length) parts.push(`missing keys ${JSON.stringify(missing)}`);
    if (extra.length) parts.push(`unexpected keys ${JSON.stringify(extra)}`);
    return `at ${at}: ${parts.join(', ')} (expected ${show(expected)}, got ${show(actual)})`;
  }
  for (const key of eKeys) {
    const d = canonicalDifference(e[key], a[key], `${at}.${key}`);
    if (d) return d;
  }
  return undefined;
}
