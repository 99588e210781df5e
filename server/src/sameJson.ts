/**
 * Whether two JSON-like values (what is sent over LSP) would serialise the same, without building
 * the text: lists of thousands of diagnostics usually differ near their start, and comparing stops
 * there. Properties holding undefined count as absent, as JSON.stringify leaves them out.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const list = b as unknown[];
    if (a.length !== list.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], list[i])) return false;
    return true;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((key) => left[key] !== undefined);
  if (keys.length !== Object.keys(right).filter((key) => right[key] !== undefined).length) return false;
  for (const key of keys) if (!sameJson(left[key], right[key])) return false;
  return true;
}
