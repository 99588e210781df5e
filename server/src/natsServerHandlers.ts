// LSP wiring of the optional nats-server check: on save, on request (the
// natsLattice.validateWithNatsServer command), and the workspace trust the client reports.

import { Connection, TextDocumentChangeEvent, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from './service';
import { NatsServerValidation } from './validation/natsServerOnSave';

export const VALIDATE_WITH_NATS_SERVER_REQUEST = 'natsLattice/validateWithNatsServer';
export const WORKSPACE_TRUSTED_NOTIFICATION = 'natsLattice/workspaceTrusted';

export interface ValidateWithNatsServerParams { uri: string }
export interface ValidateWithNatsServerResult { ran: boolean; message: string; problems: number }

type Guard = <Args extends unknown[], Result>(name: string, handler: (...args: Args) => Result, fallback: Result) => (...args: Args) => Result;

/** Trust comes from the client only: `workspaceTrusted` in initializationOptions, then the notification. */
export function initialTrust(initializationOptions: unknown): boolean {
  return typeof initializationOptions === 'object' && initializationOptions !== null
    && (initializationOptions as { workspaceTrusted?: unknown }).workspaceTrusted === true;
}

export function registerNatsServerValidation(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  service: LanguageService,
  guarded: Guard,
  republish: (uri: string) => void,
): NatsServerValidation {
  const validation = new NatsServerValidation({
    parse: (document) => service.parseDocument(document),
    dependenciesOf: (uri) => service.dependenciesOf(uri),
    changed: republish,
    log: (message) => connection.console.warn(`nats-lattice: ${message}`),
  });

  documents.onDidSave(guarded('didSave', (event: TextDocumentChangeEvent<TextDocument>) => {
    if (!service.isNatsDocument(event.document)) return;
    void validation.onSaved(event.document).catch((error) => connection.console.error(`nats-lattice: nats-server check failed: ${String(error)}`));
  }, undefined));

  documents.onDidClose(guarded('didClose (nats-server)', (event: TextDocumentChangeEvent<TextDocument>) => validation.forget(event.document.uri), undefined));

  connection.onNotification(WORKSPACE_TRUSTED_NOTIFICATION, guarded('workspaceTrusted', () => {
    validation.setTrusted(true);
  }, undefined));

  connection.onRequest(VALIDATE_WITH_NATS_SERVER_REQUEST, async (params: ValidateWithNatsServerParams): Promise<ValidateWithNatsServerResult> => {
    try {
      const document = documents.get(params.uri);
      if (!document || !service.isNatsDocument(document)) return { ran: false, message: 'Open a NATS configuration file to check it with nats-server.', problems: 0 };
      const report = await validation.check(document);
      if (!report.ran) return { ran: false, message: `Not checked: ${report.reason}.`, problems: 0 };
      switch (report.outcome.kind) {
        case 'valid': return { ran: true, message: 'nats-server found no problems.', problems: 0 };
        case 'findings': return { ran: true, message: `nats-server found ${report.diagnostics.length} problem(s); see the Problems panel.`, problems: report.diagnostics.length };
        case 'timeout': return { ran: true, message: 'nats-server did not finish within 5 seconds and was stopped.', problems: 0 };
        default: return { ran: true, message: report.outcome.message, problems: 0 };
      }
    } catch (error) {
      connection.console.error(`nats-lattice: nats-server check failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return { ran: false, message: `The nats-server check failed: ${error instanceof Error ? error.message : String(error)}`, problems: 0 };
    }
  });

  return validation;
}
