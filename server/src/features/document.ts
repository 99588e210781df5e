// What every editing feature works on: one parsed document, and a door to the other files
// (includes, includers) and the environment. Features are pure functions over these.

import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Position, Range } from 'vscode-languageserver-types';
import { DirectoryEntry, FileSystem } from '../fileSystem';
import { parse } from '../syntax/parser';
import { IncludeNode, ParseResult, Span } from '../syntax/tree';
import { pathToUri } from '../uri';

export interface ConfigDocument {
  uri: string;
  /** Absolute path the document is analysed under (includes resolve against its folder). */
  file: string;
  parsed: ParseResult;
  /** Line/column bookkeeping for the same text. */
  lines: TextDocument;
}

export interface FeatureContext {
  /** Text of another file (open buffers win over the disk), or undefined. */
  readFile(file: string): string | undefined;
  /** Entries of a folder, or undefined when it is not a readable folder. */
  readDirectory(folder: string): DirectoryEntry[] | undefined;
  /** Parses a file's text; callers pass a cache so unchanged files are parsed once. */
  parse(file: string, text: string): ParseResult;
  /** Environment consulted for `$NAME` when no enclosing block defines NAME. */
  env: Record<string, string | undefined>;
  /** Files that may include the document (open documents, their includes, siblings), for references and rename. */
  candidateFiles(): readonly string[];
}

export function createConfigDocument(uri: string, file: string, text: string, parsed: ParseResult = parse(text)): ConfigDocument {
  return { uri, file, parsed, lines: linesFor(uri, text, parsed) };
}

// Every hover or completion wraps the same cached parse again; a fresh TextDocument would count the
// lines of the whole text on its first position look-up, so the one made for a parse is kept.
const linesOfParse = new WeakMap<ParseResult, TextDocument>();

function linesFor(uri: string, text: string, parsed: ParseResult): TextDocument {
  if (parsed.text !== text) return TextDocument.create(uri, 'nats-conf', 0, text);
  const known = linesOfParse.get(parsed);
  if (known && known.uri === uri && known.getText() === text) return known;
  const lines = TextDocument.create(uri, 'nats-conf', 0, text);
  linesOfParse.set(parsed, lines);
  return lines;
}

/** Another file as a ConfigDocument, or undefined when it cannot be read. */
export function loadDocument(ctx: FeatureContext, file: string, current?: ConfigDocument): ConfigDocument | undefined {
  if (current && current.file === file) return current;
  const text = ctx.readFile(file);
  if (text === undefined) return undefined;
  return createConfigDocument(pathToUri(file), file, text, ctx.parse(file, text));
}

export function rangeOf(doc: ConfigDocument, span: Span): Range {
  return { start: doc.lines.positionAt(span.start), end: doc.lines.positionAt(span.end) };
}

export function offsetOf(doc: ConfigDocument, position: Position): number {
  return doc.lines.offsetAt(position);
}

/** The file an include names: nats-server joins the path to the including file's folder, even an absolute one. */
export function includeTarget(file: string, include: IncludeNode): string {
  return path.join(path.dirname(file), include.path);
}

/** A context over in-memory text only (tests, or a document with nothing around it). */
export function standaloneContext(files: Record<string, string> = {}, env: Record<string, string | undefined> = {}): FeatureContext {
  return {
    readFile: (file) => files[file],
    readDirectory: () => undefined,
    parse: (_file, text) => parse(text),
    env,
    candidateFiles: () => Object.keys(files),
  };
}

/** A context reading through the service's FileSystem; the document's own text wins for its path. */
export function contextFromFileSystem(fs: FileSystem, options: {
  env?: Record<string, string | undefined>;
  parse?: (file: string, text: string) => ParseResult;
  document?: ConfigDocument;
  candidateFiles?: () => readonly string[];
} = {}): FeatureContext {
  const own = options.document;
  return {
    readFile: (file) => (own && file === own.file ? own.parsed.text : fs.readFile(file)),
    readDirectory: (folder) => fs.readDirectory(folder),
    parse: (file, text) => (own && file === own.file && text === own.parsed.text ? own.parsed : (options.parse ?? ((_f: string, t: string) => parse(t)))(file, text)),
    env: options.env ?? {},
    candidateFiles: options.candidateFiles ?? (() => (own ? siblingConfigs(fs, own.file) : [])),
  };
}

/** Configuration files next to `file`: the usual place for the files that include it. */
export function siblingConfigs(fs: FileSystem, file: string): string[] {
  const folder = path.dirname(file);
  return (fs.readDirectory(folder) ?? [])
    .filter((entry) => entry.kind === 'file' && /\.conf$/i.test(entry.name))
    .map((entry) => path.join(folder, entry.name));
}
