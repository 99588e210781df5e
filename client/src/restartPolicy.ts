import * as vscode from 'vscode';
// Types only: a value import would load the whole language client (most of dist/client.js) when
// the extension activates instead of when the server starts. See languageServer.ts.
import type {
  CloseAction,
  CloseHandlerResult,
  ErrorAction,
  ErrorHandler,
  ErrorHandlerResult,
  Message,
} from 'vscode-languageclient/node';
import { Commands } from './names';

// The enum members this policy answers with; tsc checks each value against the library's enum.
const CONTINUE: ErrorAction.Continue = 1;
const SHUTDOWN: ErrorAction.Shutdown = 2;
const DO_NOT_RESTART: CloseAction.DoNotRestart = 1;
const RESTART: CloseAction.Restart = 2;

export interface RestartLimits {
  /** Restarts allowed within `windowMs` before the client gives up. */
  maxRestarts: number;
  windowMs: number;
}

export const DEFAULT_RESTART_LIMITS: RestartLimits = { maxRestarts: 4, windowMs: 3 * 60_000 };

/**
 * Restarts a crashed server a bounded number of times, then stops and tells the user once,
 * offering the output channel and a manual restart. Each restart is logged, not shown.
 */
export class BoundedRestartPolicy implements ErrorHandler {
  private crashTimes: number[] = [];
  private gaveUp = false;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly limits: RestartLimits = DEFAULT_RESTART_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  error(error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    this.log.error(`Connection to the language server failed: ${error.message}`);
    // A few write/read errors in a row are usually transient; more mean the pipe is gone.
    return { action: (count ?? 1) <= 3 ? CONTINUE : SHUTDOWN, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = this.now();
    this.crashTimes = this.crashTimes.filter((t) => now - t < this.limits.windowMs);
    this.crashTimes.push(now);
    if (this.crashTimes.length <= this.limits.maxRestarts) {
      this.log.warn(`The language server stopped unexpectedly; restarting it (${this.crashTimes.length} of ${this.limits.maxRestarts}).`);
      return { action: RESTART, handled: true };
    }
    const minutes = Math.round(this.limits.windowMs / 60_000);
    const text = `The NATS Lattice language server stopped ${this.crashTimes.length} times in ${minutes} minutes and was not restarted again.`;
    this.log.error(text);
    if (!this.gaveUp) {
      this.gaveUp = true;
      void vscode.window.showErrorMessage(text, 'Show Output', 'Restart').then((choice) => {
        if (choice === 'Show Output') void vscode.commands.executeCommand(Commands.showOutput);
        if (choice === 'Restart') void vscode.commands.executeCommand(Commands.restartServer);
      });
    }
    return { action: DO_NOT_RESTART, handled: true };
  }

  /** A manual restart starts the count afresh and allows one more message. */
  reset(): void {
    this.crashTimes = [];
    this.gaveUp = false;
  }
}
