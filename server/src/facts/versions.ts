// nats-server release numbers ("2.9.10") and their ordering.

/** Release of nats-server shipped by Debian, the one installed for conformance tests. */
export const DEBIAN_SERVER_VERSION = '2.9.10';

/** Newest nats-server release the option table knows (the default target of diagnostics). */
export const CURRENT_SERVER_VERSION = '2.14.5';

function parts(version: string): number[] {
  return version.split('.').map((p) => Number.parseInt(p, 10) || 0);
}

/** Negative when a < b, zero when equal, positive when a > b. */
export function compareVersions(a: string, b: string): number {
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
