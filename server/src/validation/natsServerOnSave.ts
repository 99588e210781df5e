// When and for whom nats-server runs: on save (setting on, workspace trusted) or on request, one
// run per document at a time; its diagnostics are kept until the document changes and are merged
// into ours by the caller. No LSP connection here: the server passes callbacks.

import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { ParseResult } from '../syntax/tree';
import { uriToPath } from '../uri';
import {
  findingsToDiagnostics, mergeDiagnostics, NatsServerCheckSettings, NatsServerOutcome, readNatsServerCheckSettings, runNatsServerCheck,
} from './natsServerCheck';

export interface NatsServerValidationHost {
  parse(document: TextDocument): ParseResult;
  /** Files the last check of the document read, itself included. */
  dependenciesOf(uri: string): readonly string[];
  /** nats-server's diagnostics for a document changed: publish again. */
  changed(uri: string): void;
  log(message: string): void;
}

export type CheckReport = { ran: false; reason: string } | { ran: true; outcome: NatsServerOutcome; diagnostics: Diagnostic[] };

export class NatsServerValidation {
  private settings: NatsServerCheckSettings = { enabled: false, path: 'nats-server' };
  private trusted = false;
  private readonly results = new Map<string, { version: number; diagnostics: Diagnostic[] }>();
  private readonly running = new Set<string>();

  constructor(private readonly host: NatsServerValidationHost, private readonly timeoutMs?: number) {}

  /** Reads the `natsLattice` section the client sent (machine-scoped settings only matter here). */
  configure(raw: unknown): void {
    this.settings = readNatsServerCheckSettings(raw);
  }

  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
  }

  get isEnabled(): boolean {
    return this.settings.enabled && this.trusted;
  }

  /** A document was saved: check it if the user asked for checks on save. */
  async onSaved(document: TextDocument): Promise<void> {
    if (!this.settings.enabled) return;
    await this.check(document);
  }

  /** Runs nats-server once on a document (the command); says why not when it cannot. */
  async check(document: TextDocument): Promise<CheckReport> {
    if (!this.trusted) return { ran: false, reason: 'the workspace is not trusted, so nats-server is not run on its files' };
    const file = uriToPath(document.uri);
    if (file === undefined) return { ran: false, reason: 'only saved files can be checked with nats-server' };
    if (this.running.has(document.uri)) return { ran: false, reason: 'nats-server is already checking this file' };
    this.running.add(document.uri);
    try {
      const version = document.version;
      const outcome = await runNatsServerCheck({
        program: this.settings.path,
        file,
        text: document.getText(),
        includes: this.host.dependenciesOf(document.uri).filter((f) => f !== file),
        timeoutMs: this.timeoutMs,
      });
      const diagnostics = outcome.kind === 'findings' ? findingsToDiagnostics(outcome.findings, file, this.host.parse(document)) : [];
      if (outcome.kind === 'timeout') this.host.log(`nats-server did not finish checking ${file} within the time limit; stopped it.`);
      if (outcome.kind === 'failed') this.host.log(outcome.message);
      this.results.set(document.uri, { version, diagnostics });
      this.host.changed(document.uri);
      return { ran: true, outcome, diagnostics };
    } finally {
      this.running.delete(document.uri);
    }
  }

  /** Ours plus nats-server's for the same version of the document (none once it changed). */
  merge(document: TextDocument, ours: Diagnostic[]): Diagnostic[] {
    const result = this.results.get(document.uri);
    if (!result || result.version !== document.version || !this.trusted) return ours;
    return mergeDiagnostics(ours, result.diagnostics);
  }

  forget(uri: string): void {
    this.results.delete(uri);
  }
}
