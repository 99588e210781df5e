// Completion: keys valid in the cursor's block (with a value skeleton), values of enums and
// booleans, `$variables` in scope and include paths. Works on broken text: everything is decided
// from the error-tolerant tree plus the text of the cursor's line.

import * as path from 'node:path';
import {
  CompletionItem, CompletionItemKind, CompletionItemTag, CompletionList, InsertTextFormat, MarkupKind, Position, Range,
} from 'vscode-languageserver-types';
import { blockAt, valueAlternatives } from '../facts/optionLookup';
import type { BlockSpec, OptionSpec, ValueType } from '../facts/optionTypes';
import { describeValue } from '../facts/valueText';
import { EntryNode, MapNode, Span, VariableNode } from '../syntax/tree';
import { ConfigDocument, FeatureContext, offsetOf, rangeOf } from './document';
import { optionText } from './hover';
import { optionOfEntry, optionOfKey, pathOf, presentOptions } from './keyPath';
import { Chain, chainAt, ChainNode, innermostContainer, touches } from './nodeAt';
import { definitionsInScope } from './scopes';
import { isSecretKey, looksSecret, MASK } from './secrets';
import { snippetCompletions } from './snippetCompletion';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

export function doComplete(doc: ConfigDocument, position: Position, ctx: FeatureContext): CompletionList {
  const offset = offsetOf(doc, position);
  const text = doc.parsed.text;
  if (inComment(doc, offset)) return EMPTY;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineBefore = text.slice(lineStart, offset);

  const include = /(?:^|[\s{;,])include\s+(["']?)([^"'\s;]*)$/.exec(lineBefore);
  if (include) return includeCompletions(doc, ctx, offset, include[2], include[1]);

  const chain = chainAt(doc.parsed.document.body, offset);
  const variable = /\$([A-Za-z0-9_]*)$/.exec(lineBefore);
  if (variable) {
    const start = offset - variable[0].length;
    return list(variableItems(doc, chain, offset, ctx, rangeOf(doc, { start, end: wordEnd(text, offset) })));
  }

  const { container, index } = innermostContainer(chain, offset);
  const next = chain[index + 1];
  if (container.type === 'array') {
    const item = next && next.type !== 'entry' && next.type !== 'include' ? next : undefined;
    if (item && item.type !== 'scalar' && item.type !== 'variable') return EMPTY;
    if (item?.type === 'scalar' && inQuotes(item, offset)) return EMPTY;
    const replace = item ? { start: item.start, end: item.end } : { start: offset, end: offset };
    return list(valueItems(doc, chain.slice(0, index + 1), itemType(chain, index), offset, ctx, rangeOf(doc, replace)));
  }
  if (next?.type === 'include') return EMPTY;
  if (next?.type === 'entry') {
    const entry = next;
    if (offset <= entry.key.end) {
      return keyPrefixIsBlank(text, lineStart, entry.key.start) ? list(keyItems(doc, chain, index, container, entry, rangeOf(doc, entry.key))) : EMPTY;
    }
    if (text.slice(entry.key.end, offset).includes('\n')) {
      // A key left without a value on an earlier line: the cursor starts a new key.
      return keyPrefixIsBlank(text, lineStart, offset) ? list(keyItems(doc, chain, index, container, undefined, rangeOf(doc, { start: offset, end: offset }))) : EMPTY;
    }
    const value = entry.value;
    if (value && !touches(value, offset)) return EMPTY;
    if (value && value.type !== 'scalar' && value.type !== 'variable') return EMPTY;
    if (value?.type === 'scalar' && inQuotes(value, offset)) {
      return list(valueItems(doc, chain.slice(0, index + 2), optionOfEntry(chain, index + 1)?.option.value, offset, ctx, rangeOf(doc, value), false));
    }
    const replace = value ? { start: value.start, end: value.end } : { start: offset, end: offset };
    const option = optionOfEntry(chain, index + 1)?.option;
    return list(valueItems(doc, chain.slice(0, index + 2), option?.value, offset, ctx, rangeOf(doc, replace), true, option));
  }
  const waiting = entryWaitingForValue(container, text, offset);
  if (waiting) {
    const scope = [...chain.slice(0, index + 1), waiting];
    const option = optionOfEntry(scope, scope.length - 1)?.option;
    return list(valueItems(doc, scope, option?.value, offset, ctx, rangeOf(doc, { start: offset, end: offset }), true, option));
  }
  const word = wordBefore(text, offset);
  if (!keyPrefixIsBlank(text, lineStart, offset - word.length)) return EMPTY;
  return list(keyItems(doc, chain, index, container, undefined, rangeOf(doc, { start: offset - word.length, end: wordEnd(text, offset) })));
}

/** The map's last entry before the cursor when it is a key still without value on the cursor's line (`debug |`). */
function entryWaitingForValue(map: MapNode, text: string, offset: number): EntryNode | undefined {
  let last: EntryNode | undefined;
  for (const entry of map.entries) {
    if (entry.start >= offset) break;
    last = entry.type === 'entry' ? entry : undefined;
  }
  if (!last || last.value || last.end >= offset) return undefined;
  return /^[ \t]*$/.test(text.slice(last.end, offset)) ? last : undefined;
}

function list(items: CompletionItem[]): CompletionList {
  return { isIncomplete: false, items };
}

function inComment(doc: ConfigDocument, offset: number): boolean {
  return doc.parsed.comments.some((comment) => comment.start < offset && offset <= comment.end);
}

function inQuotes(scalar: { raw: string; start: number; end: number; style?: string }, offset: number): boolean {
  return (scalar.style === 'double' || scalar.style === 'single' || scalar.style === 'block') && offset > scalar.start && offset < scalar.end;
}

function wordBefore(text: string, offset: number): string {
  return /[A-Za-z0-9_.-]*$/.exec(text.slice(Math.max(0, offset - 200), offset))![0];
}

function wordEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && /[A-Za-z0-9_.-]/.test(text[end])) end++;
  return end;
}

/** A key may only start where nothing but blanks stand since the line start or the last `{`, `;` or `,`. */
function keyPrefixIsBlank(text: string, lineStart: number, keyStart: number): boolean {
  const before = text.slice(lineStart, keyStart);
  const cut = Math.max(before.lastIndexOf('{'), before.lastIndexOf(';'), before.lastIndexOf(','));
  return /^\s*$/.test(before.slice(cut + 1));
}

/** The value type of items of the array at `chain[arrayIndex]`. */
function itemType(chain: Chain, arrayIndex: number): ValueType | undefined {
  if (chain[arrayIndex - 1]?.type !== 'entry') return undefined;
  const arrayType = optionOfEntry(chain, arrayIndex - 1)?.option.value;
  if (!arrayType) return undefined;
  const array = valueAlternatives(arrayType).find((v) => v.kind === 'array' || v.kind === 'stringOrArray');
  return array && (array.kind === 'array' || array.kind === 'stringOrArray') ? array.item : undefined;
}

// ---- keys ---------------------------------------------------------------------------------------

function keyItems(doc: ConfigDocument, chain: Chain, mapIndex: number, map: MapNode, typing: EntryNode | undefined, range: Range): CompletionItem[] {
  const block: BlockSpec | undefined = blockAt(pathOf(chain, mapIndex));
  if (!block) return [];
  const present = presentOptions(map, block, typing);
  const separator = preferredSeparator(doc);
  const path = pathOf(chain, mapIndex);
  const items: CompletionItem[] = [];
  for (const option of block.keys) {
    if (present.has(option.name)) continue;
    const opensBlock = valueAlternatives(option.value).some((v) => v.kind === 'map');
    const item: CompletionItem = {
      label: option.name,
      kind: opensBlock ? CompletionItemKind.Module : CompletionItemKind.Property,
      detail: describeValue(option.value),
      documentation: { kind: MarkupKind.Markdown, value: optionText(option.name, { option, block, canonicalPath: [...path, option.name], userDefinedName: false, effectiveSince: option.since }) },
      textEdit: { range, newText: keySnippet(option, separator) },
      insertTextFormat: InsertTextFormat.Snippet,
      filterText: option.name,
      sortText: `${option.deprecated ? '1' : '0'}${option.name}`,
    };
    if (option.aliases?.length) item.labelDetails = { description: option.aliases.join(', ') };
    if (option.deprecated) item.tags = [CompletionItemTag.Deprecated];
    items.push(item);
  }
  items.push(...snippetCompletions(path, range));
  return items;
}

/** `:` unless the document mostly uses `=`. */
function preferredSeparator(doc: ConfigDocument): string {
  // Counting walks every token of the document: do it once per parse, not per completion request.
  const known = separatorOfTokens.get(doc.parsed.tokens);
  if (known !== undefined) return known;
  const separator = countSeparators(doc);
  separatorOfTokens.set(doc.parsed.tokens, separator);
  return separator;
}

const separatorOfTokens = new WeakMap<object, string>();

function countSeparators(doc: ConfigDocument): string {
  let colons = 0, equals = 0;
  for (const token of doc.parsed.tokens) {
    if (token.kind !== 'separator') continue;
    if (token.text === '=') equals++; else if (token.text === ':') colons++;
  }
  return equals > colons ? ' = ' : ': ';
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => '\\' + c);
}

function choices(values: readonly string[]): string {
  return `\${1|${values.map((v) => v.replace(/[\\,|$}]/g, (c) => '\\' + c)).join(',')}|}`;
}

/** The key with a skeleton of its value: a block opens, a boolean or enum offers its choices. */
export function keySnippet(option: OptionSpec, separator: string): string {
  const name = option.name;
  const alternatives = valueAlternatives(option.value);
  if (alternatives.some((v) => v.kind === 'map')) return `${name} {\n\t$0\n}`;
  return `${name}${separator}${valueSnippet(alternatives[0], option.default)}`;
}

function valueSnippet(value: ValueType, fallback: string | number | boolean | undefined): string {
  const placeholder = fallback === undefined ? '' : escapeSnippet(String(fallback));
  switch (value.kind) {
    case 'bool':
      return choices(['true', 'false']);
    case 'enum':
      return choices(value.values);
    case 'array': {
      const itemIsMap = valueAlternatives(value.item).some((v) => v.kind === 'map');
      return itemIsMap ? '[\n\t{\n\t\t$0\n\t}\n]' : '[ $0 ]';
    }
    case 'stringOrArray':
      return '"$1"';
    case 'integer': case 'number': case 'size':
      return placeholder ? `\${1:${placeholder}}` : '$1';
    case 'hostport':
      return typeof fallback === 'number' || fallback === undefined ? (placeholder ? `\${1:${placeholder}}` : '$1') : `"\${1:${placeholder}}"`;
    case 'duration':
      return `"\${1:${placeholder || '30s'}}"`;
    case 'map':
      return '{\n\t$0\n}';
    case 'union':
      return valueSnippet(value.of[0], fallback);
    default:
      return placeholder ? `"\${1:${placeholder}}"` : '"$1"';
  }
}

// ---- values -------------------------------------------------------------------------------------

/** `scope` is the chain down to the entry or array the value belongs to. */
function valueItems(doc: ConfigDocument, scope: Chain, type: ValueType | undefined, offset: number, ctx: FeatureContext,
  range: Range, withVariables = true, option?: OptionSpec): CompletionItem[] {
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const add = (label: string, kind: CompletionItemKind, detail: string, newText = label, snippet = false) => {
    if (seen.has(label)) return;
    seen.add(label);
    items.push({ label, kind, detail, textEdit: { range, newText }, sortText: `0${String(items.length).padStart(3, '0')}`,
      ...(snippet ? { insertTextFormat: InsertTextFormat.Snippet } : {}) });
  };
  for (const alternative of type ? valueAlternatives(type) : []) {
    if (alternative.kind === 'bool') { add('true', CompletionItemKind.Value, 'boolean'); add('false', CompletionItemKind.Value, 'boolean'); }
    if (alternative.kind === 'enum') for (const value of alternative.values) add(value, CompletionItemKind.EnumMember, describeValue(alternative));
    if (alternative.kind === 'map' && withVariables) add('{…}', CompletionItemKind.Module, describeValue(alternative), '{\n\t$0\n}', true);
  }
  if (option?.default !== undefined && withVariables && !type?.kind.match(/^(bool|enum)$/) && typeof option.default !== 'boolean') {
    const text = typeof option.default === 'number' ? String(option.default) : JSON.stringify(option.default);
    add(text, CompletionItemKind.Value, 'default');
  }
  if (withVariables) {
    items.push(...variableItems(doc, scope, offset, ctx, range));
  }
  return items;
}

/** `$name` for every variable visible at the cursor (closest definition wins), then the environment. */
function variableItems(doc: ConfigDocument, chain: Chain, offset: number, ctx: FeatureContext, range: Range): CompletionItem[] {
  const last = chain[chain.length - 1];
  const probe: VariableNode = { type: 'variable', name: '', start: offset, end: offset, nameSpan: { start: offset, end: offset } };
  const scopeChain: ChainNode[] = last.type === 'variable' ? [...chain] : [...chain, probe];
  const items: CompletionItem[] = [];
  const definitions = definitionsInScope(doc, scopeChain, ctx);
  for (const [name, definition] of definitions) {
    // Keys nats-server reads as options could be used as variables, but offering them is noise.
    const option = optionOfKey(definition.doc.parsed.document.body, definition.entry);
    if (option && !option.userDefinedName) continue;
    const value = definition.entry.value!;
    const raw = value.type === 'scalar' ? value.raw : value.type === 'variable' ? '$' + value.name : value.type === 'map' ? '{…}' : '[…]';
    const hidden = isSecretKey(name) || looksSecret(raw);
    const line = definition.doc.lines.positionAt(definition.entry.key.start).line + 1;
    const where = definition.doc.file === doc.file ? `line ${line}` : `${path.basename(definition.doc.file)}:${line}`;
    items.push({ label: '$' + name, kind: CompletionItemKind.Variable, detail: `${hidden ? MASK : raw} (${where})`, textEdit: { range, newText: '$' + name }, sortText: `1${name}` });
  }
  for (const [name, value] of Object.entries(ctx.env)) {
    if (value === undefined || definitions.has(name) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
    const hidden = isSecretKey(name) || looksSecret(value);
    items.push({ label: '$' + name, kind: CompletionItemKind.Constant, detail: `environment: ${hidden ? MASK : value}`, textEdit: { range, newText: '$' + name }, sortText: `2${name}` });
  }
  return items;
}

// ---- include paths ------------------------------------------------------------------------------

function includeCompletions(doc: ConfigDocument, ctx: FeatureContext, offset: number, typed: string, quote: string): CompletionList {
  const slash = typed.lastIndexOf('/');
  const folderPart = typed.slice(0, slash + 1);
  const namePart = typed.slice(slash + 1);
  const folder = path.join(path.dirname(doc.file), folderPart);
  const entries = ctx.readDirectory(folder) ?? [];
  const text = doc.parsed.text;
  let end = offset;
  while (end < text.length && !/[\s"';]/.test(text[end])) end++;
  const range = rangeOf(doc, { start: offset - namePart.length, end } as Span);
  const items: CompletionItem[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') && !namePart.startsWith('.')) continue;
    const full = path.join(folder, entry.name);
    if (full === doc.file) continue;
    if (entry.kind === 'directory') {
      items.push({ label: entry.name + '/', kind: CompletionItemKind.Folder, textEdit: { range, newText: entry.name + '/' }, sortText: `1${entry.name}`,
        command: { title: 'Suggest', command: 'editor.action.triggerSuggest' } });
    } else if (entry.kind === 'file') {
      const needsQuote = !quote && /[\s#;,{}[\]=:]/.test(entry.name);
      const newText = needsQuote ? `"${folderPart}${entry.name}"` : entry.name;
      const conf = /\.conf$/i.test(entry.name);
      items.push({ label: entry.name, kind: CompletionItemKind.File, textEdit: needsQuote ? { range: rangeOf(doc, { start: offset - typed.length, end }), newText } : { range, newText },
        sortText: `${conf ? '0' : '2'}${entry.name}`, detail: conf ? 'configuration file' : undefined });
    }
  }
  return list(items);
}
