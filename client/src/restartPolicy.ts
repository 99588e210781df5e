import * as vscode from 'vscode';
import {
  CloseAction,
  CloseHandlerResult,
  ErrorAction,
  ErrorHandler,
  ErrorHandlerResult,
  Message,
} from 'vscode-languageclient/node';
import { Commands } from './names';

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
    return { action: (count ?? 1) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = this.now();
    this.crashTimes = this.crashTimes.filter((t) => now - t < this.limits.windowMs);
    this.crashTimes.push(now);
    if (this.crashTimes.length <= this.limits.maxRestarts) {
      this.log.warn(`The language server stopped unexpectedly; restarting it (${this.crashTimes.length} of ${this.limits.maxRestarts}).`);
      return { action: CloseAction.Restart, handled: true };
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
    return { action: CloseAction.DoNotRestart, handled: true };
  }

  /** A manual restart starts the count afresh and allows one more message. */
  reset(): void {
    this.crashTimes = [];
    this.gaveUp = false;
  }
}
