// Resolving key paths against the option table: aliases, case rules,
// user-named keys and array items, driven only by the data in natsOptions.ts.

import { BLOCKS, ROOT_BLOCK } from './natsOptions';
import type { AnyKeySpec, BlockSpec, OptionSpec, ResolvedOption, ValueType } from './optionTypes';
import { compareVersions } from './versions';

/** Path segment standing for "any array item" (numeric indexes are accepted too). */
export const ARRAY_ITEM = '*';

export function isArrayItemSegment(segment: string): boolean {
  return segment === ARRAY_ITEM || /^\d+$/.test(segment);
}

/** Finds a key in one block, honouring the block's case rule and aliases. */
export function findKeyInBlock(block: BlockSpec, key: string): OptionSpec | undefined {
  const wanted = block.keyCase === 'insensitive' ? key.toLowerCase() : key;
  return spellingIndex(block.keys).get(wanted);
}

// Every key of a large file is looked up here (by several rules), so each block's spellings are
// indexed once. Keyed by the keys array itself, so a block built at run time gets its own index.
const spellingIndexes = new WeakMap<readonly OptionSpec[], Map<string, OptionSpec>>();

function spellingIndex(keys: readonly OptionSpec[]): Map<string, OptionSpec> {
  let index = spellingIndexes.get(keys);
  if (index === undefined) {
    index = new Map();
    // The first option naming a spelling wins, as a linear search in table order would find it.
    for (const option of keys) {
      for (const spelling of [option.name, ...(option.aliases ?? [])]) if (!index.has(spelling)) index.set(spelling, option);
    }
    spellingIndexes.set(keys, index);
  }
  return index;
}

/** The option that stands for a user-chosen key (account name, subject...); it is as old as its block. */
function anyKeyOption(anyKey: AnyKeySpec, key: string, since: string): OptionSpec {
  return { name: key, since, value: anyKey.value, description: anyKey.description };
}

/** The value shapes a value type can take, with unions flattened. */
export function valueAlternatives(value: ValueType): readonly ValueType[] {
  let alternatives = flattenedUnions.get(value);
  if (alternatives === undefined) {
    alternatives = value.kind === 'union' ? value.of.flatMap(valueAlternatives) : [value];
    flattenedUnions.set(value, alternatives);
  }
  return alternatives;
}

// Asked for every key and value of a file; the table's types never change, so flatten each once.
const flattenedUnions = new WeakMap<ValueType, readonly ValueType[]>();

/** The block a value leads into for the next path segment, if any. */
function descend(value: ValueType, segment: string): { block?: BlockSpec; value?: ValueType } | undefined {
  if (isArrayItemSegment(segment)) {
    const item = arrayItemOf(value);
    if (item !== undefined) return { value: item };
  }
  const block = mapBlockOf(value);
  return block ? { block } : undefined;
}

// Walks that step down a whole file (the security rules) ask these for every value; cached per type.
const mapBlocks = new WeakMap<ValueType, BlockSpec | null>();
const arrayItems = new WeakMap<ValueType, ValueType | null>();

/** The block describing the keys when a value of this type is a map; undefined when it cannot be one. */
export function mapBlockOf(value: ValueType): BlockSpec | undefined {
  let block = mapBlocks.get(value);
  if (block === undefined) {
    const mapValue = valueAlternatives(value).find((v) => v.kind === 'map');
    block = (mapValue && mapValue.kind === 'map' ? BLOCKS[mapValue.block] : undefined) ?? null;
    mapBlocks.set(value, block);
  }
  return block ?? undefined;
}

/** The type of each item when a value of this type is an array; undefined when it cannot be one. */
export function arrayItemOf(value: ValueType): ValueType | undefined {
  let item = arrayItems.get(value);
  if (item === undefined) {
    const array = valueAlternatives(value).find((v) => v.kind === 'array' || v.kind === 'stringOrArray');
    item = (array && (array.kind === 'array' || array.kind === 'stringOrArray') ? array.item : undefined) ?? null;
    arrayItems.set(value, item);
  }
  return item ?? undefined;
}

/**
 * Resolves a path of keys from the top of the file, e.g.
 * ['leafnodes', 'remotes', '*', 'url'] or ['accounts', 'APP', 'jetstream', 'max_mem'].
 * Aliases and case rules are applied per block; '*' (or a number) steps into an array.
 */
export function findOption(path: readonly string[]): ResolvedOption | undefined {
  if (path.length === 0) return undefined;
  let block: BlockSpec | undefined = ROOT_BLOCK;
  let pendingValue: ValueType | undefined;
  let effectiveSince = '0.0.0';
  const canonicalPath: string[] = [];
  // The last option step; the result is built once at the end (this runs for every key of a file).
  let last: { option: OptionSpec; block: BlockSpec; userDefinedName: boolean } | undefined;

  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (pendingValue !== undefined) {
      // The previous segment ended on a value: only an array step or a map can follow.
      const next = descend(pendingValue, segment);
      if (!next) return undefined;
      if (next.value !== undefined) {
        canonicalPath.push(ARRAY_ITEM);
        pendingValue = next.value;
        block = undefined;
        continue;
      }
      block = next.block;
      pendingValue = undefined;
    }
    if (!block) return undefined;
    const named = findKeyInBlock(block, segment);
    let option: OptionSpec;
    let userDefinedName = false;
    if (named) {
      option = named;
    } else if (block.anyKey) {
      option = anyKeyOption(block.anyKey, segment, effectiveSince);
      userDefinedName = true;
    } else {
      return undefined;
    }
    canonicalPath.push(option.name);
    if (!userDefinedName && compareVersions(option.since, effectiveSince) > 0) effectiveSince = option.since;
    last = { option, block, userDefinedName };
    pendingValue = option.value;
    block = undefined;
  }
  // A trailing array step ("remotes", "*") names the item, not an option.
  if (!last || canonicalPath[canonicalPath.length - 1] === ARRAY_ITEM) return undefined;
  return { option: last.option, block: last.block, canonicalPath, userDefinedName: last.userDefinedName, effectiveSince };
}

/**
 * The block at a path: [] is the top level, ['cluster'] the cluster block,
 * ['leafnodes', 'remotes', '*'] one remote. Undefined when the path does not lead to a block.
 */
export function blockAt(path: readonly string[]): BlockSpec | undefined {
  if (path.length === 0) return ROOT_BLOCK;
  const last = path[path.length - 1];
  let value: ValueType | undefined;
  if (isArrayItemSegment(last)) {
    const parent = findOption(path.slice(0, -1));
    if (!parent) return undefined;
    const step = descend(parent.option.value, last);
    value = step?.value;
  } else {
    value = findOption(path)?.option.value;
  }
  if (!value) return undefined;
  const mapValue = valueAlternatives(value).find((v) => v.kind === 'map');
  return mapValue && mapValue.kind === 'map' ? BLOCKS[mapValue.block] : undefined;
}

/** The keys that may be written in the block at `path` (empty for blocks of user-chosen names). */
export function optionsAt(path: readonly string[]): readonly OptionSpec[] {
  return blockAt(path)?.keys ?? [];
}

/** Every spelling of an option: name first, then aliases. */
export function spellings(option: OptionSpec): readonly string[] {
  return [option.name, ...(option.aliases ?? [])];
}

function opensBlock(option: OptionSpec): boolean {
  return valueAlternatives(option.value).some((v) => v.kind === 'map');
}

/** Top-level keys whose value can be a block, e.g. "cluster", "jetstream", "tls". */
export const TOP_LEVEL_BLOCK_NAMES: readonly string[] = ROOT_BLOCK.keys.filter(opensBlock).map((o) => o.name);

/** Same, with every accepted spelling ("leaf", "ws", "maps"...). */
export const TOP_LEVEL_BLOCK_SPELLINGS: readonly string[] = ROOT_BLOCK.keys.filter(opensBlock).flatMap(spellings);
