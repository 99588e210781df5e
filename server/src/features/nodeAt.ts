// Finding the nodes under a cursor, and walking a tree without recursion (files may nest deeply).

import { ArrayNode, EntryNode, EntryOrInclude, IncludeNode, MapNode, ScalarNode, Span, ValueNode, VariableNode } from '../syntax/tree';

export type ChainNode = MapNode | ArrayNode | EntryNode | IncludeNode | ScalarNode | VariableNode;

/** The nodes around `offset`, outermost first: the document's map, an entry, its value, ... */
export type Chain = readonly ChainNode[];

export function touches(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/** Whether `offset` lies between a container's brackets (the document's own map has none). */
export function isInside(container: MapNode | ArrayNode, offset: number): boolean {
  if (!container.open) return touches(container, offset);
  if (offset < container.open.end) return false;
  return container.close ? offset <= container.close.start : offset <= container.end;
}

function entryAt(map: MapNode, offset: number): EntryOrInclude | undefined {
  let found: EntryOrInclude | undefined;
  for (const entry of map.entries) {
    if (entry.start > offset) break;
    if (offset <= entry.end) found = entry;
  }
  return found;
}

function itemAt(array: ArrayNode, offset: number): ValueNode | undefined {
  let found: ValueNode | undefined;
  for (const item of array.items) {
    if (item.start > offset) break;
    if (offset <= item.end) found = item;
  }
  return found;
}

/** The chain of nodes that contain `offset` (ends touching the offset count as containing it). */
export function chainAt(body: MapNode, offset: number): ChainNode[] {
  const chain: ChainNode[] = [body];
  let container: MapNode | ArrayNode = body;
  for (;;) {
    let value: ValueNode | undefined;
    if (container.type === 'map') {
      const entry = entryAt(container, offset);
      if (!entry) return chain;
      chain.push(entry);
      if (entry.type === 'include' || !entry.value || !touches(entry.value, offset)) return chain;
      value = entry.value;
    } else {
      value = itemAt(container, offset);
      if (!value) return chain;
    }
    chain.push(value);
    if ((value.type === 'map' || value.type === 'array') && isInside(value, offset)) container = value;
    else return chain;
  }
}

/** The innermost map or array whose inside holds the offset, with its index in the chain. */
export function innermostContainer(chain: Chain, offset: number): { container: MapNode | ArrayNode; index: number } {
  for (let i = chain.length - 1; i >= 0; i--) {
    const node = chain[i];
    if ((node.type === 'map' || node.type === 'array') && isInside(node, offset)) return { container: node, index: i };
  }
  return { container: chain[0] as MapNode, index: 0 };
}

/** The nearest entry in the chain (the one a value or key belongs to). */
export function nearestEntry(chain: Chain): { entry: EntryNode; index: number } | undefined {
  for (let i = chain.length - 1; i >= 0; i--) {
    const node = chain[i];
    if (node.type === 'entry') return { entry: node, index: i };
  }
  return undefined;
}

const LEAVE = Symbol('leave');

/**
 * Visits every node under `body` in document order, with its ancestors (outermost first).
 * `ancestors` is one live array, valid during the call only: copy it to keep it. Sharing it keeps
 * the walk linear however deep the file nests.
 */
export function walk(body: MapNode, visit: (node: ChainNode, ancestors: Chain) => void): void {
  const ancestors: ChainNode[] = [];
  const stack: (ChainNode | typeof LEAVE)[] = [body];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === LEAVE) {
      ancestors.pop();
      continue;
    }
    visit(node, ancestors);
    const children: readonly ChainNode[] =
      node.type === 'map' ? node.entries : node.type === 'array' ? node.items : node.type === 'entry' && node.value ? [node.value] : [];
    if (!children.length) continue;
    ancestors.push(node);
    stack.push(LEAVE);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

/** Every `$variable` in the document with the chain that ends at it. */
export function variablesOf(body: MapNode): { variable: VariableNode; chain: Chain }[] {
  const out: { variable: VariableNode; chain: Chain }[] = [];
  walk(body, (node, ancestors) => {
    if (node.type === 'variable') out.push({ variable: node, chain: [...ancestors, node] });
  });
  return out;
}
