// Which definition a `$variable` refers to, exactly as nats-server looks it up: the keys already set
// in the enclosing maps, innermost first (arrays are skipped), keys brought in by an include counting
// as set where the include stands; then the environment. Included files are parsed on their own, so
// they never see the including file's keys. Names are compared exactly (no case folding).

import { EntryNode, EntryOrInclude, VariableNode } from '../syntax/tree';
import { ConfigDocument, FeatureContext, includeTarget, loadDocument } from './document';
import { Chain, chainAt } from './nodeAt';

export interface KeyDefinition {
  kind: 'key';
  /** The document holding the defining key. */
  doc: ConfigDocument;
  entry: EntryNode;
}

export interface EnvDefinition {
  kind: 'env';
  name: string;
  value: string;
}

export type VariableDefinition = KeyDefinition | EnvDefinition;

/** bcrypt hashes such as $2a$11$... are passed through by nats-server, never looked up. */
export function isBcryptHash(variable: VariableNode): boolean {
  return variable.name.startsWith('2a$');
}

/** The definition a variable (the last node of `chain`) resolves to, or undefined when none does. */
export function resolveVariable(doc: ConfigDocument, chain: Chain, ctx: FeatureContext): VariableDefinition | undefined {
  const variable = chain[chain.length - 1];
  if (variable.type !== 'variable' || isBcryptHash(variable)) return undefined;
  const name = variable.name;
  for (const scope of scopesOf(chain)) {
    const found = lastDefinition(doc, scope, name, ctx, new Set([doc.file]));
    if (found) return found;
  }
  const value = ctx.env[name];
  return value === undefined ? undefined : { kind: 'env', name, value };
}

/** Every name visible at the end of `chain`, each with the definition it resolves to (environment excluded). */
export function definitionsInScope(doc: ConfigDocument, chain: Chain, ctx: FeatureContext): Map<string, KeyDefinition> {
  const out = new Map<string, KeyDefinition>();
  for (const scope of scopesOf(chain)) {
    collectDefinitions(doc, scope, ctx, new Set([doc.file]), out);
  }
  return out;
}

/** For each enclosing map, innermost first: its entries set before the chain passes through it. */
function scopesOf(chain: Chain): EntryOrInclude[][] {
  const scopes: EntryOrInclude[][] = [];
  for (let i = chain.length - 2; i >= 0; i--) {
    const node = chain[i];
    if (node.type !== 'map') continue;
    const index = node.entries.indexOf(chain[i + 1] as EntryOrInclude);
    scopes.push(index < 0 ? entriesBefore(node.entries, chain[i + 1].start) : node.entries.slice(0, index));
  }
  return scopes;
}

function entriesBefore(entries: EntryOrInclude[], offset: number): EntryOrInclude[] {
  return entries.filter((entry) => entry.end <= offset);
}

function lastDefinition(doc: ConfigDocument, entries: readonly EntryOrInclude[], name: string, ctx: FeatureContext, visiting: Set<string>): KeyDefinition | undefined {
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry.type === 'entry') {
      if (entry.key.name === name && entry.value) return { kind: 'key', doc, entry };
      continue;
    }
    const included = includedDocument(doc, entry, ctx, visiting);
    if (!included) continue;
    visiting.add(included.file);
    const found = lastDefinition(included, included.parsed.document.body.entries, name, ctx, visiting);
    visiting.delete(included.file);
    if (found) return found;
  }
  return undefined;
}

function collectDefinitions(doc: ConfigDocument, entries: readonly EntryOrInclude[], ctx: FeatureContext, visiting: Set<string>, out: Map<string, KeyDefinition>): void {
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry.type === 'entry') {
      if (entry.value && !out.has(entry.key.name)) out.set(entry.key.name, { kind: 'key', doc, entry });
      continue;
    }
    const included = includedDocument(doc, entry, ctx, visiting);
    if (!included) continue;
    visiting.add(included.file);
    collectDefinitions(included, included.parsed.document.body.entries, ctx, visiting, out);
    visiting.delete(included.file);
  }
}

function includedDocument(doc: ConfigDocument, include: EntryOrInclude, ctx: FeatureContext, visiting: Set<string>): ConfigDocument | undefined {
  if (include.type !== 'include' || !include.path) return undefined;
  const target = includeTarget(doc.file, include);
  if (visiting.has(target)) return undefined; // an include cycle: nats-server fails on it anyway
  return loadDocument(ctx, target);
}

export function sameDefinition(a: VariableDefinition | undefined, b: VariableDefinition | undefined): boolean {
  if (!a || !b) return false;
  if (a.kind === 'env' || b.kind === 'env') return a.kind === 'env' && b.kind === 'env' && a.name === b.name;
  return a.doc.file === b.doc.file && a.entry.key.start === b.entry.key.start;
}

/** The definition behind the variable or defining key at `offset`, with the span the cursor is on. */
export function definitionAt(doc: ConfigDocument, offset: number, ctx: FeatureContext):
  | { kind: 'reference'; variable: VariableNode; definition: VariableDefinition | undefined }
  | { kind: 'declaration'; definition: KeyDefinition }
  | undefined {
  const chain = chainAt(doc.parsed.document.body, offset);
  const last = chain[chain.length - 1];
  if (last.type === 'variable' && offset >= last.start) {
    return { kind: 'reference', variable: last, definition: resolveVariable(doc, chain, ctx) };
  }
  if (last.type === 'entry' && offset >= last.key.start && offset <= last.key.end && last.value) {
    return { kind: 'declaration', definition: { kind: 'key', doc, entry: last } };
  }
  return undefined;
}
