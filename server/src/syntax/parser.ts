// Builds the tree from the lexer's items, computes scalar values, and adds the checks nats-server
// makes after lexing (a key left without a value at the end of the file, bad integers, ...).
// Iterative: containers live on an explicit stack.
//
// On a large file most of the parse time goes into allocating the tree (tens of MB of small
// objects): nodes are created once with all of their fields, lists at their exact length, and in
// ways that let V8 allocate long-lived objects directly in its old generation (see key()).

import { lex, LexResult } from './lexer';
import { Kind, Style, STYLE_NAME } from './items';
import { Code } from './codes';
import { buildTokens } from './tokens';
import { booleanValue, datetimeValue, floatValue, integerValue } from './values';
import {
  ArrayNode, CommentNode, DocumentNode, EntryNode, EntryOrInclude, IncludeNode, MapNode, ParseResult, ScalarNode, Span,
  SyntaxError, Token, ValueNode,
} from './tree';

/** Entry flags used by evaluation to reproduce nats-server's handling of keys without values. */
export interface EntryState {
  /** nats-server pushes this key and never pops it: the next value in this map lands under it. */
  dangling?: boolean;
}
const entryStates = new WeakMap<EntryNode, EntryState>();
export function entryState(entry: EntryNode): EntryState {
  return entryStates.get(entry) ?? {};
}

// Nodes come in many shapes (a scalar has several, a map with or without `close`, ...), and reading
// `type` across all of them is slow in V8: the code below decides from item kinds and from `isMap`.
interface Open {
  node: MapNode | ArrayNode;
  isMap: boolean;
  pending: EntryNode | undefined;
  /** Where this container's children start in TreeBuilder.children. */
  from: number;
}

export function parse(text: string): ParseResult {
  const lexed = lex(text);
  return new TreeBuilder(text, lexed).build();
}

class TreeBuilder {
  private readonly errors: SyntaxError[];
  private readonly warnings: SyntaxError[] = [];
  private readonly comments: CommentNode[] = [];
  private readonly body: MapNode;
  private readonly stack: Open[];
  /**
   * The children (entries or items) of the open containers, innermost last. A container gets its
   * own list when it closes, copied at its exact length: a list grown by push keeps room for 17,
   * and most maps and arrays of a configuration have one or two children.
   */
  private readonly children: (EntryOrInclude | ValueNode)[] = [];
  private childCount = 0;
  private index = 0;
  /** The last item nats-server's parser sees (-1: none yet). */
  private lastGoItem = -1;
  /** Where nats-server stops reading: the end of the text, or a NUL character. */
  private eofAt: number;

  constructor(private readonly text: string, private readonly lexed: LexResult) {
    this.errors = [...lexed.errors];
    this.errorStarts = lexed.errors.map((e) => e.start).sort((a, b) => a - b);
    this.body = { type: 'map', start: 0, end: text.length, entries: [] };
    this.stack = [{ node: this.body, isMap: true, pending: undefined, from: 0 }];
    this.eofAt = text.length;
    this.closers = this.matchClosers();
  }

  /** For each map or array start item: the item that will set its `close` (else -1). */
  private readonly closers: Int32Array;

  /** Pairs start and end items exactly as build() opens and closes containers. */
  private matchClosers(): Int32Array {
    const items = this.lexed.items, kinds = items.kind;
    const closers = new Int32Array(items.length).fill(-1);
    const open: number[] = [];
    for (let i = 0; i < items.length; i++) {
      const kind = kinds[i];
      if (kind === Kind.MapStart || kind === Kind.ArrayStart) open.push(i);
      else if (kind === Kind.MapEnd || kind === Kind.ArrayEnd) {
        // close() ignores an end with nothing open; a synthetic end closes without a `close`.
        if (open.length > 0) { const o = open.pop()!; if (!items.synthetic.has(i)) closers[o] = i; }
      } else if (kind === Kind.Eof) open.length = 0; // finish() closes the rest without `close`
    }
    return closers;
  }

  private lineOf(offset: number): number {
    return this.lexed.lines.lineOf(offset);
  }

  private diag(list: SyntaxError[], code: string, message: string, start: number, end: number, line = this.lineOf(start)): void {
    list.push({ code, message, start, end, line });
  }

  build(): ParseResult {
    const items = this.lexed.items;
    const kinds = items.kind, starts = items.start, ends = items.end;
    let blockDepth = 0;
    for (this.index = 0; this.index < items.length; this.index++) {
      const i = this.index;
      const kind = kinds[i];
      const start = starts[i], end = ends[i];
      if (kind !== Kind.BlockOpen && kind !== Kind.BlockClose && kind !== Kind.Comment && kind !== Kind.Eof && !this.isSynthetic(i)) this.lastGoItem = i;
      switch (kind) {
        case Kind.Key: this.key(i); break;
        case Kind.Include: this.include(i); break;
        case Kind.String: case Kind.Bool: case Kind.Integer: case Kind.Float: case Kind.Datetime:
        case Kind.Variable: case Kind.MapStart: case Kind.ArrayStart:
          this.attach(i); break;
        case Kind.MapEnd: case Kind.ArrayEnd: this.close(i); break;
        case Kind.BlockOpen:
          if (blockDepth++ === 0 && !this.body.open && this.bodyChildCount() === 0) this.body.open = { start, end };
          break;
        case Kind.BlockClose:
          if (--blockDepth === 0 && this.body.open && !this.body.close) this.body.close = { start, end };
          break;
        case Kind.Comment: {
          const marker = this.text.startsWith('//', start) ? '//' : '#';
          this.comments.push({ start, end, text: items.value(i), marker });
          break;
        }
        case Kind.Eof:
          this.eofAt = start;
          this.finish(this.lastGoItem);
          break;
      }
    }
    const nul = this.text.indexOf('\0');
    if (nul >= 0 && (this.eofAt < this.text.length || this.errors.length === 0)) {
      this.diag(this.warnings, Code.nulCharacter, 'nats-server treats this NUL character as the end of the file: depending on where it is, the rest of the file is ignored or the text around it is cut. Remove it.', nul, nul + 1);
    }
    if (this.body.open && !this.body.close) {
      this.diag(this.warnings, Code.unclosedBlock, 'This `{` around the configuration is never closed: add `}` at the end of the file. nats-server accepts it, but editors and other tools may not.', this.body.open.start, this.body.open.end);
    }
    if (this.lexed.strayQuoteAt !== undefined) {
      const at = this.lexed.strayQuoteAt;
      this.diag(this.warnings, Code.strayQuote, 'This quote opens a string that the file ends before closing; nats-server ignores it silently. Remove it or close the string.', at, at + 1);
    }
    for (const span of this.lexed.swallowedBrackets) {
      // Usually the still-open array makes nats-server fail further down; then this is the cause.
      const fails = this.lexed.errors.some((e) => e.start >= span.start);
      const raw = this.text.slice(span.start, span.end);
      this.diag(fails ? this.errors : this.warnings, Code.numberBeforeBracket,
        `nats-server does not end a number at \`]\`: it reads \`${raw}\` as the text "${raw}", so the array is not closed here. Put a space or a comma before \`]\`: \`${raw.slice(0, -1)} ]\`.`, span.start, span.end);
    }
    // Normally only the document's own map is still open here (more if lexing stopped short).
    while (this.stack.length > 0) this.takeChildren(this.stack.pop()!);
    this.errors.sort((a, b) => a.start - b.start || a.end - b.end);
    this.warnings.sort((a, b) => a.start - b.start);
    const document: DocumentNode = { type: 'document', start: 0, end: this.text.length, body: this.body };
    const text = this.text;
    let tokens: Token[] | undefined;
    return {
      text,
      errors: this.errors,
      warnings: this.warnings,
      document,
      // Only formatting and completion read the token stream, and parses are kept (every file of
      // a workspace check is): build it on first use, from a fresh lex, rather than hold it always.
      get tokens(): Token[] {
        return (tokens ??= buildTokens(text, lex(text)));
      },
      comments: this.comments,
    };
  }

  private top(): Open { return this.stack[this.stack.length - 1]; }

  private addChild(node: EntryOrInclude | ValueNode): void {
    this.children[this.childCount++] = node;
  }

  private bodyChildCount(): number {
    return (this.stack.length > 1 ? this.stack[1].from : this.childCount) - this.stack[0].from;
  }

  /** Gives a container that is done (closed, or open at the end) its list of children. */
  private takeChildren(open: Open): void {
    const children = this.children, from = open.from, count = this.childCount - from;
    this.childCount = from;
    if (count === 0) return; // the node's own empty list stays
    // Short lists (nearly all of them) as array literals: V8 tracks where those are allocated, so
    // they too can be placed in the old generation directly (see key()).
    const list = count === 1 ? [children[from]]
      : count === 2 ? [children[from], children[from + 1]]
      : count === 3 ? [children[from], children[from + 1], children[from + 2]]
      : children.slice(from, from + count);
    if (open.isMap) (open.node as MapNode).entries = list as EntryOrInclude[];
    else (open.node as ArrayNode).items = list as ValueNode[];
  }

  private openContainer(node: MapNode | ArrayNode, isMap: boolean): void {
    this.stack.push({ node, isMap, pending: undefined, from: this.childCount });
  }

  /** Lexer error offsets, sorted, to tell quickly whether an error explains a missing value. */
  private readonly errorStarts: number[];

  private hasLexErrorIn(from: number, to: number): boolean {
    const starts = this.errorStarts;
    let lo = 0, hi = starts.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (starts[mid] < from) lo = mid + 1; else hi = mid; }
    return lo < starts.length && starts[lo] <= to;
  }

  /** Is there an error between `span` and the next item? Then a missing value is explained. */
  private errorAfter(span: Span): boolean {
    const items = this.lexed.items;
    const limit = this.index + 1 < items.length ? items.start[this.index + 1] : this.text.length;
    return this.hasLexErrorIn(span.start, Math.max(limit, span.end));
  }

  /** Only closing brackets can be synthetic; asking just for them keeps the set out of the hot loop. */
  private isSynthetic(i: number): boolean {
    const kind = this.lexed.items.kind[i];
    return (kind === Kind.MapEnd || kind === Kind.ArrayEnd) && this.lexed.items.synthetic.has(i);
  }

  /** A key whose value never came: decide whether nats-server minded. */
  private settleDangling(open: Open): void {
    const entry = open.pending;
    open.pending = undefined;
    if (!entry || entry.value) return;
    if (this.hasLexErrorIn(entry.key.start, entry.end + 1) || this.errorAfter(entry.key)) return;
    entryStates.set(entry, { dangling: true });
    this.diag(this.warnings, Code.keyWithoutValue,
      `\`${entry.key.name}\` has no value. nats-server accepts this but then stores the enclosing block's value under \`${entry.key.name}\` instead of its own name. Write \`${entry.key.name} = value\` or remove it.`, entry.key.start, entry.key.end);
  }

  private key(i: number): void {
    const open = this.top();
    if (!open.isMap) return;
    this.settleDangling(open);
    const items = this.lexed.items;
    const start = items.start[i], end = items.end[i], style = items.style[i];
    const name = items.value(i);
    const quote = style === Style.Double ? '"' as const : style === Style.Single ? "'" as const : undefined;
    const at = items.separatorAt[i];
    const char = at >= 0 && this.text.charCodeAt(at) === 0x3a ? ':' as const : '=' as const;
    // The key, its separator and (for the most common value, a string) its value are written as
    // literals nested inside the entry's literal on purpose: V8 records where objects with nested
    // literals are allocated, sees that entries outlive the parse, and then allocates them directly
    // in the old generation instead of copying each one there later (much of the parse time).
    // The value nearly always comes right after its key: take it now, so that the entry is created
    // with all of its fields (adding `value` afterwards costs V8 an extra allocation per entry).
    // The next item then counts as processed, exactly as if the loop had attached it.
    const next = i + 1;
    const nextKind = next < items.length ? items.kind[next] : -1;
    let entry: EntryNode;
    if (nextKind === Kind.String) {
      const vStart = items.start[next], vEnd = items.end[next], v = items.value(next);
      const raw = items.valueIsRaw(next) ? v : items.slice(vStart, vEnd);
      const vStyle = STYLE_NAME[items.style[next]] ?? 'bare';
      this.warnSwallowedQuote(next);
      entry = at < 0
        ? { type: 'entry', key: { name, start, end, quote }, start, end: vEnd, separator: undefined,
          value: { type: 'scalar', kind: 'string', start: vStart, end: vEnd, raw, value: v, style: vStyle } }
        : { type: 'entry', key: { name, start, end, quote }, start, end: vEnd, separator: { start: at, end: at + 1, char },
          value: { type: 'scalar', kind: 'string', start: vStart, end: vEnd, raw, value: v, style: vStyle } };
    } else {
      const value = nextKind >= 0 ? this.valueNode(next) : undefined;
      if (value === undefined) {
        entry = at < 0
          ? { type: 'entry', key: { name, start, end, quote }, start, end, separator: undefined }
          : { type: 'entry', key: { name, start, end, quote }, start, end: at + 1, separator: { start: at, end: at + 1, char } };
        this.addChild(entry);
        open.pending = entry;
        return;
      }
      const vEnd = items.end[next];
      entry = at < 0
        ? { type: 'entry', key: { name, start, end, quote }, start, end: vEnd, separator: undefined, value }
        : { type: 'entry', key: { name, start, end, quote }, start, end: vEnd, separator: { start: at, end: at + 1, char }, value };
    }
    this.index = this.lastGoItem = next;
    this.addChild(entry);
    if (nextKind === Kind.MapStart || nextKind === Kind.ArrayStart) {
      open.pending = entry;
      this.openContainer(entry.value as MapNode | ArrayNode, nextKind === Kind.MapStart);
    } else {
      open.pending = undefined;
    }
  }

  /** The node for item i if it is a value (a container is not entered yet), else undefined. */
  private valueNode(i: number): ValueNode | undefined {
    const items = this.lexed.items;
    const start = items.start[i], end = items.end[i];
    switch (items.kind[i]) {
      case Kind.String: case Kind.Bool: case Kind.Integer: case Kind.Float: case Kind.Datetime:
        return this.scalar(i);
      case Kind.Variable:
        return { type: 'variable', start, end, name: items.value(i), nameSpan: { start: start + 1, end } };
      // A container that will be closed gets its `close` at once, so V8 never grows the node.
      case Kind.MapStart: {
        const c = this.closers[i];
        if (c < 0) return { type: 'map', start, end, entries: [], open: { start, end } };
        return { type: 'map', start, end, entries: [], open: { start, end }, close: { start: items.start[c], end: items.end[c] } };
      }
      case Kind.ArrayStart: {
        const c = this.closers[i];
        if (c < 0) return { type: 'array', start, end, items: [], open: { start, end } };
        return { type: 'array', start, end, items: [], open: { start, end }, close: { start: items.start[c], end: items.end[c] } };
      }
      default:
        return undefined;
    }
  }

  private include(i: number): void {
    const open = this.top();
    if (!open.isMap) return;
    this.settleDangling(open);
    const items = this.lexed.items;
    const start = items.start[i], end = items.end[i], style = items.style[i];
    const keyword = items.keyword.get(i) ?? { start, end: start };
    const node: IncludeNode = {
      type: 'include', start: keyword.start, end, keyword, path: items.value(i),
      pathSpan: { start, end },
      quote: style === Style.Double ? '"' : style === Style.Single ? "'" : undefined,
    };
    this.addChild(node);
    this.warnSwallowedQuote(i);
  }

  private warnSwallowedQuote(i: number): void {
    const items = this.lexed.items;
    const end = items.end[i];
    if (items.style[i] === Style.Bare && this.text.charCodeAt(end) === 0x27) {
      this.diag(this.warnings, Code.swallowedQuote, 'nats-server ends this unquoted value at the `\'` and drops the quote. Quote the whole value if the quote belongs to it.', end, end + 1);
    }
  }

  private scalar(i: number): ScalarNode {
    const items = this.lexed.items;
    const start = items.start[i], end = items.end[i], value = items.value(i), style = items.style[i], kind = items.kind[i];
    // Unquoted values without escapes are their own source text: no second copy is needed.
    const raw = items.valueIsRaw(i) ? value : items.slice(start, end);
    // Each node is created with its final set of fields (in the order the types list them), so
    // that V8 never has to grow one afterwards.
    switch (kind) {
      case Kind.Bool:
        return { type: 'scalar', kind: 'boolean', start, end, raw, value: booleanValue(value) };
      case Kind.Integer: {
        const r = integerValue(value);
        if (r.ok === true) return { type: 'scalar', kind: 'integer', start, end, raw, value: r.value };
        if (r.ok === 'dropped') {
          this.diag(this.warnings, Code.unknownSizeSuffix,
            `Unknown size suffix \`${r.suffix}\`: nats-server silently ignores this setting. Use k, m, g, t, p or e (powers of 1000) or kb/ki/kib, mb, gb, tb, pb, eb (powers of 1024).`, start, end);
          return { type: 'scalar', kind: 'integer', start, end, raw, value: undefined, dropped: true };
        }
        this.diag(this.errors, r.code, r.message, start, end);
        return { type: 'scalar', kind: 'integer', start, end, raw, value: undefined };
      }
      case Kind.Float: {
        const r = floatValue(value);
        if (r.ok === true) return { type: 'scalar', kind: 'float', start, end, raw, value: r.value };
        if (r.ok === false) this.diag(this.errors, r.code, r.message, start, end);
        return { type: 'scalar', kind: 'float', start, end, raw, value: undefined };
      }
      case Kind.Datetime: {
        const r = datetimeValue(value);
        if (r.ok === true) return { type: 'scalar', kind: 'datetime', start, end, raw, value: r.value };
        if (r.ok === false) this.diag(this.errors, r.code, r.message, start, end);
        return { type: 'scalar', kind: 'datetime', start, end, raw, value: undefined };
      }
      default:
        this.warnSwallowedQuote(i);
        return { type: 'scalar', kind: 'string', start, end, raw, value, style: STYLE_NAME[style] ?? 'bare' };
    }
  }

  /** Adds value item i to the innermost container (entering it if it is a container itself). */
  private attach(i: number): void {
    const value = this.valueNode(i)!;
    const kind = this.lexed.items.kind[i], end = this.lexed.items.end[i];
    const isContainer = kind === Kind.MapStart || kind === Kind.ArrayStart;
    const open = this.top();
    if (!open.isMap) {
      this.addChild(value);
      open.node.end = end;
    } else {
      const entry = open.pending;
      if (entry) { // only missing after error recovery
        entry.value = value;
        entry.end = end;
        if (!isContainer) open.pending = undefined;
      }
    }
    if (isContainer) this.openContainer(value as MapNode | ArrayNode, kind === Kind.MapStart);
  }

  private close(i: number): void {
    if (this.stack.length <= 1) return;
    const open = this.stack.pop()!;
    this.takeChildren(open);
    this.settleDangling(open);
    const node = open.node;
    node.end = this.lexed.items.end[i]; // `close` is already set, unless this end is synthetic
    this.afterContainerClosed(node, node.end);
  }

  private afterContainerClosed(node: MapNode | ArrayNode, end: number): void {
    const parent = this.top();
    if (parent.isMap && parent.pending && parent.pending.value === node) {
      parent.pending.end = end;
      parent.pending = undefined;
    } else if (!parent.isMap) {
      parent.node.end = end;
    }
  }

  private finish(lastGoItem: number): void {
    // nats-server's last check: the file must not end right after a key (current upstream only).
    const items = this.lexed.items;
    if (lastGoItem >= 0 && items.kind[lastGoItem] === Kind.Key && this.lexed.errors.length === 0) {
      const open = this.top();
      const entry = open.pending;
      if (entry && !entry.value && entry.key.start === items.start[lastGoItem]) {
        open.pending = undefined;
        this.keyAtEnd(open, entry);
      }
    }
    // Containers still open here are ones nats-server accepted (a string quote opened right before
    // the end of the file stops it); recovery closes the others itself.
    while (this.stack.length > 1) {
      const open = this.stack.pop()!;
      this.takeChildren(open);
      this.settleDangling(open);
      open.node.end = this.text.length;
      this.diag(this.warnings, open.node.type === 'map' ? Code.unclosedMap : Code.unclosedArray,
        `This ${open.node.type} is never closed: add \`${open.node.type === 'map' ? '}' : ']'}\`.`, (open.node.open ?? open.node).start, (open.node.open ?? open.node).end);
      this.afterContainerClosed(open.node, open.node.end);
    }
    this.settleDangling(this.stack[0]);
  }

  private keyAtEnd(open: Open, entry: EntryNode): void {
    if (entry.key.name === '}') {
      // nats-server lets a trailing `}` become a key without value, to accept JSON-like files.
      if (open.isMap && this.childCount > open.from) this.childCount--; // it is the last child
      this.diag(this.warnings, Code.strayCloseBrace, 'This `}` does not close anything: nats-server ignores it. Remove it, or add the matching `{` at the start of the file.', entry.key.start, entry.key.end);
      return;
    }
    const keyLine = this.lineOf(entry.key.start);
    const eofLine = this.lineOf(this.eofAt);
    this.diag(this.errors, Code.missingValue, `\`${entry.key.name}\` has no value: write \`${entry.key.name} = value\`, or remove it.`, entry.key.start, entry.key.end,
      keyLine === eofLine ? eofLine : keyLine);
    if (eofLine !== keyLine) {
      this.diag(this.errors, Code.missingValue, `The file ends while \`${entry.key.name}\` (line ${keyLine}) still waits for its value.`, this.eofAt, this.eofAt, eofLine);
    }
  }
}

export { LexResult };
