// Computes the configuration nats-server would load: variables, environment fallback and includes.
// It replays the tree in document order with the same bookkeeping as nats-server's conf parser
// (a stack of open maps/arrays and a stack of pending keys), so even its oddities come out the same:
// a key without value or an integer with an unknown suffix leaves its key pending, and the next
// value stored in that map lands under it.

import * as path from 'path';
import { parse } from './parser';
import { entryState } from './parser';
import { Code } from './codes';
import { ArrayNode, ConfigMap, ConfigValue, EntryOrInclude, IncludeNode, KeyNode, MapNode, ParseResult, Span, VariableNode } from './tree';
import { OriginTable } from './evalOrigins';

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

/**
 * One file's replay. nats-server keeps a single stack of pending keys across all open containers,
 * which is what makes a dangling key capture the enclosing block's value. Only keys that really
 * wait are pushed (a container's key until it closes, a dangling key, a key whose value nats-server
 * drops): a key whose scalar value follows it is stored at once, which is the same as pushing it and
 * popping it right away, and spares an object per entry.
 */
interface Replay {
  file: string;
  /** The open maps and arrays, innermost last; `$NAME` is looked up through the maps. */
  ctxs: Ctx[];
  /** Pending keys, most recent last; always written in this replay's file. */
  keys: KeyNode[];
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

  /** Replays `body` (a file's or an environment value's) into a new top-level map. */
  private replayDocument(file: string, body: MapNode): ConfigMap {
    const top: ConfigMap = Object.create(null);
    this.origins.begin(file);
    this.replayMap({ file, ctxs: [top], keys: [] }, body);
    this.origins.endMap(top, body);
    return top;
  }

  /**
   * Stores a finished container into the one around it the way nats-server does: appended to an
   * array, or into a map under the most recent pending key (nothing is stored when none waits).
   */
  private store(r: Replay, value: ConfigValue, span: Span): void {
    const ctx = r.ctxs[r.ctxs.length - 1];
    if (Array.isArray(ctx)) {
      ctx.push(value);
      this.origins.item(span);
      return;
    }
    const key = r.keys.pop();
    if (key === undefined) return;
    ctx[key.name] = value;
    this.origins.entry(key.name, key, span);
  }

  /** The value of `$NAME`, or undefined after reporting why there is none. */
  private resolve(r: Replay, v: VariableNode): ConfigValue | undefined {
    const found = this.lookup(r, v);
    if (found.found) return found.value;
    const problem = found.problem ?? {
      code: EvalCode.undefinedVariable,
      message: `\`$${v.name}\` is not defined: define \`${v.name} = ...\` earlier in this block or an enclosing one, or set the environment variable ${v.name}.`,
    };
    this.diagnostics.push({ file: r.file, start: v.start, end: v.end, code: problem.code, message: problem.message });
    return undefined;
  }

  /** Opens a container value: later values go into it until its node's children run out. */
  private open(r: Replay, v: MapNode | ArrayNode, nodes: (MapNode | ArrayNode)[], next: number[]): void {
    r.ctxs.push(v.type === 'map' ? Object.create(null) as ConfigMap : []);
    this.origins.begin(r.file);
    nodes.push(v);
    next.push(0);
  }

  /**
   * Walks a map's entries (and nested containers) with an explicit stack: no recursion on depth.
   * `nodes[i]`/`next[i]` are the node being walked at depth i and its next child; the container
   * being filled is r.ctxs at the same depth (offset by the contexts open before this call).
   */
  private replayMap(r: Replay, map: MapNode): void {
    const base = r.ctxs.length - 1;
    const nodes: (MapNode | ArrayNode)[] = [map];
    const next: number[] = [0];
    const origins = this.origins;
    while (nodes.length) {
      const depth = nodes.length - 1;
      const node = nodes[depth];
      const ctx = r.ctxs[base + depth];
      let opened = false;
      if (!Array.isArray(ctx)) {
        const entries = (node as MapNode).entries;
        while (next[depth] < entries.length) {
          const entry: EntryOrInclude = entries[next[depth]++];
          if (entry.type === 'include') { this.include(r, entry); continue; }
          const key = entry.key;
          const v = entry.value;
          if (v === undefined) {
            if (entryState(entry).dangling) r.keys.push(key);
            continue;
          }
          const type = v.type;
          if (type === 'scalar') {
            // A rejected value consumes its key; a dropped one (`1kbb`) leaves it pending.
            if (v.dropped) r.keys.push(key);
            else if (v.value !== undefined) { ctx[key.name] = v.value; origins.entry(key.name, key, v); }
          } else if (type === 'variable') {
            const value = this.resolve(r, v);
            if (value !== undefined) { ctx[key.name] = value; origins.entry(key.name, key, v); }
          } else {
            r.keys.push(key);
            this.open(r, v, nodes, next);
            opened = true;
            break;
          }
        }
      } else {
        const items = (node as ArrayNode).items;
        while (next[depth] < items.length) {
          const v = items[next[depth]++];
          const type = v.type;
          if (type === 'scalar') {
            // In an array nothing waits for a value: rejected and dropped values just vanish.
            if (!v.dropped && v.value !== undefined) { ctx.push(v.value); origins.item(v); }
          } else if (type === 'variable') {
            const value = this.resolve(r, v);
            if (value !== undefined) { ctx.push(value); origins.item(v); }
          } else {
            this.open(r, v, nodes, next);
            opened = true;
            break;
          }
        }
      }
      if (opened) continue;
      nodes.pop();
      next.pop();
      if (depth > 0) {
        // A finished container is a value of the one around it.
        r.ctxs.pop();
        if (Array.isArray(ctx)) origins.endArray(ctx, node as ArrayNode); else origins.endMap(ctx, node as MapNode);
        this.store(r, ctx, node);
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
      const before = this.diagnostics.length;
      // No file: origins of values taken from the environment point nowhere.
      const top = this.replayDocument('', sub.document.body);
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
      const chain = [...this.including.slice(cycleAt), target].map((f) => path.basename(f)).join(' -> ');
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
    // The included map's entries land in the including map, keeping where they are written.
    // (nats-server pushes each key and stores its value at once: no pending key is involved.)
    const ctx = r.ctxs[r.ctxs.length - 1] as ConfigMap;
    for (const key of Object.keys(included)) {
      const origin = this.origins.originOf(included, key);
      ctx[key] = included[key];
      this.origins.movedEntry(key, origin?.keyFile ?? target, origin?.key, origin?.valueFile ?? target, origin?.value);
    }
  }
}
