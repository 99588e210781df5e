// Formatting as the language service offers it: LSP documents and FormattingOptions in, TextEdits out.

import { TextDocument } from 'vscode-languageserver-textdocument';
import { FormattingOptions, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { parse } from '../syntax/parser';
import { ParseResult } from '../syntax/tree';
import { formatDocumentEdits, formatOnTypeEdits, formatRangeEdits } from './format';
import { FormatSettings, formatStyleFrom } from './formatStyle';

export interface FormattingFeatures {
  /** Edits formatting the whole document; none when it has syntax errors. */
  formatDocument(document: TextDocument, options: FormattingOptions): TextEdit[];
  /** The same, limited to the lines of `range`. */
  formatRange(document: TextDocument, range: Range, options: FormattingOptions): TextEdit[];
  /** After typing `}`: formats the block it closes. */
  formatOnType(document: TextDocument, position: Position, typed: string, options: FormattingOptions): TextEdit[];
}

export interface FormattingHost {
  parseDocument(document: TextDocument): ParseResult;
  formatSettings(): FormatSettings;
}

export function createFormattingFeatures(host: FormattingHost): FormattingFeatures {
  const styleOf = (options: FormattingOptions) => formatStyleFrom(options, host.formatSettings());
  return {
    formatDocument: (document, options) => formatDocumentEdits(document, host.parseDocument(document), styleOf(options), parse),
    formatRange: (document, range, options) => formatRangeEdits(document, host.parseDocument(document), range, styleOf(options), parse),
    formatOnType: (document, position, typed, options) => formatOnTypeEdits(document, host.parseDocument(document), position, typed, styleOf(options), parse),
  };
}
