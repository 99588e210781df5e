/**
 * A "checking 1200/5000 files" line on stderr for runs long enough to wonder about, rewritten in
 * place and erased at the end. Only for terminals: a CI log would fill with carriage returns.
 */
export function progressReporter(enabled: boolean, write: (text: string) => void, now: () => number = () => performance.now()) {
  const started = now();
  let lastDrawn = -Infinity;
  let shown = false;
  return {
    update(done: number, total: number): void {
      if (!enabled) return;
      const time = now();
      if (time - started < 500 || time - lastDrawn < 100) return;
      lastDrawn = time;
      shown = true;
      write(`\rnats-lattice: checking ${done}/${total} files\x1b[K`);
    },
    finish(): void {
      if (shown) write('\r\x1b[K');
    },
  };
}
