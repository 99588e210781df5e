// Replays a configuration the way nats-server's parser reads it, and records what the option rules
// need: every key with the block it is checked in, every variable definition (and whether a later
// `$NAME` used it, which exempts it from "unknown field"), every reference and every include.
//
// Scoping follows nats-server: a `$NAME` looks through the maps enclosing it, innermost first, but
// only at keys already stored (a map is stored in its parent when it closes), then the environment.
// An included file is parsed on its own (it cannot see the includer's variables); its top-level keys
// are then stored in the map holding the include, overriding earlier ones.

import * as path from 'path';
import { BLOCKS } from '../../facts/natsOptions';
import { arrayItemOf, findKeyInBlock, mapBlockOf as typeMapBlock } from '../../facts/optionLookup';
import type { BlockSpec, OptionSpec, ValueType } from '../../facts/optionTypes';
import { parse } from '../../syntax/parser';
import { compareVersions } from '../../facts/versions';
import type { EntryNode, IncludeNode, MapNode, ParseResult, ValueNode, VariableNode } from '../../syntax/tree';

/**
 * One map of the configuration, as the home of the definitions stored in it. Only its identity
 * matters: which definitions are in sight is tracked for the whole replay at once (see Replayer).
 */
export class Scope {}

export interface Definition {
  readonly name: string;
  readonly entry: EntryNode;
  readonly file: string;
  /** The map the key is finally stored in (an included file's keys move to the includer's map). */
  home: Scope;
  /** A later `$NAME` found this definition. */
  used: boolean;
  /** References that found it (one shared empty list until the first). */
  uses: readonly Reference[];
  /** Definitions of the same name in enclosing maps, visible when this one was stored. */
  readonly hides: Definition[];
  /** nats-server keeps this definition: no later key of the same name replaced it in its home map. */
  final: boolean;
  /** While its home map is open: the definition of an enclosing map it keeps out of sight. */
  covers: Definition | undefined;
}

export interface Reference {
  readonly node: VariableNode;
  readonly file: string;
  /** The definition found, if any. */
  definition?: Definition;
  /** The environment variable's raw text, when the environment supplied the value. */
  env?: string;
  /** A bcrypt hash written unquoted ($2a$...): nats-server keeps it as text. */
  bcrypt?: boolean;
  /**
   * Scopes enclosing the reference (innermost last), to find definitions that come too late. Only
   * references nothing resolved need them; the others share one empty list.
   */
  readonly scopes: readonly Scope[];
}

export interface KeyVisit {
  readonly file: string;
  readonly entry: EntryNode;
  /** The block the key is looked up in. */
  readonly block: BlockSpec;
  /** Canonical path of the block, for messages (e.g. ["leafnodes", "remotes", "*"]). */
  readonly blockPath: readonly string[];
  /** The option the key names (for user-chosen names, a stand-in carrying the value type). */
  readonly option?: OptionSpec;
  readonly userDefinedName: boolean;
  readonly definition?: Definition;
  /** Checked through a variable: `tls: $TLS` checks the keys of TLS's map against tls. */
  readonly via?: Reference;
  /** Newest `since` of the keys enclosing this block: a target older than that already fails there. */
  readonly blockSince: string;
}

export interface IncludeVisit {
  readonly file: string;
  readonly node: IncludeNode;
  readonly target: string;
  readonly status: 'read' | 'missing' | 'cycle';
}

export interface ConfigModel {
  readonly keys: KeyVisit[];
  readonly references: Reference[];
  readonly definitions: Definition[];
  readonly includes: IncludeVisit[];
  /** Parses of every file read, the root first. */
  readonly parses: Map<string, ParseResult>;
  /**
   * Names of the options some stored key spells another way (an alias, or another case): only these
   * can be set twice under different spellings (see duplicates.ts).
   */
  readonly respelledOptions: ReadonlySet<string>;
  /** What a variable reference stands for, by node. */
  referenceOf(node: VariableNode): Reference | undefined;
}

export interface ModelHost {
  readFile(absPath: string): string | undefined;
  parse?(absPath: string, text: string): ParseResult;
  env: Record<string, string | undefined>;
}

const MAX_DEPTH = 256;
/** Shared by the many definitions that hide nothing (one array per key adds up in large files). */
const HIDES_NOTHING: Definition[] = Object.freeze([]) as unknown as Definition[];
/** Most keys are never referenced: they share this empty list of uses. */
const NO_USES: readonly Reference[] = Object.freeze([]);
/** Resolved references never look for late definitions: they share this empty list of scopes. */
const NO_SCOPES: readonly Scope[] = Object.freeze([]);

/** The block a value of this type opens when written as a map, if any. */
export function mapBlockOf(type: ValueType | undefined): BlockSpec | undefined {
  return type ? typeMapBlock(type) : undefined;
}

/** The item type of a value of this type written as a list, if lists are allowed. */
export function listItemOf(type: ValueType | undefined): ValueType | undefined {
  return type ? arrayItemOf(type) : undefined;
}

/** The option a key names in a block, or the block's stand-in for user-chosen names. */
export function optionForKey(block: BlockSpec, key: string): { option?: OptionSpec; userDefinedName: boolean } {
  const named = findKeyInBlock(block, key);
  if (named) return { option: named, userDefinedName: false };
  return { option: standIn(block, key), userDefinedName: block.anyKey !== undefined };
}

/** The option standing for a user-chosen key of a block that takes such names. */
function standIn(block: BlockSpec, key: string): OptionSpec | undefined {
  return block.anyKey && { name: key, since: '0.0.0', value: block.anyKey.value, description: block.anyKey.description };
}

/** Every KeyVisit is built here, so all share one shape and the rules' reads of them stay fast. */
function keyVisit(file: string, entry: EntryNode, block: BlockSpec, blockPath: readonly string[], option: OptionSpec | undefined, userDefinedName: boolean,
  definition: Definition | undefined, via: Reference | undefined, blockSince: string): KeyVisit {
  return { file, entry, block, blockPath, option, userDefinedName, definition, via, blockSince };
}

/** Follows a value through variables to the node it stands for (undefined: environment or unknown). */
export function resolveValue(model: Pick<ConfigModel, 'referenceOf'>, value: ValueNode | undefined): { node?: ValueNode; via?: Reference; env?: string } {
  let node = value;
  let via: Reference | undefined;
  for (let hops = 0; node && node.type === 'variable' && hops < 64; hops++) {
    const ref = model.referenceOf(node);
    if (!ref) return { via };
    via = via ?? ref;
    if (ref.env !== undefined) return { via, env: ref.env };
    if (ref.bcrypt) return { via };
    node = ref.definition?.entry.value;
  }
  return { node: node && node.type === 'variable' ? undefined : node, via };
}

export function buildModel(file: string, parsed: ParseResult, host: ModelHost): ConfigModel {
  return new Replayer(host).run(file, parsed);
}

class Replayer {
  private readonly keys: KeyVisit[] = [];
  private readonly references: Reference[] = [];
  private readonly definitions: Definition[] = [];
  private readonly includes: IncludeVisit[] = [];
  private readonly parses = new Map<string, ParseResult>();
  private readonly respelledOptions = new Set<string>();
  // Maps, not WeakMaps: the model lives as long as one check, and a WeakMap with an entry per key
  // makes every garbage collection walk them all (ephemerons): a third of a large check's time.
  private readonly refs = new Map<VariableNode, Reference>();
  private readonly including: string[] = [];
  /** Maps already checked against a block through a variable, so a reused variable reports once. */
  private readonly checkedVia = new Map<MapNode, Set<string>>();
  /**
   * Definitions by entry, for keys checked through a variable; filled from `definitions` only when
   * first needed: hashing every entry of a large file up front was a quarter of the replay.
   */
  private readonly definitionOf = new Map<EntryNode, Definition>();
  private indexedDefinitions = 0;
  /**
   * The definitions a `$NAME` would find now, by name: the latest of each name in the innermost
   * open map holding it. One map for the replay, updated as maps open and close, instead of one per
   * map of the file (a large file has tens of thousands) searched from the innermost outwards.
   * Names leaving sight are set to undefined rather than deleted: deleting makes V8 shrink and regrow
   * the map's table as small maps open and close, which cost more than the whole replay.
   */
  private visible = new Map<string, Definition | undefined>();
  /**
   * Definitions stored in the open maps, innermost last, to take out of sight when their map closes:
   * the first `storedCount` entries (the array is not shortened, for the same reason).
   */
  private readonly stored: Definition[] = [];
  private storedCount = 0;
  private readonly lookup: Pick<ConfigModel, 'referenceOf'> = { referenceOf: (n) => this.refs.get(n) };

  constructor(private readonly host: ModelHost) {}

  run(file: string, parsed: ParseResult): ConfigModel {
    this.parses.set(file, parsed);
    this.including.push(file);
    const root = new Scope();
    this.replayEntries(file, parsed.document.body, BLOCKS.root, [], [root], 0, '0.0.0');
    this.including.pop();
    const refs = this.refs;
    return {
      keys: this.keys,
      references: this.references,
      definitions: this.definitions,
      includes: this.includes,
      parses: this.parses,
      respelledOptions: this.respelledOptions,
      referenceOf: (node) => refs.get(node),
    };
  }

  /** Walks a map's entries into the innermost scope (the caller pushed it). */
  private replayEntries(file: string, map: MapNode, block: BlockSpec | undefined, blockPath: string[], scopes: Scope[], depth: number, blockSince: string): void {
    const scope = scopes[scopes.length - 1];
    for (const entry of map.entries) {
      if (entry.type === 'include') { this.include(file, entry, block, blockPath, scope, depth, blockSince); continue; }
      // No value, or an integer with a suffix nats-server drops (`1kbb`): nothing is stored.
      const value = entry.value;
      if (!value || (value.type === 'scalar' && value.dropped)) continue;
      const name = entry.key.name;
      const named = block ? findKeyInBlock(block, name) : undefined;
      const option = named ?? (block ? standIn(block, name) : undefined);
      // A scalar has nothing inside to replay, so it needs no child path; most entries are scalars.
      if (value.type !== 'scalar') {
        const childPath = [...blockPath, option?.name ?? name];
        this.replayValue(file, value, option?.value, childPath, scopes, depth + 1, newer(blockSince, option?.since));
      }
      const covers = this.outerInSight(name, scope);
      const definition: Definition = { name, entry, file, home: scope, used: false, uses: NO_USES, hides: covers ? [covers] : HIDES_NOTHING, final: true, covers };
      this.store(definition);
      this.definitions.push(definition);
      if (named !== undefined && named.name !== name) this.respelledOptions.add(named.name);
      if (block) this.keys.push(keyVisit(file, entry, block, blockPath, option, option !== undefined && named === undefined, definition, undefined, blockSince));
    }
  }

  private replayValue(file: string, value: ValueNode, type: ValueType | undefined, valuePath: string[], scopes: Scope[], depth: number, since: string): void {
    if (depth > MAX_DEPTH) return;
    switch (value.type) {
      case 'scalar':
        return;
      case 'variable':
        this.reference(file, value, scopes);
        this.checkThroughVariable(value, type, valuePath, depth, since);
        return;
      case 'map': {
        const block = mapBlockOf(type);
        const opened = this.storedCount;
        scopes.push(new Scope());
        this.replayEntries(file, value, block, valuePath, scopes, depth, since);
        scopes.pop();
        this.close(opened);
        return;
      }
      case 'array': {
        const item = listItemOf(type);
        // Lists of scalars (subjects, URLs) are the common case: they need no item path.
        let itemPath: string[] | undefined;
        for (const element of value.items) {
          if (element.type === 'scalar') continue;
          itemPath ??= [...valuePath, '*'];
          this.replayValue(file, element, item, itemPath, scopes, depth + 1, since);
        }
        return;
      }
    }
  }

  private reference(file: string, node: VariableNode, scopes: Scope[]): void {
    const name = node.name;
    const bcrypt = name.startsWith('2a$') || undefined;
    const definition = bcrypt ? undefined : this.visible.get(name);
    const env = bcrypt || definition ? undefined : this.host.env[name];
    const unresolved = !bcrypt && !definition && env === undefined;
    const ref: Reference = { node, file, definition, env, bcrypt, scopes: unresolved ? [...scopes] : NO_SCOPES };
    if (definition) {
      definition.used = true;
      if (definition.uses === NO_USES) definition.uses = [ref];
      else (definition.uses as Reference[]).push(ref);
    }
    this.refs.set(node, ref);
    this.references.push(ref);
  }

  /** `tls: $TLS` where TLS is a map: its keys are checked against the tls block (once per map and block). */
  private checkThroughVariable(node: VariableNode, type: ValueType | undefined, valuePath: string[], depth: number, since: string): void {
    const resolved = resolveValue(this.lookup, node);
    const target = resolved.node;
    if (!target || !resolved.via?.definition || (target.type !== 'map' && target.type !== 'array')) return;
    this.checkOnly(resolved.via.definition.file, target, type, valuePath, depth + 1, resolved.via, since);
  }

  private checkOnly(file: string, value: ValueNode, type: ValueType | undefined, valuePath: string[], depth: number, via: Reference, since: string): void {
    if (depth > MAX_DEPTH || !type) return;
    if (value.type === 'array') {
      const item = listItemOf(type);
      let itemPath: string[] | undefined;
      for (const element of value.items) {
        if (element.type === 'scalar') continue; // nothing to check inside, and no item path needed
        itemPath ??= [...valuePath, '*'];
        this.checkOnly(file, element, item, itemPath, depth + 1, via, since);
      }
      return;
    }
    if (value.type !== 'map') return;
    const block = mapBlockOf(type);
    if (!block) return;
    const seen = this.checkedVia.get(value) ?? new Set<string>();
    if (seen.has(block.id)) return;
    seen.add(block.id);
    this.checkedVia.set(value, seen);
    for (const entry of value.entries) {
      if (entry.type !== 'entry' || !entry.value) continue;
      const found = optionForKey(block, entry.key.name);
      this.keys.push(keyVisit(file, entry, block, valuePath, found.option, found.userDefinedName, this.definitionFor(entry), via, since));
      if (found.option) this.checkOnly(file, entry.value, found.option.value, [...valuePath, found.option.name], depth + 1, via, newer(since, found.option.since));
    }
  }

  /** The definition of an enclosing map that one of this name stored in `home` (the innermost open map) covers. */
  private outerInSight(name: string, home: Scope): Definition | undefined {
    const inSight = this.visible.get(name);
    return inSight !== undefined && inSight.home === home ? inSight.covers : inSight;
  }

  /** Stores a definition in its home, the innermost open map, replacing (making non-final) the one of its name there. */
  private store(definition: Definition): void {
    const inSight = this.visible.get(definition.name);
    if (inSight !== undefined && inSight.home === definition.home) inSight.final = false;
    this.visible.set(definition.name, definition);
    this.stored[this.storedCount++] = definition;
  }

  /** A map closed: its definitions (those stored since `opened`) leave sight, uncovering what they covered. */
  private close(opened: number): void {
    for (let i = this.storedCount - 1; i >= opened; i--) {
      const definition = this.stored[i];
      if (definition.final) this.visible.set(definition.name, definition.covers);
    }
    this.storedCount = opened;
  }

  private definitionFor(entry: EntryNode): Definition | undefined {
    for (; this.indexedDefinitions < this.definitions.length; this.indexedDefinitions++) {
      const definition = this.definitions[this.indexedDefinitions];
      this.definitionOf.set(definition.entry, definition);
    }
    return this.definitionOf.get(entry);
  }

  private include(file: string, node: IncludeNode, block: BlockSpec | undefined, blockPath: string[], scope: Scope, depth: number, blockSince: string): void {
    // Like Go's filepath.Join: an absolute include path still lands under the including folder.
    const target = path.join(path.dirname(file), node.path);
    if (this.including.includes(target)) { this.includes.push({ file, node, target, status: 'cycle' }); return; }
    const text = this.host.readFile(target);
    if (text === undefined) { this.includes.push({ file, node, target, status: 'missing' }); return; }
    this.includes.push({ file, node, target, status: 'read' });
    const parsed = this.host.parse ? this.host.parse(target, text) : parse(text);
    this.parses.set(target, parsed);
    this.including.push(target);
    // The included file is replayed on its own: it cannot see the includer's variables.
    const own = new Scope();
    const includerInSight = this.visible;
    const opened = this.storedCount;
    this.visible = new Map();
    this.replayEntries(target, parsed.document.body, block, blockPath, [own], depth + 1, blockSince);
    const kept = this.visible;
    this.visible = includerInSight;
    this.storedCount = opened;
    this.including.pop();
    // Its top-level keys then move to the includer's map.
    for (const definition of kept.values()) {
      if (definition === undefined) continue; // stored in one of its maps, which closed
      definition.home = scope;
      definition.covers = this.outerInSight(definition.name, scope);
      this.store(definition);
    }
  }
}

function newer(a: string, b: string | undefined): string {
  return b !== undefined && compareVersions(b, a) > 0 ? b : a;
}

/** The definition nats-server finally keeps for this key (later ones with the same name replace it). */
export function isFinal(definition: Definition): boolean {
  return definition.final;
}
