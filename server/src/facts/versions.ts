// nats-server release numbers ("2.9.10") and their ordering.

/** Release of nats-server shipped by Debian, the one installed for conformance tests. */
export const DEBIAN_SERVER_VERSION = '2.9.10';

/** Newest nats-server release the option table knows (the default target of diagnostics). */
export const CURRENT_SERVER_VERSION = '2.14.5';

// Rules compare the same few release strings hundreds of thousands of times per large file, so
// each string is split once. The set of distinct versions is small (option table + settings).
const parsedVersions = new Map<string, readonly number[]>();

function parts(version: string): readonly number[] {
  let parsed = parsedVersions.get(version);
  if (parsed === undefined) {
    parsed = version.split('.').map((p) => Number.parseInt(p, 10) || 0);
    if (parsedVersions.size < 10_000) parsedVersions.set(version, parsed);
  }
  return parsed;
}

/** Negative when a < b, zero when equal, positive when a > b. */
export function compareVersions(a: string, b: string): number {
  if (a === b) return 0;
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length, 3); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** True when a server of `serverVersion` already knows something added in `since`. */
export function availableIn(since: string, serverVersion: string): boolean {
  return compareVersions(since, serverVersion) <= 0;
}
