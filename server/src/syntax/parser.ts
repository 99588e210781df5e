// Builds the tree from the lexer's items, computes scalar values, and adds the checks nats-server
// makes after lexing (a key left without a value at the end of the file, bad integers, ...).
// Iterative: containers live on an explicit stack.

import { lex, Item, LexResult } from './lexer';
import { Code } from './codes';
import { buildTokens } from './tokens';
import { booleanValue, datetimeValue, floatValue, integerValue } from './values';
import {
  ArrayNode, CommentNode, DocumentNode, EntryNode, IncludeNode, MapNode, ParseResult, ScalarNode, Span,
  SyntaxError, Token, ValueNode, VariableNode,
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

interface Open { node: MapNode | ArrayNode; pending?: EntryNode }

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
  private readonly lineStarts: number[] = [0];
  private index = 0;
  /** Where nats-server stops reading: the end of the text, or a NUL character. */
  private eofAt: number;

  constructor(private readonly text: string, private readonly lexed: LexResult) {
    this.errors = [...lexed.errors];
    this.errorStarts = lexed.errors.map((e) => e.start).sort((a, b) => a - b);
    this.body = { type: 'map', start: 0, end: text.length, entries: [] };
    this.stack = [{ node: this.body }];
    this.eofAt = text.length;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  private lineOf(offset: number): number {
    let lo = 0, hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return lo + 1;
  }

  private diag(list: SyntaxError[], code: string, message: string, span: Span, line = this.lineOf(span.start)): void {
    list.push({ code, message, start: span.start, end: span.end, line });
  }

  build(): ParseResult {
    const items = this.lexed.items;
    let blockDepth = 0;
    let lastGoItem: Item | undefined;
    for (this.index = 0; this.index < items.length; this.index++) {
      const item = items[this.index];
      if (item.kind !== 'block-open' && item.kind !== 'block-close' && item.kind !== 'comment' && item.kind !== 'eof' && !item.synthetic) lastGoItem = item;
      switch (item.kind) {
        case 'key': this.key(item); break;
        case 'include': this.include(item); break;
        case 'string': case 'bool': case 'integer': case 'float': case 'datetime':
          this.attach(this.scalar(item)); break;
        case 'variable': this.attach(this.variable(item)); break;
        case 'map-start': {
          const node: MapNode = { type: 'map', start: item.start, end: item.end, entries: [], open: { start: item.start, end: item.end } };
          this.attach(node);
          this.stack.push({ node });
          break;
        }
        case 'array-start': {
          const node: ArrayNode = { type: 'array', start: item.start, end: item.end, items: [], open: { start: item.start, end: item.end } };
          this.attach(node);
          this.stack.push({ node });
          break;
        }
        case 'map-end': case 'array-end': this.close(item); break;
        case 'block-open':
          if (blockDepth++ === 0 && !this.body.open && this.body.entries.length === 0) this.body.open = { start: item.start, end: item.end };
          break;
        case 'block-close':
          if (--blockDepth === 0 && this.body.open && !this.body.close) this.body.close = { start: item.start, end: item.end };
          break;
        case 'comment': {
          const marker = this.text.startsWith('//', item.start) ? '//' : '#';
          this.comments.push({ start: item.start, end: item.end, text: item.value, marker });
          break;
        }
        case 'eof':
          this.eofAt = item.start;
          this.finish(lastGoItem);
          break;
      }
    }
    const nul = this.text.indexOf('\0');
    if (nul >= 0 && (this.eofAt < this.text.length || this.errors.length === 0)) {
      this.diag(this.warnings, Code.nulCharacter, 'nats-server treats this NUL character as the end of the file: depending on where it is, the rest of the file is ignored or the text around it is cut. Remove it.', { start: nul, end: nul + 1 });
    }
    if (this.body.open && !this.body.close) {
      this.diag(this.warnings, Code.unclosedBlock, 'This `{` around the configuration is never closed: add `}` at the end of the file. nats-server accepts it, but editors and other tools may not.', this.body.open);
    }
    if (this.lexed.strayQuoteAt !== undefined) {
      const at = this.lexed.strayQuoteAt;
      this.diag(this.warnings, Code.strayQuote, 'This quote opens a string that the file ends before closing; nats-server ignores it silently. Remove it or close the string.', { start: at, end: at + 1 });
    }
    for (const span of this.lexed.swallowedBrackets) {
      // Usually the still-open array makes nats-server fail further down; then this is the cause.
      const fails = this.lexed.errors.some((e) => e.start >= span.start);
      const raw = this.text.slice(span.start, span.end);
      this.diag(fails ? this.errors : this.warnings, Code.numberBeforeBracket,
        `nats-server does not end a number at \`]\`: it reads \`${raw}\` as the text "${raw}", so the array is not closed here. Put a space or a comma before \`]\`: \`${raw.slice(0, -1)} ]\`.`, span);
    }
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
    const next = this.lexed.items[this.index + 1];
    const limit = next ? next.start : this.text.length;
    return this.hasLexErrorIn(span.start, Math.max(limit, span.end));
  }

  /** A key whose value never came: decide whether nats-server minded. */
  private settleDangling(open: Open): void {
    const entry = open.pending;
    open.pending = undefined;
    if (!entry || entry.value) return;
    if (this.hasLexErrorIn(entry.key.start, entry.end + 1) || this.errorAfter(entry.key)) return;
    entryStates.set(entry, { dangling: true });
    this.diag(this.warnings, Code.keyWithoutValue,
      `\`${entry.key.name}\` has no value. nats-server accepts this but then stores the enclosing block's value under \`${entry.key.name}\` instead of its own name. Write \`${entry.key.name} = value\` or remove it.`, entry.key);
  }

  private key(item: Item): void {
    const open = this.top();
    if (open.node.type !== 'map') return;
    this.settleDangling(open);
    const key = {
      name: item.value, start: item.start, end: item.end,
      quote: item.style === 'double' ? '"' as const : item.style === 'single' ? "'" as const : undefined,
    };
    const entry: EntryNode = { type: 'entry', key, start: item.start, end: (item.separator ?? item).end, separator: item.separator };
    open.node.entries.push(entry);
    open.pending = entry;
  }

  private include(item: Item): void {
    const open = this.top();
    if (open.node.type !== 'map') return;
    this.settleDangling(open);
    const keyword = item.keyword ?? { start: item.start, end: item.start };
    const node: IncludeNode = {
      type: 'include', start: keyword.start, end: item.end, keyword, path: item.value,
      pathSpan: { start: item.start, end: item.end },
      quote: item.style === 'double' ? '"' : item.style === 'single' ? "'" : undefined,
    };
    open.node.entries.push(node);
    this.warnSwallowedQuote(item);
  }

  private warnSwallowedQuote(item: Item): void {
    if (item.style === 'bare' && this.text.charCodeAt(item.end) === 0x27) {
      this.diag(this.warnings, Code.swallowedQuote, 'nats-server ends this unquoted value at the `\'` and drops the quote. Quote the whole value if the quote belongs to it.', { start: item.end, end: item.end + 1 });
    }
  }

  private scalar(item: Item): ScalarNode {
    const node: ScalarNode = { type: 'scalar', kind: 'string', start: item.start, end: item.end, raw: this.text.slice(item.start, item.end), value: undefined };
    switch (item.kind) {
      case 'bool':
        node.kind = 'boolean';
        node.value = booleanValue(item.value);
        return node;
      case 'integer': {
        node.kind = 'integer';
        const r = integerValue(item.value);
        if (r.ok === true) node.value = r.value;
        else if (r.ok === 'dropped') {
          node.dropped = true;
          this.diag(this.warnings, Code.unknownSizeSuffix,
            `Unknown size suffix \`${r.suffix}\`: nats-server silently ignores this setting. Use k, m, g, t, p or e (powers of 1000) or kb/ki/kib, mb, gb, tb, pb, eb (powers of 1024).`, item);
        } else this.diag(this.errors, r.code, r.message, item);
        return node;
      }
      case 'float': {
        node.kind = 'float';
        const r = floatValue(item.value);
        if (r.ok === true) node.value = r.value;
        else if (r.ok === false) this.diag(this.errors, r.code, r.message, item);
        return node;
      }
      case 'datetime': {
        node.kind = 'datetime';
        const r = datetimeValue(item.value);
        if (r.ok === true) node.value = r.value;
        else if (r.ok === false) this.diag(this.errors, r.code, r.message, item);
        return node;
      }
      default:
        this.warnSwallowedQuote(item);
        node.value = item.value;
        node.style = item.style ?? 'bare';
        return node;
    }
  }

  private variable(item: Item): VariableNode {
    return { type: 'variable', start: item.start, end: item.end, name: item.value, nameSpan: { start: item.start + 1, end: item.end } };
  }

  private attach(value: ValueNode): void {
    const open = this.top();
    if (open.node.type === 'array') {
      open.node.items.push(value);
      open.node.end = value.end;
      return;
    }
    const entry = open.pending;
    if (!entry) return; // only after error recovery
    entry.value = value;
    entry.end = value.end;
    if (!(value.type === 'map' || value.type === 'array')) open.pending = undefined;
  }

  private close(item: Item): void {
    if (this.stack.length <= 1) return;
    const open = this.stack.pop()!;
    this.settleDangling(open);
    const node = open.node;
    node.end = item.end;
    if (!item.synthetic) node.close = { start: item.start, end: item.end };
    this.afterContainerClosed(node);
  }

  /** A map or array value finished: its entry ends here. */
  private afterContainerClosed(node: MapNode | ArrayNode): void {
    const parent = this.top();
    if (parent.node.type === 'map' && parent.pending && parent.pending.value === node) {
      parent.pending.end = node.end;
      parent.pending = undefined;
    } else if (parent.node.type === 'array') {
      parent.node.end = node.end;
    }
  }

  private finish(lastGoItem: Item | undefined): void {
    // nats-server's last check: the file must not end right after a key (current upstream only).
    if (lastGoItem && lastGoItem.kind === 'key' && this.lexed.errors.length === 0) {
      const open = this.top();
      const entry = open.pending;
      if (entry && !entry.value && entry.key.start === lastGoItem.start) {
        open.pending = undefined;
        this.keyAtEnd(open, entry);
      }
    }
    // Containers still open here are ones nats-server accepted (a string quote opened right before
    // the end of the file stops it); recovery closes the others itself.
    while (this.stack.length > 1) {
      const open = this.stack.pop()!;
      this.settleDangling(open);
      open.node.end = this.text.length;
      this.diag(this.warnings, open.node.type === 'map' ? Code.unclosedMap : Code.unclosedArray,
        `This ${open.node.type} is never closed: add \`${open.node.type === 'map' ? '}' : ']'}\`.`, open.node.open ?? open.node);
      this.afterContainerClosed(open.node);
    }
    this.settleDangling(this.stack[0]);
  }

  private keyAtEnd(open: Open, entry: EntryNode): void {
    if (entry.key.name === '}') {
      // nats-server lets a trailing `}` become a key without value, to accept JSON-like files.
      if (open.node.type === 'map') open.node.entries.pop();
      this.diag(this.warnings, Code.strayCloseBrace, 'This `}` does not close anything: nats-server ignores it. Remove it, or add the matching `{` at the start of the file.', entry.key);
      return;
    }
    const keyLine = this.lineOf(entry.key.start);
    const eofLine = this.lineOf(this.eofAt);
    this.diag(this.errors, Code.missingValue, `\`${entry.key.name}\` has no value: write \`${entry.key.name} = value\`, or remove it.`, entry.key,
      keyLine === eofLine ? eofLine : keyLine);
    if (eofLine !== keyLine) {
      this.diag(this.errors, Code.missingValue, `The file ends while \`${entry.key.name}\` (line ${keyLine}) still waits for its value.`, { start: this.eofAt, end: this.eofAt }, eofLine);
    }
  }
}

export { LexResult };
