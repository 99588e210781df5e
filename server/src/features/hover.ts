// Hover: what a key does (from the option table), what a value means (sizes, durations, booleans,
// variables, includes). Secrets are never echoed.

import * as path from 'node:path';
import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { valueAlternatives } from '../facts/optionLookup';
import type { ResolvedOption, ValueType } from '../facts/optionTypes';
import { describeValue } from '../facts/valueText';
import { IncludeNode, ScalarNode, Span, ValueNode, VariableNode } from '../syntax/tree';
import { ConfigDocument, FeatureContext, includeTarget, offsetOf, rangeOf } from './document';
import { optionOfEntry } from './keyPath';
import { Chain, chainAt, nearestEntry, touches } from './nodeAt';
import { usesOf } from './references';
import { resolveVariable, VariableDefinition } from './scopes';
import { isSecretKey, looksSecret, MASK } from './secrets';
import { describeBytes, durationInWords, groupDigits, parseGoDuration, stringSizeBytes } from './valueMeaning';

export function doHover(doc: ConfigDocument, position: Position, ctx: FeatureContext): Hover | null {
  const offset = offsetOf(doc, position);
  const chain = chainAt(doc.parsed.document.body, offset);
  const last = chain[chain.length - 1];
  let text: string | undefined;
  let span: Span | undefined;
  if (last.type === 'include') {
    text = includeHover(doc, last, ctx);
    span = last;
  } else if (last.type === 'entry' && touches(last.key, offset)) {
    text = keyHover(doc, chain, ctx);
    span = last.key;
  } else if (last.type === 'variable') {
    text = variableHover(doc, chain, ctx);
    span = last;
  } else if (last.type === 'scalar') {
    text = scalarHover(last, chain);
    span = last;
  }
  if (!text || !span) return null;
  return { contents: { kind: MarkupKind.Markdown, value: text }, range: rangeOf(doc, span) };
}

function code(text: string): string {
  const ticks = text.includes('`') ? '``' : '`';
  return `${ticks}${text}${ticks}`;
}

// ---- keys ---------------------------------------------------------------------------------------

function keyHover(doc: ConfigDocument, chain: Chain, ctx: FeatureContext): string | undefined {
  const entryIndex = chain.length - 1;
  const entry = chain[entryIndex];
  if (entry.type !== 'entry') return undefined;
  const resolved = optionOfEntry(chain, entryIndex);
  if (resolved && !resolved.userDefinedName) return optionText(entry.key.name, resolved);
  const uses = entry.value ? usesOf(doc, { kind: 'key', doc, entry }, ctx).length : 0;
  const lines: string[] = [];
  if (resolved) {
    const anyKey = resolved.block.anyKey;
    lines.push(`**${entry.key.name}** (${anyKey?.label ?? 'a name of your choice'} in ${resolved.block.title})`, '', resolved.option.description);
    lines.push('', `Type: ${describeValue(resolved.option.value)}`);
  }
  if (uses > 0) {
    if (!lines.length) lines.push(`**${entry.key.name}**: a variable`);
    lines.push('', `Used as ${code('$' + entry.key.name)} ${uses === 1 ? 'once' : `${uses} times`}.`);
  }
  return lines.length ? lines.join('\n') : undefined;
}

export function optionText(written: string, resolved: ResolvedOption): string {
  const option = resolved.option;
  const where = resolved.canonicalPath.join('.');
  const lines: string[] = [];
  lines.push(written === option.name ? `**${option.name}** · ${code(where)}` : `**${written}** · alias of ${code(where)}`);
  lines.push('', option.description, '');
  const facts: string[] = [`- Type: ${describeValue(option.value)}`];
  if (option.default !== undefined) facts.push(`- Default: ${code(String(option.default))}${defaultMeaning(option.value, option.default)}`);
  else if (option.defaultNote) facts.push(`- Default: ${option.defaultNote}`);
  const others = [option.name, ...(option.aliases ?? [])].filter((name) => name !== written);
  if (others.length) facts.push(`- ${written === option.name ? 'Aliases' : 'Also written'}: ${others.map(code).join(', ')}`);
  facts.push(`- Since nats-server ${option.since}${resolved.effectiveSince !== option.since ? ` (this path: ${resolved.effectiveSince})` : ''}`);
  const aliasSince = option.aliasSince?.[written];
  if (aliasSince) facts.push(`- The spelling ${code(written)} since nats-server ${aliasSince}`);
  if (option.deprecated) {
    const d = option.deprecated;
    facts.push(`- **Deprecated**${d.since ? ` since ${d.since}` : ''}: ${d.note}${d.replacement ? ` Use ${code(d.replacement)} instead.` : ''}`);
  }
  lines.push(...facts);
  return lines.join('\n');
}

function defaultMeaning(value: ValueType, fallback: string | number | boolean): string {
  if (typeof fallback !== 'number') return '';
  const kinds = valueAlternatives(value).map((v) => v.kind);
  if (kinds.includes('size') && fallback >= 1024) return ` (${describeBytes(BigInt(fallback))})`;
  return '';
}

// ---- values -------------------------------------------------------------------------------------

/** The option a value belongs to, and the value type that applies to it (the item type inside arrays). */
function valueContext(chain: Chain): { resolved?: ResolvedOption; type?: ValueType; keyName?: string } {
  const found = nearestEntry(chain);
  if (!found) return {};
  const resolved = optionOfEntry(chain, found.index);
  let type = resolved?.option.value;
  for (let i = found.index + 1; i < chain.length - 1 && type; i++) {
    if (chain[i].type !== 'array') break;
    const array = valueAlternatives(type).find((v) => v.kind === 'array' || v.kind === 'stringOrArray');
    type = array && (array.kind === 'array' || array.kind === 'stringOrArray') ? array.item : undefined;
  }
  return { resolved, type, keyName: found.entry.key.name };
}

function scalarHover(scalar: ScalarNode, chain: Chain): string | undefined {
  const { resolved, type, keyName } = valueContext(chain);
  if (chain[chain.length - 2]?.type === 'entry' || chain[chain.length - 2]?.type === 'array') {
    if (keyName !== undefined && isSecretKey(keyName, resolved)) return `Secret value of ${code(keyName)}: not shown.`;
  }
  if (typeof scalar.value === 'string' && looksSecret(scalar.value)) return 'Secret value: not shown.';
  const kinds = type ? valueAlternatives(type).map((v) => v.kind) : [];
  switch (scalar.kind) {
    case 'integer': {
      if (scalar.dropped) return `${code(scalar.raw)} has an unknown size suffix: nats-server ignores this setting entirely.`;
      if (typeof scalar.value !== 'bigint') return undefined;
      const hasSuffix = /[a-z]/i.test(scalar.raw);
      if (kinds.includes('size')) return describeBytes(scalar.value);
      if (kinds.includes('duration')) return secondsText(Number(scalar.value), type!);
      if (hasSuffix) return `${code(scalar.raw)} = ${groupDigits(scalar.value)}${kinds.length ? '' : ` (as a size: ${describeBytes(scalar.value)})`}`;
      return undefined;
    }
    case 'float':
      if (typeof scalar.value === 'number' && kinds.includes('duration')) return secondsText(scalar.value, type!);
      return undefined;
    case 'boolean':
      return `${code(scalar.raw)} is read as **${scalar.value ? 'true' : 'false'}**.`;
    case 'datetime':
      return scalar.value instanceof Date ? `Date-time ${scalar.value.toISOString()} (UTC).` : undefined;
    case 'string':
      return stringHover(scalar, type, kinds);
  }
}

function secondsText(seconds: number, type: ValueType): string {
  const words = durationInWords(seconds * 1e9);
  const warns = valueAlternatives(type).some((v) => v.kind === 'duration' && v.numbers === 'seconds-with-warning');
  const rejects = valueAlternatives(type).every((v) => v.kind !== 'duration' || v.numbers === 'rejected');
  if (rejects) return `${words}, if nats-server accepted a number here; write a duration string such as "${seconds}s".`;
  return warns ? `${words}. nats-server warns about bare numbers here: write "${seconds}s".` : words;
}

function stringHover(scalar: ScalarNode, type: ValueType | undefined, kinds: string[]): string | undefined {
  const text = typeof scalar.value === 'string' ? scalar.value : '';
  if (kinds.includes('duration')) {
    const ns = parseGoDuration(text);
    if (ns !== undefined) return durationInWords(ns);
  }
  if (type) {
    const sizeString = valueAlternatives(type).find((v) => v.kind === 'size' && v.strings === 'KMGT');
    const bytes = sizeString ? stringSizeBytes(text) : undefined;
    if (bytes !== undefined) return describeBytes(bytes);
    const enumType = valueAlternatives(type).find((v) => v.kind === 'enum');
    if (enumType && enumType.kind === 'enum') {
      const matches = enumType.values.some((v) => (enumType.caseInsensitive ? v.toLowerCase() === text.toLowerCase() : v === text));
      if (matches) return `${code(text)}: ${describeValue(enumType)}.`;
    }
    if (kinds.includes('duration') && !kinds.includes('string')) return `${code(text)} is not a duration: write a number with a unit, such as "30s", "5m" or "1h30m" (units ns, us, ms, s, m, h).`;
  }
  return undefined;
}

// ---- variables ----------------------------------------------------------------------------------

function variableHover(doc: ConfigDocument, chain: Chain, ctx: FeatureContext): string {
  const variable = chain[chain.length - 1] as VariableNode;
  if (variable.name.startsWith('2a$')) return 'A bcrypt password hash: nats-server keeps it as written, it is not a variable.';
  const definition = resolveVariable(doc, chain, ctx);
  const name = code('$' + variable.name);
  if (!definition) return `${name} is not defined: define ${code(variable.name + ' = ...')} earlier in this block or an enclosing one, or set the environment variable ${variable.name}.`;
  const { resolved, keyName } = valueContext(chain);
  const secret = isSecretKey(variable.name) || (keyName !== undefined && isSecretKey(keyName, resolved));
  if (definition.kind === 'env') {
    const shown = secret || looksSecret(definition.value) ? MASK : code(definition.value);
    return `${name} = ${shown}\n\nFrom the environment variable ${definition.name}.`;
  }
  const value = definitionValueText(definition, ctx, 0);
  const shown = secret || isSecretKey(definition.entry.key.name) || looksSecret(value) ? MASK : value;
  const line = definition.doc.lines.positionAt(definition.entry.key.start).line + 1;
  const where = definition.doc.file === doc.file ? `line ${line}` : `line ${line} of [${path.basename(definition.doc.file)}](${definition.doc.uri}#L${line})`;
  return `${name} = ${shown}\n\nDefined on ${where}.`;
}

function definitionValueText(definition: VariableDefinition, ctx: FeatureContext, depth: number): string {
  if (definition.kind === 'env') return code(definition.value);
  return valueText(definition.entry.value!, definition, ctx, depth);
}

function valueText(value: ValueNode, definition: VariableDefinition & { kind: 'key' }, ctx: FeatureContext, depth: number): string {
  switch (value.type) {
    case 'scalar':
      return code(value.raw);
    case 'map':
      return `a block of ${value.entries.length} entr${value.entries.length === 1 ? 'y' : 'ies'}`;
    case 'array':
      return `a list of ${value.items.length} item${value.items.length === 1 ? '' : 's'}`;
    case 'variable': {
      if (depth > 8) return code('$' + value.name);
      const chain = chainAt(definition.doc.parsed.document.body, value.start);
      const next = chain[chain.length - 1] === value ? resolveVariable(definition.doc, chain, ctx) : undefined;
      return next ? definitionValueText(next, ctx, depth + 1) : `${code('$' + value.name)} (undefined)`;
    }
  }
}

// ---- includes -----------------------------------------------------------------------------------

function includeHover(doc: ConfigDocument, include: IncludeNode, ctx: FeatureContext): string {
  if (!include.path) return 'An include needs a path: `include "other.conf"`.';
  const target = includeTarget(doc.file, include);
  const text = ctx.readFile(target);
  if (text === undefined) return `Includes ${code(target)}, which **does not exist**: nats-server refuses to start. Paths are relative to this file's folder.`;
  const keys = ctx.parse(target, text).document.body.entries.length;
  return `Includes ${code(target)} (${keys} top-level entr${keys === 1 ? 'y' : 'ies'}), as if its text stood here.`;
}
