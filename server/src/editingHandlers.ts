// LSP wiring of the editing features (hover, completion, outline, folding, selection, navigation,
// links, rename): capabilities to announce and one guarded handler per request.

import { Connection, PrepareRenameParams, Range, RenameParams, ResponseError, ServerCapabilities, TextDocuments, WorkspaceEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from './service';
import { LatticeAnalysis } from './workspace/latticeAnalysis';

/** JSON-RPC "request failed": the client shows the message to the user (e.g. why a rename is refused). */
const REQUEST_FAILED = -32803;

export const EDITING_CAPABILITIES = {
  hoverProvider: true,
  completionProvider: { triggerCharacters: ['$', '/', '"', "'"], resolveProvider: false },
  documentSymbolProvider: { label: 'NATS configuration' },
  foldingRangeProvider: true,
  selectionRangeProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  documentLinkProvider: { resolveProvider: false },
  renameProvider: { prepareProvider: true },
} satisfies ServerCapabilities;

type Guard = <Args extends unknown[], Result>(name: string, handler: (...args: Args) => Result, fallback: Result) => (...args: Args) => Result;

/**
 * `latticeAnalysis`: the workspace lattice, for hover, completion and navigation inside host
 * sources (env files, compose files) and for references from a NATS `domain:` to the hosts.
 */
export function registerEditingHandlers(connection: Connection, documents: TextDocuments<TextDocument>, service: LanguageService, guarded: Guard, latticeAnalysis?: () => LatticeAnalysis): void {
  /** The open NATS document a request is about, or undefined (other languages, closed documents). */
  const natsDocument = (uri: string) => {
    const document = documents.get(uri);
    return document && service.isNatsDocument(document) ? document : undefined;
  };
  /** An open wasmCloud host source (not a NATS config), when the lattice is known. */
  const hostDocument = (uri: string) => {
    const document = documents.get(uri);
    return latticeAnalysis && document && !service.isNatsDocument(document) && service.isHostSourceDocument(document) ? document : undefined;
  };
  /** Sends a request to the NATS-config feature or the host-source one, by what the document is. */
  function route<T>(uri: string, onNats: (document: TextDocument) => T, onHost: (document: TextDocument, analysis: LatticeAnalysis) => T): T | null {
    const document = natsDocument(uri);
    if (document) return onNats(document);
    const host = hostDocument(uri);
    return host ? onHost(host, latticeAnalysis!()) : null;
  }

  connection.onHover(guarded('hover', (params) => route(params.textDocument.uri,
    (document) => service.doHover(document, params.position),
    (host, analysis) => service.doHostHover(host, params.position, analysis)), null));

  connection.onCompletion(guarded('completion', (params) => route(params.textDocument.uri,
    (document) => service.doComplete(document, params.position),
    (host, analysis) => service.doHostComplete(host, params.position, analysis)), null));

  connection.onDocumentSymbol(guarded('documentSymbol', (params) => {
    const document = natsDocument(params.textDocument.uri);
    return document ? service.findDocumentSymbols(document) : null;
  }, null));

  connection.onFoldingRanges(guarded('foldingRange', (params) => {
    const document = natsDocument(params.textDocument.uri);
    return document ? service.getFoldingRanges(document) : null;
  }, null));

  connection.onSelectionRanges(guarded('selectionRange', (params) => {
    const document = natsDocument(params.textDocument.uri);
    return document ? service.getSelectionRanges(document, params.positions) : null;
  }, null));

  connection.onDefinition(guarded('definition', (params) => route(params.textDocument.uri,
    (document) => service.findDefinition(document, params.position),
    (host, analysis) => service.findHostDefinition(host, params.position, analysis)), null));

  connection.onReferences(guarded('references', (params) => {
    const { includeDeclaration } = params.context;
    return route(params.textDocument.uri,
      (document) => [
        ...service.findReferences(document, params.position, includeDeclaration),
        // A `domain:` value is used by the hosts of the lattice: they are its references too.
        ...(latticeAnalysis ? service.findLatticeReferences(document, params.position, includeDeclaration, latticeAnalysis()) : []),
      ],
      (host, analysis) => service.findHostReferences(host, params.position, includeDeclaration, analysis));
  }, null));

  connection.onDocumentLinks(guarded('documentLink', (params) => {
    const document = natsDocument(params.textDocument.uri);
    return document ? service.findDocumentLinks(document) : null;
  }, null));

  connection.onPrepareRename(guarded('prepareRename', (params: PrepareRenameParams): { range: Range; placeholder: string } | ResponseError<void> | null => {
    const document = natsDocument(params.textDocument.uri);
    if (!document) return null;
    const check = service.prepareRename(document, params.position);
    return 'reason' in check ? new ResponseError(REQUEST_FAILED, check.reason) : check;
  }, null));

  connection.onRenameRequest(guarded('rename', (params: RenameParams): WorkspaceEdit | ResponseError<void> | null => {
    const document = natsDocument(params.textDocument.uri);
    if (!document) return null;
    const result = service.doRename(document, params.position, params.newName);
    return 'reason' in result ? new ResponseError(REQUEST_FAILED, result.reason) : result.edit;
  }, null));
}
