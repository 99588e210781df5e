import {
  CodeActionParams,
  DidChangeConfigurationNotification,
  DidChangeConfigurationParams,
  InitializeResult,
  TextDocumentChangeEvent,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { openConnection } from './connection';
import { createNodeFileSystem } from './nodeFileSystem';
import { createOverlayFileSystem } from './overlayFileSystem';
import { createLanguageService } from './service';
import { EDITING_CAPABILITIES, registerEditingHandlers } from './editingHandlers';
import { FORMATTING_CAPABILITIES, registerFormattingHandlers } from './formattingHandlers';
import { initialTrust, registerNatsServerValidation } from './natsServerHandlers';
import { getCodeActions } from './features/codeActions';
import { SEMANTIC_TOKENS_LEGEND } from './features/semanticTokens';
import { pathToUri, uriToPath } from './uri';
import { TOPOLOGY_REQUEST, TopologyParams } from './features/topology/protocol';
import { answerTopologyRequest } from './features/topology/request';
import { LatticeIndex } from './workspace/latticeIndex';
import { matchesGlob } from './workspace/glob';
import { Diagnostic } from 'vscode-languageserver-types';
import { ValidationSchedule } from './validationSchedule';
import { sameJson } from './sameJson';

const SETTINGS_SECTION = 'natsLattice';

const connection = openConnection();
const documents = new TextDocuments(TextDocument);

/** Open buffers by file path, so includes being edited are read as typed. */
function openText(path: string): string | undefined {
  for (const document of documents.all()) {
    if (uriToPath(document.uri) === path) return document.getText();
  }
  return undefined;
}

const fileSystem = createOverlayFileSystem(createNodeFileSystem(), openText);
const service = createLanguageService({
  fs: fileSystem,
  env: process.env,
});
/** The user's own `nats-server -t`, when enabled and trusted; its findings join ours in validate(). */
const natsServer = registerNatsServerValidation(connection, documents, service, guarded, (uri) => {
  const document = documents.get(uri);
  if (document) scheduleValidation(document);
});

/** Quiet time after the last change before the whole lattice is cross-checked again. */
const LATTICE_DELAY_MS = 300;
/** VS Code's `files.exclude` globs: excluded files take no part in the lattice. */
let filesExclude: string[] = [];
const lattice = new LatticeIndex(service, (file) => filesExclude.some((glob) => matchesGlob(glob, file) || matchesGlob(`**/${glob}`, file)));
let latticeTimer: NodeJS.Timeout | undefined;
let latticeIndexed = false;
/** The latest diagnostics of each open document's own check, merged with lattice findings on publish. */
const documentDiagnostics = new Map<string, { version?: number; diagnostics: Diagnostic[]; quick?: boolean }>();

let canPullConfiguration = false;
const pendingValidations = new Map<string, NodeJS.Timeout>();
/** When each open document is checked after a change (see validationSchedule.ts). */
const schedule = new ValidationSchedule();
/** What we last published per document, to clear it when it stops applying and not repeat it. */
const published = new Map<string, Diagnostic[]>();

/** Runs a handler so that one exception is logged instead of taking the server down. */
function guarded<Args extends unknown[], Result>(name: string, handler: (...args: Args) => Result, fallback: Result) {
  return (...args: Args): Result => {
    try {
      return handler(...args);
    } catch (error) {
      logError(name, error);
      return fallback;
    }
  };
}

function logError(name: string, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  try {
    connection.console.error(`nats-lattice: ${name} failed: ${detail}`);
  } catch {
    // The connection itself is gone; nothing left to tell.
  }
}

connection.onInitialize(
  guarded(
    'initialize',
    (params): InitializeResult => {
      canPullConfiguration = params.capabilities.workspace?.configuration === true;
      service.configure(params.initializationOptions ?? {});
      natsServer.configure(params.initializationOptions ?? {});
      natsServer.setTrusted(initialTrust(params.initializationOptions));
      const folders: string[] = params.workspaceFolders?.map((folder: { uri: string }) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
      lattice.setRoots(folders.map((uri) => uriToPath(uri)).filter((path): path is string => path !== undefined));
      return {
        capabilities: {
          textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
          ...EDITING_CAPABILITIES,
          ...FORMATTING_CAPABILITIES,
          codeActionProvider: { codeActionKinds: ['quickfix'] },
          semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
        },
        serverInfo: { name: 'nats-lattice' },
      };
    },
    { capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } } },
  ),
);

connection.onInitialized(
  guarded(
    'initialized',
    () => {
      if (canPullConfiguration) {
        void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch((error) => logError('register configuration', error));
        void pullSettings();
      }
      scheduleLatticeCheck();
    },
    undefined,
  ),
);

function scheduleLatticeCheck(): void {
  if (latticeTimer) clearTimeout(latticeTimer);
  latticeTimer = setTimeout(() => {
    latticeTimer = undefined;
    void runLatticeCheck();
  }, LATTICE_DELAY_MS);
}

/** Cross-checks servers and hosts of the whole workspace; the first run reports progress. */
async function runLatticeCheck(): Promise<void> {
  const progress = latticeIndexed ? undefined : await connection.window.createWorkDoneProgress().catch(() => undefined);
  try {
    progress?.begin('NATS Lattice', undefined, 'Cross-checking servers and hosts');
    for (const uri of lattice.check()) publish(uri);
    latticeIndexed = true;
    void connection.sendNotification('natsLattice/status', lattice.summary()).catch(() => undefined);
  } catch (error) {
    logError('lattice check', error);
  } finally {
    progress?.done();
  }
}

connection.onRequest(
  TOPOLOGY_REQUEST,
  guarded(
    'topology',
    (params: TopologyParams | undefined) =>
      answerTopologyRequest(params ?? {}, {
        analysis: lattice.analysis(),
        diagnosticsOf: (file) => lattice.diagnosticsFor(pathToUri(file)),
        readFile: (file) => fileSystem.readFile(file),
      }),
    undefined,
  ),
);

/** Sends a document's own diagnostics together with the lattice findings in that file. */
function publish(uri: string): void {
  const own = documentDiagnostics.get(uri);
  const diagnostics = [...(own?.diagnostics ?? []), ...lattice.diagnosticsFor(uri)];
  if (sameJson(published.get(uri) ?? [], diagnostics)) return;
  if (diagnostics.length === 0) published.delete(uri);
  else published.set(uri, diagnostics);
  void connection.sendDiagnostics({ uri, version: own?.version, diagnostics }).catch((error) => logError('publish diagnostics', error));
}

async function pullSettings(): Promise<void> {
  try {
    const section: unknown = await connection.workspace.getConfiguration(SETTINGS_SECTION);
    if (section !== null && section !== undefined) {
      service.configure(section);
      natsServer.configure(section);
    }
    const exclude: unknown = await connection.workspace.getConfiguration('files.exclude');
    if (exclude && typeof exclude === 'object') filesExclude = Object.entries(exclude).filter(([, on]) => on === true).map(([glob]) => glob);
    lattice.forgetFiles();
    scheduleLatticeCheck();
    revalidateAll();
  } catch (error) {
    logError('read settings', error);
  }
}

connection.onDidChangeConfiguration(
  guarded(
    'didChangeConfiguration',
    (change: DidChangeConfigurationParams) => {
      const settings: unknown = change.settings;
      const pushed = typeof settings === 'object' && settings !== null && SETTINGS_SECTION in settings;
      if (pushed) {
        service.configure(settings);
        natsServer.configure(settings);
        revalidateAll();
      } else if (canPullConfiguration) {
        void pullSettings();
      }
    },
    undefined,
  ),
);

documents.onDidChangeContent(
  guarded(
    'didChangeContent',
    (change: TextDocumentChangeEvent<TextDocument>) => {
      scheduleValidation(change.document, quickValidate(change.document));
      revalidateIncluders(change.document.uri);
      const path = uriToPath(change.document.uri);
      if (path !== undefined && lattice.involves(path)) {
        lattice.contentChanged();
        scheduleLatticeCheck();
      }
    },
    undefined,
  ),
);

documents.onDidOpen(
  guarded(
    'didOpen',
    (event: TextDocumentChangeEvent<TextDocument>) => {
      // A document that just opened may be an include another open document could not find yet.
      for (const document of documents.all()) if (document.uri !== event.document.uri) scheduleValidation(document);
    },
    undefined,
  ),
);

documents.onDidClose(
  guarded(
    'didClose',
    (event: TextDocumentChangeEvent<TextDocument>) => {
      const uri = event.document.uri;
      cancelValidation(uri);
      schedule.forget(uri);
      service.forget(uri);
      clearDiagnostics(uri);
      // Includers now read this file from disk rather than from the closed buffer.
      revalidateIncluders(uri);
    },
    undefined,
  ),
);

connection.onDidChangeWatchedFiles(
  guarded(
    'didChangeWatchedFiles',
    () => {
      // A .nats-lattice.json may have appeared or gone: look for the project settings again.
      service.filesChanged();
      revalidateAll();
      lattice.forgetFiles();
      scheduleLatticeCheck();
    },
    undefined,
  ),
);

/**
 * Publishes what the quick check answers for a change, when it can; the full check then waits for
 * typing to pause and publishes only if it finds otherwise.
 */
function quickValidate(document: TextDocument): boolean {
  if (!schedule.wantsQuickCheck(document.uri) || !service.isNatsDocument(document)) return false;
  try {
    const ours = service.quickValidation(document);
    if (!ours) return false;
    documentDiagnostics.set(document.uri, { version: document.version, diagnostics: natsServer.merge(document, ours), quick: true });
    publish(document.uri);
    return true;
  } catch (error) {
    logError(`quick check of ${document.uri}`, error);
    return false;
  }
}

function scheduleValidation(document: TextDocument, answeredQuickly = false): void {
  const delay = answeredQuickly ? schedule.afterQuickCheck(document.uri) : schedule.changed(document.uri, pendingValidations.has(document.uri));
  cancelValidation(document.uri);
  const version = document.version;
  pendingValidations.set(
    document.uri,
    setTimeout(() => {
      pendingValidations.delete(document.uri);
      validate(document.uri, version);
    }, delay),
  );
}

function cancelValidation(uri: string): void {
  const pending = pendingValidations.get(uri);
  if (pending) {
    clearTimeout(pending);
    pendingValidations.delete(uri);
  }
}

function validate(uri: string, version: number): void {
  try {
    const document = documents.get(uri);
    if (!document || document.version !== version) return;
    if (!service.isNatsDocument(document)) {
      clearDiagnostics(uri);
      return;
    }
    const started = performance.now();
    const ours = service.doValidation(document);
    schedule.checked(uri, performance.now() - started);
    const diagnostics = natsServer.merge(document, ours);
    // Never publish results for a document that closed or changed while we worked.
    if (documents.get(uri)?.version !== version) return;
    const answered = documentDiagnostics.get(uri);
    if (answered?.quick && answered.version === version && !sameJson(answered.diagnostics, diagnostics)) {
      // The quick check promises the full check's answer: say so when it was not, to be reported.
      connection.console.warn(`nats-lattice: the full check of ${uri} (version ${version}) corrected the quick check's answer; please report this with the document.`);
    }
    documentDiagnostics.set(uri, { version, diagnostics });
    publish(uri);
  } catch (error) {
    logError(`validate ${uri}`, error);
  }
}

/** Drops a document's own diagnostics; lattice findings in the file stay until the lattice changes. */
function clearDiagnostics(uri: string): void {
  if (!documentDiagnostics.delete(uri)) return;
  publish(uri);
}

/** Open documents whose last check read the file behind `uri` (they include it) are checked again. */
function revalidateIncluders(uri: string): void {
  const path = uriToPath(uri);
  if (path === undefined) return;
  for (const document of documents.all()) {
    if (document.uri !== uri && service.dependenciesOf(document.uri).includes(path)) scheduleValidation(document);
  }
}

function revalidateAll(): void {
  for (const document of documents.all()) scheduleValidation(document);
}

process.on('uncaughtException', (error) => logError('uncaught exception', error));
process.on('unhandledRejection', (reason) => logError('unhandled rejection', reason));

registerEditingHandlers(connection, documents, service, guarded, () => lattice.analysis());
registerFormattingHandlers(connection, documents, service, guarded);

connection.onCodeAction(
  guarded(
    'codeAction',
    (params: CodeActionParams) => {
      const document = documents.get(params.textDocument.uri);
      // Env and compose files get lattice diagnostics too, so this is not limited to NATS documents.
      return document ? getCodeActions(document, params.range, params.context.diagnostics) : null;
    },
    null,
  ),
);

connection.languages.semanticTokens.on(
  guarded(
    'semanticTokens',
    (params) => {
      const document = documents.get(params.textDocument.uri);
      return document && service.isNatsDocument(document) ? service.getSemanticTokens(document) : { data: [] };
    },
    { data: [] },
  ),
);

/** The "Check Workspace" command: find the files again, cross-check the lattice, answer its summary. */
connection.onRequest('natsLattice/checkWorkspace', async () => {
  lattice.forgetFiles();
  revalidateAll();
  if (latticeTimer) clearTimeout(latticeTimer);
  latticeTimer = undefined;
  await runLatticeCheck();
  return lattice.summary();
});

documents.listen(connection);
connection.listen();
