// Where evaluate()'s values are written, recorded while the tree is replayed.

import type { EvalOrigins, SourceSpan } from './evaluate';
import type { ArrayNode, EntryNode, MapNode, Span } from './tree';

/**
 * An entry an include moved into the including file's map: it keeps the files it was written in.
 * Entries written in the map's own file (nearly all of them) need no such record.
 */
class Moved {
  constructor(readonly keyFile: string, readonly key: Span | undefined, readonly valueFile: string, readonly value: Span | undefined) {}
}

/**
 * Origins of one container, flat: the file it is written in, then three slots per stored entry of a
 * map (name, key span or Moved, value span) or one per item of an array (its span). Spans are the
 * tree's own nodes; copies are made only when a rule asks. A large configuration stores hundreds
 * of thousands of entries: a record per entry (and a Map per container to find them) made most of
 * evaluation's garbage, while lookups are rare next to stores, so they scan or index on demand.
 */
type OriginList = (string | Span | Moved | undefined)[];
const ENTRY_SLOTS = 3;
/** Where the entries or items start, after the file. */
const FIRST = 1;

const at = (file: string, span: Span | undefined): SourceSpan | undefined => (span && file ? { file, start: span.start, end: span.end } : undefined);

/** Above this many entries, a lookup builds a name index instead of scanning backwards. */
const SCAN_LIMIT = 16;

/**
 * Most containers come out exactly as written: every entry stored under its own key, every item
 * kept. When such a container is written in the root file (its name is kept once, as `home`), the
 * tree node itself says where everything is, and no list is kept for it at all.
 */
type Origins = OriginList | MapNode | ArrayNode;

export class OriginTable implements EvalOrigins {
  // Maps rather than WeakMaps: the table lives exactly as long as the evaluated value, and a WeakMap
  // with an entry per map of a large file was most of evaluation's time (ephemeron bookkeeping).
  private readonly maps = new Map<object, Origins>();
  private readonly arrays = new Map<object, Origins>();
  /** Name → position of its last definition, built for long maps on their first lookup. */
  private readonly indexes = new Map<Origins, Map<string, number>>();
  /** The first file replayed (the root): its containers may be recorded as bare tree nodes. */
  private home: string | undefined;

  /**
   * The lists of the containers still being filled, innermost last, one after the other; each is
   * copied out when its container closes, unless the node says it all. So a list is allocated once
   * at its final size, if at all: growing a list per container left most of their slots unused.
   */
  private readonly building: OriginList = [];
  private readonly starts: number[] = [];

  /** A container written in `file` is being filled: its entries or items follow until endMap/endArray. */
  begin(file: string): void {
    if (this.home === undefined) this.home = file;
    this.starts.push(this.building.length);
    this.building.push(file);
  }

  /** An entry of the innermost open map, written in that map's own file. */
  entry(name: string, key: Span | undefined, value: Span | undefined): void {
    this.building.push(name, key, value);
  }

  /** An entry of the innermost open map that was written elsewhere (moved in by an include). */
  movedEntry(name: string, keyFile: string, key: Span | undefined, valueFile: string, value: Span | undefined): void {
    this.building.push(name, new Moved(keyFile, key, valueFile, value), undefined);
  }

  /** The next item of the innermost open array. */
  item(span: Span): void {
    this.building.push(span);
  }

  endMap(map: object, node: MapNode): void {
    const from = this.starts.pop()!;
    const b = this.building;
    let asWritten = b[from] === this.home && b.length - from - FIRST === node.entries.length * ENTRY_SLOTS;
    for (let i = 0, slot = from + FIRST; asWritten && i < node.entries.length; i++, slot += ENTRY_SLOTS) {
      const entry = node.entries[i];
      asWritten = entry.type === 'entry' && b[slot + 1] === entry.key && b[slot + 2] === entry.value;
    }
    this.maps.set(map, asWritten ? node : b.slice(from));
    b.length = from;
  }

  endArray(array: object, node: ArrayNode): void {
    const from = this.starts.pop()!;
    const b = this.building;
    let asWritten = b[from] === this.home && b.length - from - FIRST === node.items.length;
    for (let i = 0; asWritten && i < node.items.length; i++) asWritten = b[from + FIRST + i] === node.items[i];
    this.arrays.set(array, asWritten ? node : b.slice(from));
    b.length = from;
  }

  keyAt(map: object, key: string): SourceSpan | undefined {
    const origin = this.originOf(map, key);
    return origin && at(origin.keyFile, origin.key);
  }

  valueAt(map: object, key: string): SourceSpan | undefined {
    const origin = this.originOf(map, key);
    return origin && at(origin.valueFile, origin.value);
  }

  itemAt(array: object, index: number): SourceSpan | undefined {
    const origins = this.arrays.get(array);
    if (origins === undefined) return undefined;
    if (!Array.isArray(origins)) return at(this.home!, (origins as ArrayNode).items[index]);
    // Item i sits after the file; a negative index must not reach the file slot.
    return index >= 0 ? at(origins[0] as string, origins[FIRST + index] as Span | undefined) : undefined;
  }

  /** Where `key` of `map` is written, as raw parts, for moving an included file's entries without copying spans. */
  originOf(map: object, key: string): Moved | undefined {
    const origins = this.maps.get(map);
    if (origins === undefined) return undefined;
    if (!Array.isArray(origins)) {
      const entries = (origins as MapNode).entries as EntryNode[];
      const i = this.lastDefinition(origins, entries.length, key, (i) => entries[i].key.name);
      return i === undefined ? undefined : new Moved(this.home!, entries[i].key, this.home!, entries[i].value);
    }
    const count = (origins.length - FIRST) / ENTRY_SLOTS;
    const i = this.lastDefinition(origins, count, key, (i) => origins[FIRST + i * ENTRY_SLOTS] as string);
    if (i === undefined) return undefined;
    const slot = FIRST + i * ENTRY_SLOTS;
    const origin = origins[slot + 1];
    if (origin instanceof Moved) return origin;
    const file = origins[0] as string;
    return new Moved(file, origin as Span | undefined, file, origins[slot + 2] as Span | undefined);
  }

  /** The position of `key`'s last definition (the one that wins) among `count` names, or undefined. */
  private lastDefinition(origins: Origins, count: number, key: string, nameAt: (i: number) => string): number | undefined {
    if (count <= SCAN_LIMIT) {
      for (let i = count - 1; i >= 0; i--) if (nameAt(i) === key) return i;
      return undefined;
    }
    // A closed container never changes, so its index stays valid.
    let index = this.indexes.get(origins);
    if (!index) {
      index = new Map();
      for (let i = 0; i < count; i++) index.set(nameAt(i), i);
      this.indexes.set(origins, index);
    }
    return index.get(key);
  }
}
