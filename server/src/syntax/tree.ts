// Types shared by the syntax layer. The first block is the contract other parts of the language
// server compile against (Span, SyntaxError, ConfigValue, ConfigMap, ParseResult): keep its names
// and meanings. Offsets are UTF-16 code units into the parsed text, half-open [start, end).

/** Half-open character offsets [start, end) into the parsed text (UTF-16 code units, as JS strings). */
export interface Span { start: number; end: number }

/** A syntax error: a precise range, a stable kebab-case code, and a message saying what to write instead. */
export interface SyntaxError extends Span {
  code: string;
  message: string;
  /**
   * The 1-based line nats-server names for this problem ("Parse error on line N"), counting only
   * '\n' as Go does. Usually the line of `start`; it differs when nats-server only notices the
   * problem later: after consuming a new line (`a =` followed by a line break: the range then covers
   * that line break, so `end` sits on the named line) or at the end of the file (an unterminated
   * string or map: a second error with code `unexpected-eof` sits at the end of the file).
   */
  line: number;
}

/**
 * Values as nats-server's conf package computes them:
 * integers are bigint (int64, wrapped exactly as Go wraps), floats are number, datetimes are Date,
 * maps are objects created with Object.create(null), arrays are arrays.
 */
export type ConfigValue = string | boolean | bigint | number | Date | ConfigValue[] | ConfigMap;
export interface ConfigMap { [key: string]: ConfigValue }

export interface ParseResult {
  text: string;
  /** Syntax errors in text order; parsing continues after each one. */
  errors: SyntaxError[];
  /**
   * Things nats-server accepts but that are almost certainly mistakes (a key with no value before
   * `}`, an unknown size suffix such as `1kbb` that silently drops the setting, an unclosed `{`
   * around the whole file). Never reported as errors, because nats-server starts with them.
   */
  warnings: SyntaxError[];
  /** The whole file as a tree; always present, even for broken input. */
  document: DocumentNode;
  /** Every character of `text`, in order: concatenating the token texts gives `text` back. */
  tokens: Token[];
  /** Comments in text order (also present in `tokens`), for formatting and quick fixes. */
  comments: CommentNode[];
}

// ---------------------------------------------------------------------------------------------
// Tokens: the lossless stream.

export type TokenKind =
  | 'key' | 'string' | 'block-string' | 'integer' | 'float' | 'boolean' | 'datetime' | 'variable'
  | 'include-keyword' | 'include-path'
  | 'comment' | 'whitespace' | 'newline'
  | 'separator'        // '=' or ':' between a key and its value
  | 'terminator'       // ';' or ',' after a value
  | 'map-open' | 'map-close' | 'array-open' | 'array-close'
  | 'block-open' | 'block-close'   // '{' '}' wrapping the whole file (or a top-level group)
  | 'stray';           // characters skipped by error recovery or swallowed by nats-server's quirks

export interface Token extends Span { kind: TokenKind; text: string }

// ---------------------------------------------------------------------------------------------
// Tree.

export type ScalarKind = 'string' | 'integer' | 'float' | 'boolean' | 'datetime';

/** How a string was written: bare word, "double", 'single' or a ( block ). */
export type StringStyle = 'bare' | 'double' | 'single' | 'block';

export interface ScalarNode extends Span {
  type: 'scalar';
  kind: ScalarKind;
  /** The source text of the value, quotes included. */
  raw: string;
  /** The value as nats-server computes it; undefined when nats-server rejects it (see errors). */
  value: string | boolean | bigint | number | Date | undefined;
  /** For strings: how it was quoted. */
  style?: StringStyle;
  /** For integers with an unknown size suffix (`1kbb`): nats-server stores nothing at all. */
  dropped?: boolean;
}

export interface VariableNode extends Span {
  type: 'variable';
  /** The name without `$`. */
  name: string;
  /** Span of the name (after `$`). */
  nameSpan: Span;
}

export interface MapNode extends Span {
  type: 'map';
  entries: EntryOrInclude[];
  /** The `{`; the document's own map has none unless the file is wrapped in `{ }`. */
  open?: Span;
  /** The `}`; undefined when missing. */
  close?: Span;
}

export interface ArrayNode extends Span {
  type: 'array';
  items: ValueNode[];
  open: Span;
  close?: Span;
}

export type ValueNode = ScalarNode | VariableNode | MapNode | ArrayNode;

export interface KeyNode extends Span {
  /** The key as nats-server reads it (quotes removed; no escapes are processed in keys). */
  name: string;
  quote?: '"' | "'";
}

export interface EntryNode extends Span {
  type: 'entry';
  key: KeyNode;
  /** '=' or ':' with its span; undefined when key and value are separated by whitespace only. */
  separator?: Span & { char: '=' | ':' };
  /** Undefined when the value is missing (a syntax error or a warning says so). */
  value?: ValueNode;
}

export interface IncludeNode extends Span {
  type: 'include';
  keyword: Span;
  /** The path exactly as nats-server uses it (quotes removed, nothing unescaped). */
  path: string;
  pathSpan: Span;
  quote?: '"' | "'";
}

export type EntryOrInclude = EntryNode | IncludeNode;

export interface CommentNode extends Span {
  /** The comment text without its `#` or `//`. */
  text: string;
  marker: '#' | '//';
}

export interface DocumentNode extends Span {
  type: 'document';
  /** The top-level map; `open`/`close` are set when the file is wrapped in `{ }`. */
  body: MapNode;
}

export type Node = DocumentNode | MapNode | ArrayNode | EntryNode | IncludeNode | ScalarNode | VariableNode;
