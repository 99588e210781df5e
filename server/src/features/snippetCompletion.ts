// Snippets as completion items, offered only in the block they belong to. snippets/nats-conf.json
// is bundled into the server and deliberately not contributed to VS Code as well, which would list
// every snippet twice; `natsBlocks` in each snippet names the blocks it is written for.

import { CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind, Range } from 'vscode-languageserver-types';
import { ARRAY_ITEM, findOption } from '../facts/optionLookup';
import natsConfSnippets from '../../../snippets/nats-conf.json';

export interface ConfigSnippet {
  name: string;
  prefix: string;
  description: string;
  /** Snippet body in VS Code's snippet syntax, lines joined. */
  body: string;
  /** Canonical block paths the snippet belongs in: '' is the top level, 'leafnodes.remotes.*' one remote. */
  blocks: readonly string[];
  /** What the rest of the file must hold for the snippet to be valid (e.g. the account it names). */
  assumes?: string;
}

interface SnippetFileEntry {
  prefix: string;
  description: string;
  body: string | string[];
  natsBlocks?: string[];
  natsAssumes?: string;
}

/** Reads a VS Code snippet file's entries into ConfigSnippets (also used by the tests). */
export function readSnippetFile(file: Record<string, SnippetFileEntry>): ConfigSnippet[] {
  return Object.entries(file).map(([name, entry]) => ({
    name,
    prefix: entry.prefix,
    description: entry.description,
    body: Array.isArray(entry.body) ? entry.body.join('\n') : entry.body,
    blocks: entry.natsBlocks ?? [''],
    assumes: entry.natsAssumes,
  }));
}

export const CONFIG_SNIPPETS: readonly ConfigSnippet[] = readSnippetFile(natsConfSnippets as Record<string, SnippetFileEntry>);

/**
 * The canonical dotted path of a block from its key path as written: aliases resolved
 * (`leaf` → `leafnodes`), '' for the top level, '*' for an array item. Undefined for a path the
 * option table does not know.
 */
export function canonicalBlockPath(path: readonly string[]): string | undefined {
  if (path.length === 0) return '';
  const itemStep = path[path.length - 1] === ARRAY_ITEM;
  const option = findOption(itemStep ? path.slice(0, -1) : path);
  if (!option) return undefined;
  return [...option.canonicalPath, ...(itemStep ? [ARRAY_ITEM] : [])].join('.');
}

/** The snippets written for the block at `path` (a key path as `pathOf` gives it). */
export function snippetsFor(path: readonly string[]): ConfigSnippet[] {
  const block = canonicalBlockPath(path);
  if (block === undefined) return [];
  return CONFIG_SNIPPETS.filter((snippet) => snippet.blocks.includes(block));
}

/** Completion items for the snippets of the block at `path`, replacing `range` (the typed word). */
export function snippetCompletions(path: readonly string[], range: Range): CompletionItem[] {
  return snippetsFor(path).map((snippet) => ({
    label: snippet.prefix,
    labelDetails: { description: snippet.name },
    kind: CompletionItemKind.Snippet,
    detail: snippet.name,
    documentation: { kind: MarkupKind.Markdown, value: `${snippet.description}\n\n\`\`\`nats-conf\n${previewOf(snippet.body)}\n\`\`\`` },
    textEdit: { range, newText: snippet.body },
    insertTextFormat: InsertTextFormat.Snippet,
    filterText: snippet.prefix,
    // After the keys of the block: a key is what is typed most of the time.
    sortText: `3${snippet.prefix}`,
  }));
}

/** The snippet as it reads once inserted with its default values (tabs shown as two spaces). */
export function previewOf(body: string): string {
  return body
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\t/g, '  ')
    .trimEnd();
}
