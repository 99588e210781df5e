// Computes the configuration nats-server would load: variables, environment fallback and includes.
// It replays the tree in document order with the same bookkeeping as nats-server's conf parser
// (a stack of open maps/arrays and a stack of pending keys), so even its oddities come out the same:
// a key without value or an integer with an unknown suffix leaves its key pending, and the next
// value stored in that map lands under it.

import * as path from 'path';
import { parse } from './parser';
import { entryState } from './parser';
import { Code } from './codes';
import { ArrayNode, ConfigMap, ConfigValue, EntryOrInclude, IncludeNode, MapNode, ParseResult, Span, ValueNode, VariableNode } from './tree';

export interface EvalHost {
  /** The file's text, or undefined when it cannot be read. Paths are absolute. */
  readFile(absPath: string): string | undefined;
  /** Environment variables, consulted for `$NAME` when no enclosing block defines NAME. */
  env: Record<string, string | undefined>;
}

export interface EvalRelated { file: string; start: number; end: number; message: string }

export interface EvalDiagnostic {
  file: string;
  start: number;
  end: number;
  code: string;
  message: string;
  related?: EvalRelated[];
  /** 'warning' for things nats-server accepts; absent means error. */
  severity?: 'error' | 'warning';
  /** 1-based line nats-server would name (see SyntaxError.line); present for syntax problems. */
  line?: number;
}

/** A place in a file: half-open UTF-16 offsets. */
export interface SourceSpan { file: string; start: number; end: number }

/**
 * Where evaluated values came from. Includes and variables move values between files, so rules
 * that look at `value` use this to point back at the text. Keyed by the map/array objects of `value`.
 */
export interface EvalOrigins {
  /** The key of `key` in `map` (its last definition, which wins). */
  keyAt(map: object, key: string): SourceSpan | undefined;
  /** The value of `key` in `map` where it is written (for `$VAR`, the reference, not the definition). */
  valueAt(map: object, key: string): SourceSpan | undefined;
  /** Element `index` of `array`. */
  itemAt(array: object, index: number): SourceSpan | undefined;
}

export interface EvalResult {
  value: ConfigMap;
  /** Where each key and value of `value` is written. */
  origins: EvalOrigins;
  diagnostics: EvalDiagnostic[];
  /** Every file read, the root first, in the order nats-server reads them. */
  files: string[];
}

export interface EvaluateOptions {
  /** Supplies parse results, e.g. from the language server's document cache. */
  parse?: (file: string, text: string) => ParseResult;
  /** Include the root file's own syntax errors and warnings in `diagnostics` (default true). */
  rootSyntax?: boolean;
}

export const EvalCode = {
  undefinedVariable: 'undefined-variable',
  variableCycle: 'variable-cycle',
  invalidEnvValue: 'invalid-env-value',
  includeNotFound: 'include-not-found',
  includeCycle: 'include-cycle',
  includeHasErrors: 'include-has-errors',
} as const;

/** Reuses parse results while a file's text is unchanged. */
export class ParseCache {
  private readonly entries = new Map<string, ParseResult>();
  get(file: string, text: string): ParseResult {
    const hit = this.entries.get(file);
    if (hit && hit.text === text) return hit;
    const result = parse(text);
    this.entries.set(file, result);
    return result;
  }
  delete(file: string): void { this.entries.delete(file); }
  clear(): void { this.entries.clear(); }
}

export function evaluate(file: string, host: EvalHost, options: EvaluateOptions = {}): EvalResult {
  const root = path.resolve(file);
  const ev = new Evaluator(host, options.parse ?? ((_f, t) => parse(t)));
  const text = host.readFile(root);
  if (text === undefined) {
    ev.diagnostics.push({ file: root, start: 0, end: 0, code: EvalCode.includeNotFound, message: `Cannot read ${root}.` });
    return { value: Object.create(null), origins: ev.origins, diagnostics: ev.diagnostics, files: [root] };
  }
  const value = ev.evaluateFile(root, text, options.rootSyntax ?? true);
  return { value, origins: ev.origins, diagnostics: ev.diagnostics, files: ev.files };
}

/** Evaluates one text on its own (includes resolve against `file`'s folder through `host`, if given). */
export function evaluateText(text: string, env: Record<string, string | undefined> = {}, file = '/config.conf',
  readFile: (absPath: string) => string | undefined = () => undefined): EvalResult {
  const ev = new Evaluator({ env, readFile }, (_f, t) => parse(t));
  const value = ev.evaluateFile(path.resolve(file), text, true);
  return { value, origins: ev.origins, diagnostics: ev.diagnostics, files: ev.files };
}

type Ctx = ConfigMap | ConfigValue[];

/** A key waiting for its value: where it is written (the tree node itself, no copy). */
interface PendingKey { name: string; file: string; at?: Span }

interface Replay {
  file: string;
  ctxs: Ctx[];
  keys: PendingKey[];
}

/** Where one stored entry is written. The spans are tree nodes; copies are made only when asked. */
interface EntryOrigin { keyFile: string; key?: Span; valueFile: string; value?: Span }
/** Where the items of one array are written (an array never spans files). */
interface ItemOrigins { file: string; spans: (Span | undefined)[] }

const at = (file: string, span: Span | undefined): SourceSpan | undefined => (span && file ? { file, start: span.start, end: span.end } : undefined);

/**
 * Origins are kept as references to the tree's own nodes, one small record per stored entry, and
 * turned into SourceSpans only when a rule asks: a large configuration stores hundreds of thousands
 * of values, and copying two spans for each made evaluation allocate more than parsing.
 */
class OriginTable implements EvalOrigins {
  // Maps rather than WeakMaps: the table lives exactly as long as the evaluated value, and a WeakMap
  // with an entry per map of a large file was most of evaluation's time (ephemeron bookkeeping).
  private readonly entries = new Map<object, Map<string, EntryOrigin>>();
  private readonly items = new Map<object, ItemOrigins>();
  keyAt(map: object, key: string): SourceSpan | undefined {
    const origin = this.entries.get(map)?.get(key);
    return origin && at(origin.keyFile, origin.key);
  }
  valueAt(map: object, key: string): SourceSpan | undefined {
    const origin = this.entries.get(map)?.get(key);
    return origin && at(origin.valueFile, origin.value);
  }
  itemAt(array: object, index: number): SourceSpan | undefined {
    const list = this.items.get(array);
    return list && at(list.file, list.spans[index]);
  }
  /** The record behind keyAt/valueAt, for moving an included file's entries without copying spans. */
  originOf(map: object, key: string): EntryOrigin | undefined {
    return this.entries.get(map)?.get(key);
  }
  // Entries of one map are mostly stored one after another: remember the last map's table.
  private lastMap: object | undefined;
  private lastTable: Map<string, EntryOrigin> | undefined;
  setEntry(map: object, key: string, origin: EntryOrigin): void {
    let table = map === this.lastMap ? this.lastTable : undefined;
    if (table === undefined) {
      table = this.entries.get(map);
      if (!table) { table = new Map(); this.entries.set(map, table); }
      this.lastMap = map;
      this.lastTable = table;
    }
    table.set(key, origin);
  }
  private lastArray: object | undefined;
  private lastList: ItemOrigins | undefined;
  pushItem(array: object, file: string, span: Span | undefined): void {
    let list = array === this.lastArray ? this.lastList : undefined;
    if (list === undefined) {
      list = this.items.get(array);
      if (!list) { list = { file, spans: [] }; this.items.set(array, list); }
      this.lastArray = array;
      this.lastList = list;
    }
    list.spans[(array as unknown[]).length - 1] = span;
  }
}

type Lookup = { found: true; value: ConfigValue } | { found: false; problem?: { code: string; message: string } };

class Evaluator {
  readonly diagnostics: EvalDiagnostic[] = [];
  readonly origins = new OriginTable();
  readonly files: string[] = [];
  private readonly including: string[] = [];
  private readonly envInUse = new Set<string>();

  constructor(private readonly host: EvalHost, private readonly parseFile: (file: string, text: string) => ParseResult) {}

  evaluateFile(file: string, text: string, reportSyntax: boolean, parsed?: ParseResult): ConfigMap {
    this.files.push(file);
    const result = parsed ?? this.parseFile(file, text);
    if (reportSyntax) this.reportSyntax(file, result);
    this.including.push(file);
    try {
      return this.replayDocument(file, result.document.body);
    } finally {
      this.including.pop();
    }
  }

  private reportSyntax(file: string, result: ParseResult): void {
    for (const e of result.errors) this.diagnostics.push({ file, start: e.start, end: e.end, code: e.code, message: e.message, line: e.line });
    for (const w of result.warnings) this.diagnostics.push({ file, start: w.start, end: w.end, code: w.code, message: w.message, line: w.line, severity: 'warning' });
  }

  private replayDocument(file: string, body: MapNode): ConfigMap {
    const top: ConfigMap = Object.create(null);
    const r: Replay = { file, ctxs: [top], keys: [] };
    this.replayMap(r, body);
    return top;
  }

  /** Stores a value written at `span` of `valueFile` (the replayed file unless moved from an include). */
  private setValue(r: Replay, value: ConfigValue, span: Span | undefined, valueFile = r.file): void {
    const ctx = r.ctxs[r.ctxs.length - 1];
    if (Array.isArray(ctx)) { ctx.push(value); this.origins.pushItem(ctx, valueFile, span); return; }
    const key = r.keys.pop();
    if (key === undefined) return;
    ctx[key.name] = value;
    this.origins.setEntry(ctx, key.name, { keyFile: key.file, key: key.at, valueFile, value: span });
  }

  /** A value nats-server would have refused: keep the key stack aligned and store nothing. */
  private skipValue(r: Replay): void {
    if (!Array.isArray(r.ctxs[r.ctxs.length - 1])) r.keys.pop();
  }

  /** Walks a map's entries (and nested containers) with an explicit stack: no recursion on depth. */
  private replayMap(r: Replay, map: MapNode): void {
    type Frame =
      | { kind: 'map'; node: MapNode; index: number; own: boolean }
      | { kind: 'array'; node: ArrayNode; index: number };
    const frames: Frame[] = [{ kind: 'map', node: map, index: 0, own: false }];
    while (frames.length) {
      const f = frames[frames.length - 1];
      if (f.kind === 'map') {
        if (f.index >= f.node.entries.length) {
          frames.pop();
          if (f.own) { const done = r.ctxs.pop()!; this.setValue(r, done, f.node); }
          continue;
        }
        const entry: EntryOrInclude = f.node.entries[f.index++];
        if (entry.type === 'include') { this.include(r, entry); continue; }
        if (!entry.value) {
          if (entryState(entry).dangling) r.keys.push({ name: entry.key.name, file: r.file, at: entry.key });
          continue;
        }
        r.keys.push({ name: entry.key.name, file: r.file, at: entry.key });
        const child = this.valueFrame(r, entry.value);
        if (child) frames.push(child);
      } else {
        if (f.index >= f.node.items.length) {
          frames.pop();
          const done = r.ctxs.pop()!;
          this.setValue(r, done, f.node);
          continue;
        }
        const child = this.valueFrame(r, f.node.items[f.index++]);
        if (child) frames.push(child);
      }
    }

  }

  /** Stores a scalar or variable now; for a container, opens it and returns the frame to walk. */
  private valueFrame(r: Replay, v: ValueNode):
    | { kind: 'map'; node: MapNode; index: number; own: boolean }
    | { kind: 'array'; node: ArrayNode; index: number }
    | undefined {
    switch (v.type) {
      case 'map':
        r.ctxs.push(Object.create(null));
        return { kind: 'map', node: v, index: 0, own: true };
      case 'array':
        r.ctxs.push([]);
        return { kind: 'array', node: v, index: 0 };
      case 'scalar':
        if (v.dropped) return undefined; // nats-server stores nothing and leaves the key pending
        if (v.value === undefined) this.skipValue(r); else this.setValue(r, v.value, v);
        return undefined;
      case 'variable': {
        const found = this.lookup(r, v);
        if (found.found) this.setValue(r, found.value, v);
        else {
          this.skipValue(r);
          const problem = found.problem ?? {
            code: EvalCode.undefinedVariable,
            message: `\`$${v.name}\` is not defined: define \`${v.name} = ...\` earlier in this block or an enclosing one, or set the environment variable ${v.name}.`,
          };
          this.diagnostics.push({ file: r.file, start: v.start, end: v.end, code: problem.code, message: problem.message });
        }
        return undefined;
      }
    }
  }

  private lookup(r: Replay, v: VariableNode): Lookup {
    const name = v.name;
    // bcrypt hashes ($2a$...) are written unquoted in configs; nats-server passes them through.
    if (name.startsWith('2a$')) return { found: true, value: '$' + name };
    for (let i = r.ctxs.length - 1; i >= 0; i--) {
      const ctx = r.ctxs[i];
      if (!Array.isArray(ctx) && Object.prototype.hasOwnProperty.call(ctx, name)) return { found: true, value: ctx[name] };
    }
    return this.lookupEnv(name);
  }

  private lookupEnv(name: string): Lookup {
    if (this.envInUse.has(name)) {
      return { found: false, problem: { code: EvalCode.variableCycle, message: `The environment variable ${name} refers back to itself (through $-references in environment values).` } };
    }
    const raw = this.host.env[name];
    if (raw === undefined) return { found: false };
    this.envInUse.add(name);
    try {
      // nats-server parses the value as the text `pk=<value>`, so it is typed like a config value.
      const sub = parse(`pk=${raw}`);
      if (sub.errors.length) {
        return { found: false, problem: { code: EvalCode.invalidEnvValue,
          message: `The environment variable ${name}=${JSON.stringify(raw)} cannot be read as a configuration value: ${sub.errors[0].message} Quote the value inside the variable if it is text with spaces.` } };
      }
      const top: ConfigMap = Object.create(null);
      const r: Replay = { file: '', ctxs: [top], keys: [] };
      const before = this.diagnostics.length;
      this.replayMap(r, sub.document.body);
      if (this.diagnostics.length > before) {
        const inner = this.diagnostics.splice(before);
        return { found: false, problem: { code: inner[0].code === EvalCode.variableCycle ? EvalCode.variableCycle : EvalCode.invalidEnvValue,
          message: `The environment variable ${name} cannot be used: ${inner[0].message}` } };
      }
      return Object.prototype.hasOwnProperty.call(top, 'pk') ? { found: true, value: top.pk } : { found: false };
    } finally {
      this.envInUse.delete(name);
    }
  }

  private include(r: Replay, node: IncludeNode): void {
    const here = r.file;
    // Go's filepath.Join: an absolute include path is still joined under the including folder.
    const target = path.join(path.dirname(here), node.path);
    const at = { file: here, start: node.start, end: node.end };
    const cycleAt = this.including.indexOf(target);
    if (cycleAt >= 0) {
      const chain = [...this.including.slice(cycleAt), target].map((f) => path.basename(f)).join(' → ');
      this.diagnostics.push({ ...at, code: EvalCode.includeCycle,
        message: `Include cycle: ${chain}. nats-server would include these files forever; remove one of the includes.`,
        related: [{ file: target, start: 0, end: 0, message: 'this file is already being included' }] });
      return;
    }
    const text = this.host.readFile(target);
    if (text === undefined) {
      this.diagnostics.push({ ...at, code: EvalCode.includeNotFound,
        message: `Cannot read the included file ${target}. Include paths are relative to the folder of the including file.` });
      return;
    }
    const result = this.parseFile(target, text);
    if (result.errors.length) {
      this.diagnostics.push({ ...at, code: EvalCode.includeHasErrors,
        message: `The included file ${node.path} has ${result.errors.length} syntax error${result.errors.length > 1 ? 's' : ''}; nats-server refuses to start. First: ${result.errors[0].message}`,
        related: result.errors.map((e) => ({ file: target, start: e.start, end: e.end, message: e.message })) });
    }
    const before = this.diagnostics.length;
    const included = this.evaluateFile(target, text, true, result);
    // Problems inside the included file also show at the include, where nats-server reports them.
    const inner = this.diagnostics.slice(before).filter((d) => d.file === target && d.severity !== 'warning' && !result.errors.some((e) => e.start === d.start && e.code === d.code));
    if (inner.length) {
      this.diagnostics.push({ ...at, code: inner[0].code,
        message: `In the included file ${node.path}: ${inner[0].message}`,
        related: inner.map((d) => ({ file: d.file, start: d.start, end: d.end, message: d.message })) });
    }
    for (const key of Object.keys(included)) {
      const origin = this.origins.originOf(included, key);
      r.keys.push({ name: key, file: origin?.keyFile ?? target, at: origin?.key });
      this.setValue(r, included[key], origin?.value, origin?.valueFile ?? target);
    }
  }
}
