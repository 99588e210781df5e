// LSP wiring of formatting: whole document, range, and on-type after `}`.

import { Connection, DocumentOnTypeFormattingParams, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from './service';

export const FORMATTING_CAPABILITIES = {
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
  documentOnTypeFormattingProvider: { firstTriggerCharacter: '}' },
} satisfies ServerCapabilities;

type Guard = <Args extends unknown[], Result>(name: string, handler: (...args: Args) => Result, fallback: Result) => (...args: Args) => Result;

export function registerFormattingHandlers(connection: Connection, documents: TextDocuments<TextDocument>, service: LanguageService, guarded: Guard): void {
  const natsDocument = (uri: string) => {
    const document = documents.get(uri);
    return document && service.isNatsDocument(document) ? document : undefined;
  };
  connection.onDocumentFormatting(guarded('formatting', (params) => {
    const document = natsDocument(params.textDocument.uri);
    return document ? service.formatDocument(document, params.options) : null;
  }, null));
  connection.onDocumentRangeFormatting(guarded('rangeFormatting', (params) => {
    const document = natsDocument(params.textDocument.uri);
    return document ? service.formatRange(document, params.range, params.options) : null;
  }, null));
  connection.onDocumentOnTypeFormatting(guarded('onTypeFormatting', (params: DocumentOnTypeFormattingParams) => {
    const document = natsDocument(params.textDocument.uri);
    return document ? service.formatOnType(document, params.position, params.ch, params.options) : null;
  }, null));
}
