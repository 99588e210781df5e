// Key paths through the option table: ['leafnodes', 'remotes', '*', 'url'] for a chain of nodes.

import { ARRAY_ITEM, blockAt, findKeyInBlock, findOption } from '../facts/optionLookup';
import type { BlockSpec, OptionSpec, ResolvedOption } from '../facts/optionTypes';
import { EntryNode, MapNode } from '../syntax/tree';
import { Chain, chainAt } from './nodeAt';

/** The key path of the node at `chain[upTo]` (inclusive): entry keys, and '*' for each array step. */
export function pathOf(chain: Chain, upTo = chain.length - 1): string[] {
  const path: string[] = [];
  for (let i = 0; i <= upTo && i < chain.length; i++) {
    const node = chain[i];
    if (node.type === 'entry') path.push(node.key.name);
    else if (node.type === 'array' && i < upTo) path.push(ARRAY_ITEM);
  }
  return path;
}

/** The option an entry sets, given the chain up to and including the entry. */
export function optionOfEntry(chain: Chain, entryIndex: number): ResolvedOption | undefined {
  return findOption(pathOf(chain, entryIndex));
}

/** The table block describing a map in the chain (undefined for maps the table does not know). */
export function blockOfMap(chain: Chain, mapIndex: number): BlockSpec | undefined {
  return blockAt(pathOf(chain, mapIndex));
}

/** Canonical option names already set in a map, aliases resolved (`except` is the entry being typed). */
export function presentOptions(map: MapNode, block: BlockSpec, except?: EntryNode): Set<string> {
  const present = new Set<string>();
  for (const entry of map.entries) {
    if (entry.type !== 'entry' || entry === except) continue;
    const option: OptionSpec | undefined = findKeyInBlock(block, entry.key.name);
    if (option) present.add(option.name);
  }
  return present;
}

/** The option a key anywhere in a document sets (undefined for keys the table does not know). */
export function optionOfKey(body: MapNode, entry: EntryNode): ResolvedOption | undefined {
  const chain = chainAt(body, entry.key.start);
  const index = chain.indexOf(entry);
  return index >= 0 ? findOption(pathOf(chain, index)) : undefined;
}
