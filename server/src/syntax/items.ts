// The lexer's output: one entry per item nats-server's lexer would emit, stored compactly.

import { Span, StringStyle } from './tree';

/** What an item is. Numbers, so that the item columns can be compact typed arrays. */
export const enum Kind {
  Key, String, Bool, Integer, Float, Datetime, Variable, Include,
  ArrayStart, ArrayEnd, MapStart, MapEnd, BlockOpen, BlockClose, Comment, Eof,
}

/** For strings: how it was written. For keys and includes: the quote used, if any. */
export const enum Style { None, Bare, Double, Single, Block }
export const STYLE_NAME: readonly (StringStyle | undefined)[] = [undefined, 'bare', 'double', 'single', 'block'];

/** How many recently made short strings Items.slice remembers (a power of two). */
const RECENT_SLOTS = 1024;

/**
 * The lexical items, as nats-server's lexer would emit them, plus where they sit in the text.
 * Stored as columns (item i is kind[i], start[i], end[i], ...) rather than one object per item:
 * a large file has hundreds of thousands of items, all alive until the tree is built, and that
 * many small objects cost more in garbage collection than the lexing itself. Typed arrays hold
 * no pointers, so the collector never even scans them. Values are kept as ranges of the text and
 * only become strings when the tree asks for them.
 */
export class Items {
  length = 0;
  kind: Uint8Array;
  style: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  /** For keys: the offset of the '=' or ':' that followed, or -1. */
  separatorAt: Int32Array;
  /** The range of the text that is the value, or -1 for a value in `decoded`. */
  private valueStart: Int32Array;
  private valueEnd: Int32Array;
  /** Values that are not a plain range of the text (escapes decoded, recovery's guesses). */
  private readonly decoded = new Map<number, string>();
  /** For includes (rare, hence a map): the `include` keyword. */
  readonly keyword = new Map<number, Span>();
  /** Items inserted by error recovery (a bracket that is missing from the text). */
  readonly synthetic = new Set<number>();

  constructor(private readonly text: string, expected: number) {
    const capacity = Math.max(16, expected);
    this.kind = new Uint8Array(capacity);
    this.style = new Uint8Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.separatorAt = new Int32Array(capacity);
    this.valueStart = new Int32Array(capacity);
    this.valueEnd = new Int32Array(capacity);
  }

  /** Adds an item whose value is text[valueStart, valueEnd) (empty by default). */
  push(kind: Kind, start: number, end: number, style = Style.None, valueStart = 0, valueEnd = 0): number {
    const i = this.length;
    if (i === this.kind.length) this.grow();
    this.kind[i] = kind;
    this.style[i] = style;
    this.start[i] = start;
    this.end[i] = end;
    this.separatorAt[i] = -1;
    this.valueStart[i] = valueStart;
    this.valueEnd[i] = valueEnd;
    this.length = i + 1;
    return i;
  }

  /** Replaces item i's value by one that is not a range of the text. */
  setValue(i: number, value: string): void {
    this.valueStart[i] = -1;
    this.decoded.set(i, value);
  }

  /** The item's value as nats-server sees it (escapes decoded, quotes removed, `$` removed). */
  value(i: number): string {
    const from = this.valueStart[i];
    return from >= 0 ? this.slice(from, this.valueEnd[i]) : this.decoded.get(i)!;
  }

  /**
   * text.slice(from, to), but short texts seen recently come back as the same string: a
   * configuration repeats its keys and many values thousands of times, and one shared string
   * takes less memory (and garbage-collection time) than thousands of equal copies.
   */
  slice(from: number, to: number): string {
    const length = to - from;
    if (length <= 0 || length > 40) return this.text.slice(from, to);
    const text = this.text;
    const slot = (length * 31 + text.charCodeAt(from) * 7 + text.charCodeAt(from + (length >> 1)) * 3 + text.charCodeAt(to - 1)) & (RECENT_SLOTS - 1);
    const seen = this.recent[slot];
    if (seen.length === length && text.startsWith(seen, from)) return seen;
    return (this.recent[slot] = text.slice(from, to));
  }
  private readonly recent: string[] = new Array<string>(RECENT_SLOTS).fill('');

  /** Whether the value is exactly the item's own text (no quotes, marker or escapes around it). */
  valueIsRaw(i: number): boolean {
    return this.valueStart[i] === this.start[i] && this.valueEnd[i] === this.end[i];
  }

  private grow(): void {
    const capacity = this.kind.length * 2;
    const grown = <T extends Uint8Array | Int32Array>(a: T, b: T): T => { b.set(a); return b; };
    this.kind = grown(this.kind, new Uint8Array(capacity));
    this.style = grown(this.style, new Uint8Array(capacity));
    this.start = grown(this.start, new Int32Array(capacity));
    this.end = grown(this.end, new Int32Array(capacity));
    this.separatorAt = grown(this.separatorAt, new Int32Array(capacity));
    this.valueStart = grown(this.valueStart, new Int32Array(capacity));
    this.valueEnd = grown(this.valueEnd, new Int32Array(capacity));
  }
}
