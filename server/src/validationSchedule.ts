/**
 * When to check a document after it changed. Checking is synchronous and blocks every other
 * request, so the policy trades latency of diagnostics against responsiveness while typing:
 *
 * - a document whose last check was cheap is checked at once: a wasted check costs little;
 * - otherwise a change is checked at once when the document has no check waiting (a paste, a
 *   quick fix, the first key of a burst), and a change arriving while a check still waits moves
 *   that check to after a quiet time, so a burst of keys yields one more check, of the final text.
 *
 * Where a check is not cheap, a change that only rewrote one value or renamed one key is answered at
 * once by the quick check (quickCheck.ts), and the full check waits for the quiet time, to confirm it
 * once typing pauses.
 *
 * The quiet time is three times the last check's cost, at most 150 ms. A document's first check
 * waits a little: an editor restoring a session opens several documents at once, and a config
 * checked before the file it includes is open would briefly show that include as missing.
 */
export const SCHEDULE = {
  /** A check cheaper than this never waits. */
  cheapMs: 20,
  /** The quiet time is this many times the last check's cost (so at least 60 ms), at most maxQuietMs. */
  quietFactor: 3,
  maxQuietMs: 150,
  /** The wait before a document's first check, for the documents opened with it to arrive. */
  firstCheckMs: 50,
} as const;

export class ValidationSchedule {
  private readonly costs = new Map<string, number>();

  /**
   * Call on every change, saying whether a check of the document is already waiting; answers the
   * delay before the check, in milliseconds.
   */
  changed(uri: string, checkWaiting: boolean): number {
    const cost = this.costs.get(uri);
    if (cost === undefined) return SCHEDULE.firstCheckMs;
    if (cost < SCHEDULE.cheapMs || !checkWaiting) return 0;
    return quietTime(cost);
  }

  /** Whether a change should be offered to the quick check first: only where a full check costs. */
  wantsQuickCheck(uri: string): boolean {
    const cost = this.costs.get(uri);
    return cost !== undefined && cost >= SCHEDULE.cheapMs;
  }

  /** The delay of the full check after the quick check answered a change: the quiet time. */
  afterQuickCheck(uri: string): number {
    return quietTime(this.costs.get(uri) ?? SCHEDULE.cheapMs);
  }

  /** Call after each full check with how long it took. */
  checked(uri: string, costMs: number): void {
    this.costs.set(uri, costMs);
  }

  forget(uri: string): void {
    this.costs.delete(uri);
  }
}

/** How long to wait for typing to pause before checking again, after a check that cost `cost` ms. */
function quietTime(cost: number): number {
  return Math.min(SCHEDULE.maxQuietMs, Math.ceil(cost * SCHEDULE.quietFactor));
}
