// Shared set-up for the feature tests: a document with a cursor marker `|`, and the files and
// environment around it, held in memory.

import * as path from 'node:path';
import { Position, Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createMemoryFileSystem } from '../../../server/src/memoryFileSystem';
import { ConfigDocument, contextFromFileSystem, createConfigDocument, FeatureContext } from '../../../server/src/features/document';
import { pathToUri } from '../../../server/src/uri';

export const ROOT = path.resolve('/work/cfg');
export const MAIN = path.join(ROOT, 'nats.conf');
export const CURSOR = '|';

export interface Setup {
  doc: ConfigDocument;
  ctx: FeatureContext;
  /** Positions of the cursor markers, in order. */
  cursors: Position[];
  position: Position;
}

export interface SetupOptions {
  /** Other files, by path relative to ROOT (or absolute). */
  files?: Record<string, string>;
  env?: Record<string, string | undefined>;
  /** The document's own path relative to ROOT (default nats.conf). */
  file?: string;
}

/** Removes every `|` and remembers where they were. */
export function stripCursors(marked: string): { text: string; offsets: number[] } {
  const offsets: number[] = [];
  let text = '';
  for (const char of marked) {
    if (char === CURSOR) offsets.push(text.length);
    else text += char;
  }
  return { text, offsets };
}

export function setup(marked: string, options: SetupOptions = {}): Setup {
  const { text, offsets } = stripCursors(marked);
  const file = path.resolve(ROOT, options.file ?? 'nats.conf');
  const files: Record<string, string> = {};
  for (const [name, content] of Object.entries(options.files ?? {})) files[path.resolve(ROOT, name)] = content;
  files[file] = text;
  const fs = createMemoryFileSystem(files);
  const doc = createConfigDocument(pathToUri(file), file, text);
  const ctx = contextFromFileSystem(fs, { env: options.env ?? {}, document: doc, candidateFiles: () => Object.keys(files) });
  const cursors = offsets.map((offset) => doc.lines.positionAt(offset));
  return { doc, ctx, cursors, position: cursors[0] ?? { line: 0, character: 0 } };
}

/** The text a range covers in a file of the set-up (the document itself or another file). */
export function textAt(s: Setup, uri: string, range: Range, files: Record<string, string> = {}): string {
  let text: string | undefined;
  if (uri === s.doc.uri) text = s.doc.parsed.text;
  else {
    for (const [name, content] of Object.entries(files)) if (pathToUri(path.resolve(ROOT, name)) === uri) text = content;
  }
  if (text === undefined) throw new Error(`no text for ${uri}`);
  const lines = TextDocument.create(uri, 'nats-conf', 0, text);
  return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}

export function uriOf(name: string): string {
  return pathToUri(path.resolve(ROOT, name));
}

/** Short label of where a location points: `name.conf:line:col-col` (1-based line, 0-based columns). */
export function where(uri: string, range: Range): string {
  const name = path.basename(new URL(uri).pathname);
  return `${name}:${range.start.line + 1}:${range.start.character}-${range.end.line === range.start.line ? '' : range.end.line + 1 + ':'}${range.end.character}`;
}
