// "Did you mean ...?": the closest spelling among a block's keys and aliases.

import type { BlockSpec } from '../../facts/optionTypes';
import { spellings } from '../../facts/optionLookup';
import { availableIn } from '../../facts/versions';

/** Optimal string alignment distance (Levenshtein plus swapping two neighbours). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The spelling in `block` closest to `key` (case ignored), if close enough to be a likely typo:
 * at most a third of the key's length, and never more than 3 edits. Prefers keys the target knows.
 */
export function suggestKey(block: BlockSpec, key: string, serverVersion: string): string | undefined {
  const wanted = key.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(wanted.length / 3)));
  let best: { name: string; distance: number; available: boolean } | undefined;
  for (const option of block.keys) {
    const available = availableIn(option.since, serverVersion);
    for (const name of spellings(option)) {
      const distance = editDistance(wanted, name.toLowerCase());
      if (distance > limit) continue;
      if (!best || distance < best.distance || (distance === best.distance && available && !best.available)) {
        best = { name, distance, available };
      }
    }
  }
  return best?.name;
}
