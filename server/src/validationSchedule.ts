/**
 * When to check a document after it changed. Checking is synchronous and blocks every other
 * request, so the policy trades latency of diagnostics against responsiveness while typing:
 *
 * - a document whose last check was cheap is checked at once: a wasted check costs little;
 * - an expensive one is checked at once when the change is isolated (a paste, a quick fix, the
 *   first key after a pause), and otherwise waits for typing to pause, so a burst of keys yields
 *   one check of the final text instead of one per key.
 *
 * The quiet time grows with the cost of the last check, up to a bound.
 */
export const SCHEDULE = {
  /** A check cheaper than this never waits. */
  cheapMs: 20,
  /** The quiet time is this many times the last check's cost (so at least 60 ms), at most maxQuietMs. */
  maxQuietMs: 150,
  quietFactor: 3,
  /** The first check of a document, before any cost is known. */
  unknownCostMs: 150,
} as const;

export class ValidationSchedule {
  private readonly costs = new Map<string, number>();
  private readonly lastChange = new Map<string, number>();

  /** Call on every change; answers the delay before the check, in milliseconds. */
  changed(uri: string, now: number): number {
    const previous = this.lastChange.get(uri);
    this.lastChange.set(uri, now);
    const cost = this.costs.get(uri) ?? SCHEDULE.unknownCostMs;
    if (cost < SCHEDULE.cheapMs) return 0;
    const quiet = quietTime(cost);
    const isolated = previous === undefined || now - previous >= quiet;
    return isolated ? 0 : quiet;
  }

  /** Call after each check with how long it took. */
  checked(uri: string, costMs: number): void {
    this.costs.set(uri, costMs);
  }

  forget(uri: string): void {
    this.costs.delete(uri);
    this.lastChange.delete(uri);
  }
}

function quietTime(cost: number): number {
  return Math.min(SCHEDULE.maxQuietMs, Math.ceil(cost * SCHEDULE.quietFactor));
}
