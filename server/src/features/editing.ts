// The editing features as the language service offers them: LSP documents in, LSP answers out.
// The service passes its caches and file system; each call builds a ConfigDocument over the
// service's parse of the document, so nothing is parsed twice.

import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionList, DocumentLink, DocumentSymbol, FoldingRange, Hover, Location, Position, SelectionRange, SemanticTokens,
} from 'vscode-languageserver-types';
import { FileSystem } from '../fileSystem';
import { ParseResult } from '../syntax/tree';
import { doComplete } from './completion';
import { findDefinition } from './definition';
import { ConfigDocument, contextFromFileSystem, createConfigDocument, FeatureContext, siblingConfigs } from './document';
import { findDocumentLinks } from './documentLinks';
import { getSemanticTokens } from './semanticTokens';
import { getFoldingRanges } from './folding';
import { doHover } from './hover';
import { findReferences } from './references';
import { prepareRename, RenameCheck, renameVariable, RenameResult } from './rename';
import { getSelectionRanges } from './selectionRanges';
import { findDocumentSymbols } from './symbols';
import { DEFAULT_LIMITS, FeatureLimits, limitFoldingRanges, limitSymbols } from './limits';

export type { RenameCheck, RenameResult };

export interface EditingFeatures {
  doHover(document: TextDocument, position: Position): Hover | null;
  doComplete(document: TextDocument, position: Position): CompletionList;
  findDocumentSymbols(document: TextDocument): DocumentSymbol[];
  getFoldingRanges(document: TextDocument): FoldingRange[];
  getSelectionRanges(document: TextDocument, positions: Position[]): SelectionRange[];
  /** `$variable` → its defining key; include path → the included file. */
  findDefinition(document: TextDocument, position: Position): Location[];
  /** Every `$use` of the variable under the cursor, in this file and in the files that include it. */
  findReferences(document: TextDocument, position: Position, includeDeclaration: boolean): Location[];
  findDocumentLinks(document: TextDocument): DocumentLink[];
  /** Semantic tokens of the whole document (legend: SEMANTIC_TOKENS_LEGEND in ./semanticTokens). */
  getSemanticTokens(document: TextDocument): SemanticTokens;
  /** The range to rename, or why the thing under the cursor cannot be renamed (only variables can). */
  prepareRename(document: TextDocument, position: Position): RenameCheck;
  /** A WorkspaceEdit renaming a variable across its scope, or why not. */
  doRename(document: TextDocument, position: Position, newName: string): RenameResult;
}

export interface EditingHost {
  /** Caps for huge documents (the `natsLattice.limits` settings). */
  limits?: () => FeatureLimits;
  fs: FileSystem;
  env: Record<string, string | undefined>;
  /** The service's cached parse of an open document. */
  parseDocument(document: TextDocument): ParseResult;
  /** Parses of other files, cached while their text is unchanged. */
  parseFile(file: string, text: string): ParseResult;
  /** The absolute path a document is analysed under. */
  fileOf(uri: string): string;
  /** Files the service knows about (open documents and what they include). */
  knownFiles(): Iterable<string>;
  /** The text of a document the service has parsed (open in the editor), which wins over `fs`. */
  openText?(file: string): string | undefined;
}

export function createEditingFeatures(host: EditingHost): EditingFeatures {
  function open(document: TextDocument): { doc: ConfigDocument; ctx: FeatureContext } {
    const file = host.fileOf(document.uri);
    const doc = createConfigDocument(document.uri, file, document.getText(), host.parseDocument(document));
    const fs: FileSystem = {
      readFile: (other) => host.openText?.(other) ?? host.fs.readFile(other),
      stat: (other) => host.fs.stat(other),
      readDirectory: (folder) => host.fs.readDirectory(folder),
    };
    const ctx = contextFromFileSystem(fs, {
      env: host.env,
      parse: host.parseFile,
      document: doc,
      candidateFiles: () => [...new Set([...host.knownFiles(), ...siblingConfigs(fs, file)])].filter((f) => path.isAbsolute(f)),
    });
    return { doc, ctx };
  }
  return {
    doHover: (document, position) => { const { doc, ctx } = open(document); return doHover(doc, position, ctx); },
    doComplete: (document, position) => { const { doc, ctx } = open(document); return doComplete(doc, position, ctx); },
    findDocumentSymbols: (document) => limitSymbols(findDocumentSymbols(open(document).doc), (host.limits?.() ?? DEFAULT_LIMITS).symbols),
    getFoldingRanges: (document) => limitFoldingRanges(getFoldingRanges(open(document).doc), (host.limits?.() ?? DEFAULT_LIMITS).foldingRanges),
    getSelectionRanges: (document, positions) => getSelectionRanges(open(document).doc, positions),
    findDefinition: (document, position) => { const { doc, ctx } = open(document); return findDefinition(doc, position, ctx); },
    findReferences: (document, position, includeDeclaration) => { const { doc, ctx } = open(document); return findReferences(doc, position, ctx, includeDeclaration); },
    findDocumentLinks: (document) => { const { doc, ctx } = open(document); return findDocumentLinks(doc, ctx); },
    getSemanticTokens: (document) => { const { doc, ctx } = open(document); return getSemanticTokens(doc, ctx); },
    prepareRename: (document, position) => { const { doc, ctx } = open(document); return prepareRename(doc, position, ctx); },
    doRename: (document, position, newName) => { const { doc, ctx } = open(document); return renameVariable(doc, position, newName, ctx); },
  };
}
