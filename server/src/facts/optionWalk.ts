// Enumerates the option table as concrete key paths, for docs, tests and completion indexes.

import { BLOCKS, ROOT_BLOCK } from './natsOptions';
import { ARRAY_ITEM, valueAlternatives } from './optionLookup';
import type { BlockSpec, OptionSpec, ValueType } from './optionTypes';
import { compareVersions } from './versions';

export interface OptionPath {
  /** Canonical key path; user-chosen keys use the block's example name, array items '*'. */
  readonly path: readonly string[];
  readonly option: OptionSpec;
  readonly block: BlockSpec;
  /** Newest `since` along the path. */
  readonly effectiveSince: string;
}

/** Next path segments (and the block reached) for a value that can hold a block. */
function childBlocks(value: ValueType): { via: string[]; block: BlockSpec }[] {
  const out: { via: string[]; block: BlockSpec }[] = [];
  for (const alt of valueAlternatives(value)) {
    if (alt.kind === 'map') out.push({ via: [], block: BLOCKS[alt.block] });
    if (alt.kind === 'array') {
      for (const inner of valueAlternatives(alt.item)) {
        if (inner.kind === 'map') out.push({ via: [ARRAY_ITEM], block: BLOCKS[inner.block] });
      }
    }
  }
  return out;
}

/**
 * Every option once per block: a block shared by several keys (tls, permissions...)
 * is listed under the first path that reaches it, breadth-first from the top level.
 */
export function walkOptions(): OptionPath[] {
  const result: OptionPath[] = [];
  const visited = new Set<string>();
  const queue: { block: BlockSpec; path: string[]; since: string }[] = [{ block: ROOT_BLOCK, path: [], since: '0.0.0' }];
  while (queue.length > 0) {
    const { block, path, since } = queue.shift()!;
    if (visited.has(block.id)) continue;
    visited.add(block.id);
    const entries: { option: OptionSpec; key: string; since: string }[] = block.keys.map((option) => ({
      option,
      key: option.name,
      since: compareVersions(option.since, since) > 0 ? option.since : since,
    }));
    for (const { option, key, since: effective } of entries) {
      result.push({ path: [...path, key], option, block, effectiveSince: effective });
    }
    const children = block.anyKey
      ? [{ key: block.anyKey.example, value: block.anyKey.value, since }]
      : entries.map((e) => ({ key: e.key, value: e.option.value, since: e.since }));
    for (const child of children) {
      for (const { via, block: next } of childBlocks(child.value)) {
        queue.push({ block: next, path: [...path, child.key, ...via], since: child.since });
      }
    }
  }
  return result;
}
