import * as fs from 'node:fs';
import * as vscode from 'vscode';
// Types only here: the client library is loaded in startClient, when there is a server to start,
// from its own bundle (dist/languageClient.js), which keeps it out of the extension's activation.
import type { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { LATTICE_STATUS_NOTIFICATION } from '../../server/src/features/topology/protocol';
import { documentSelector, watchedFilesGlob } from './documentSelector';
import { CLIENT_ID, CLIENT_NAME } from './names';
import { BoundedRestartPolicy } from './restartPolicy';
import { initializationOptions } from './settings';

/** Starts, restarts and stops the bundled language server (dist/server.js, over IPC). */
export class LanguageServerController implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<void> | undefined;
  private readonly latticeChecked = new vscode.EventEmitter<unknown>();
  /**
   * Fires with the summary the server sends after every workspace lattice check
   * (`natsLattice/status`). Listen here rather than with `client.onNotification`: a client keeps
   * one handler per method, so a second registration silently replaces the first.
   */
  readonly onDidCheckLattice = this.latticeChecked.event;

  /** The running client, for custom requests; undefined until started. */
  get languageClient(): LanguageClient | undefined {
    return this.client;
  }
  /** Called with each new client once it runs (its notification handlers survive restarts). */
  private readonly startedListeners: ((client: LanguageClient) => void)[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
    private readonly restartPolicy: BoundedRestartPolicy,
  ) {}

  get isStarted(): boolean {
    return this.client !== undefined;
  }

  /** Starts the server once; later calls wait for that first start. */
  start(): Promise<void> {
    this.starting ??= this.startClient().catch((error: unknown) => {
      this.starting = undefined;
      this.client = undefined;
      const text = `The NATS Lattice language server did not start: ${error instanceof Error ? error.message : String(error)}`;
      this.output.error(text);
      void vscode.window.showErrorMessage(text, 'Show Output').then((choice) => {
        if (choice) this.output.show(true);
      });
    });
    return this.starting;
  }

  onStarted(listener: (client: LanguageClient) => void): void {
    this.startedListeners.push(listener);
    if (this.client?.isRunning()) listener(this.client);
  }

  /** Sends a custom notification when the server runs (dropped otherwise: it reads the state when it starts). */
  async notify(method: string, params?: unknown): Promise<void> {
    if (this.client?.isRunning()) await this.client.sendNotification(method, params);
  }

  /** Sends a custom request, starting the server first when it is not running yet. */
  async request<Result>(method: string, params?: unknown): Promise<Result> {
    await this.start();
    if (!this.client) throw new Error('the NATS Lattice language server is not running; see the NATS Lattice output.');
    return this.client.sendRequest<Result>(method, params);
  }

  async restart(): Promise<void> {
    this.restartPolicy.reset();
    if (!this.client) return this.start();
    this.output.info('Restarting the language server on request.');
    await this.client.restart();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.starting = undefined;
    if (client) await client.stop();
  }

  dispose(): void {
    this.latticeChecked.dispose();
    void this.stop();
  }

  private async startClient(): Promise<void> {
    // require, not import(): the bundle is CommonJS, whose named exports import() may not see.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const languageClient = require('./languageClient') as typeof import('./languageClient');
    const { TransportKind } = languageClient;
    const serverModule = this.context.asAbsolutePath('dist/server.js');
    if (!fs.existsSync(serverModule)) {
      throw new Error(`${serverModule} is missing; run "npm run build" in the extension folder.`);
    }
    const serverOptions: ServerOptions = {
      // stdio, not ipc: over a stream the server writes each diagnostic's JSON once and reuses it
      // while the finding stands (server/src/publishEncoder.ts); ipc serialises everything anew.
      run: { module: serverModule, transport: TransportKind.stdio },
      debug: {
        module: serverModule,
        transport: TransportKind.stdio,
        options: { execArgv: ['--nolazy', '--enable-source-maps', '--inspect=6009'] },
      },
    };
    const watcher = vscode.workspace.createFileSystemWatcher(watchedFilesGlob);
    this.context.subscriptions.push(watcher);
    const clientOptions: LanguageClientOptions = {
      documentSelector,
      outputChannel: this.output,
      traceOutputChannel: this.output,
      initializationOptions,
      errorHandler: this.restartPolicy,
      synchronize: { fileEvents: watcher },
    };
    const client = new languageClient.LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
    this.client = client;
    // Registered before start, so the client keeps it across restarts.
    client.onNotification(LATTICE_STATUS_NOTIFICATION, (summary: unknown) => this.latticeChecked.fire(summary));
    await client.start();
    this.output.info(`Language server started from ${serverModule}.`);
    for (const listener of this.startedListeners) listener(client);
  }
}
