// The outline: blocks, keys and array items (a map item is named by its most telling key, such as
// a leaf remote's url). Secret values never appear in the details.

import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { findOption } from '../facts/optionLookup';
import { ArrayNode, EntryOrInclude, MapNode, ValueNode } from '../syntax/tree';
import { ConfigDocument, rangeOf } from './document';
import { isSecretKey, looksSecret, MASK } from './secrets';
import { redactSecrets } from '../secrets';

/** Keys that best name an item of a list of blocks, most telling first. */
const NAMING_KEYS = ['name', 'url', 'urls', 'user', 'username', 'nkey', 'account', 'stream', 'service', 'subject', 'destination', 'host'];
const DETAIL_LIMIT = 60;
/** Deeper blocks are left out of the outline: nobody reads it that deep, and the walk stays shallow. */
const MAX_SYMBOL_DEPTH = 64;

export function findDocumentSymbols(doc: ConfigDocument): DocumentSymbol[] {
  return mapSymbols(doc, doc.parsed.document.body, []);
}

function mapSymbols(doc: ConfigDocument, map: MapNode, path: string[]): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const entry of map.entries) {
    const symbol = entrySymbol(doc, entry, path);
    if (symbol) out.push(symbol);
  }
  return out;
}

function entrySymbol(doc: ConfigDocument, entry: EntryOrInclude, path: string[]): DocumentSymbol | undefined {
  if (entry.type === 'include') {
    return { name: `include ${entry.path || '(no path)'}`, kind: SymbolKind.File, range: rangeOf(doc, entry), selectionRange: rangeOf(doc, entry.pathSpan) };
  }
  const name = entry.key.name || '(empty key)';
  const keyPath = [...path, entry.key.name];
  const secret = isSecretKey(entry.key.name, findOption(keyPath));
  const symbol: DocumentSymbol = {
    name,
    kind: entry.value ? kindOf(entry.value) : SymbolKind.Property,
    range: rangeOf(doc, entry),
    selectionRange: rangeOf(doc, entry.key),
  };
  const detail = entry.value ? detailOf(entry.value, secret) : undefined;
  if (detail) symbol.detail = detail;
  const children = entry.value ? childSymbols(doc, entry.value, keyPath, secret) : [];
  if (children.length) symbol.children = children;
  return symbol;
}

function childSymbols(doc: ConfigDocument, value: ValueNode, path: string[], secret: boolean): DocumentSymbol[] {
  if (path.length >= MAX_SYMBOL_DEPTH) return [];
  if (value.type === 'map') return mapSymbols(doc, value, path);
  if (value.type === 'array') return itemSymbols(doc, value, path, secret);
  return [];
}

function itemSymbols(doc: ConfigDocument, array: ArrayNode, path: string[], secret: boolean): DocumentSymbol[] {
  return array.items.map((item, index) => {
    const itemPath = [...path, '*'];
    const symbol: DocumentSymbol = {
      name: item.type === 'map' ? itemName(item, index, secret) : `[${index}] ${detailOf(item, secret) ?? ''}`.trim(),
      kind: kindOf(item),
      range: rangeOf(doc, item),
      selectionRange: rangeOf(doc, item.type === 'map' || item.type === 'array' ? item.open ?? item : item),
    };
    const children = childSymbols(doc, item, itemPath, secret);
    if (children.length) symbol.children = children;
    return symbol;
  });
}

/** `[0] nats://hub:7422` for a remote with that url; `[2]` when no key names the item. */
function itemName(map: MapNode, index: number, secret: boolean): string {
  for (const wanted of NAMING_KEYS) {
    const entry = map.entries.find((e) => e.type === 'entry' && e.key.name.toLowerCase() === wanted);
    if (!entry || entry.type !== 'entry' || !entry.value) continue;
    const value = entry.value.type === 'array' ? entry.value.items[0] : entry.value;
    if (!value || value.type === 'map' || value.type === 'array') continue;
    const text = detailOf(value, secret || isSecretKey(entry.key.name));
    if (text) return `[${index}] ${text}`;
  }
  return `[${index}]`;
}

function kindOf(value: ValueNode): SymbolKind {
  switch (value.type) {
    case 'map': return SymbolKind.Object;
    case 'array': return SymbolKind.Array;
    case 'variable': return SymbolKind.Variable;
    case 'scalar':
      switch (value.kind) {
        case 'string': return SymbolKind.String;
        case 'integer': case 'float': return SymbolKind.Number;
        case 'boolean': return SymbolKind.Boolean;
        case 'datetime': return SymbolKind.Constant;
      }
  }
}

function detailOf(value: ValueNode, secret: boolean): string | undefined {
  switch (value.type) {
    case 'map': return undefined;
    case 'array': return `${value.items.length} item${value.items.length === 1 ? '' : 's'}`;
    case 'variable': return '$' + value.name;
    case 'scalar': {
      const text = value.style === 'block' ? value.raw.slice(1, -1) : typeof value.value === 'string' ? value.value : value.raw;
      if (secret || looksSecret(text)) return MASK;
      const oneLine = text.replace(/\s+/g, ' ').trim();
      const shown = redactSecrets(oneLine);
      return shown.length > DETAIL_LIMIT ? shown.slice(0, DETAIL_LIMIT - 1) + '…' : shown;
    }
  }
}
