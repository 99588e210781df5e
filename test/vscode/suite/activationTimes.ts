// The activation times VS Code itself records for an extension (the extension host's
// ActivationTimes), read from the workbench's "Developer: Startup Performance" document: its
// "Extension Activation Stats" table has one row per activated extension. The Running Extensions
// view shows the same numbers (scripts/lib/activationTable.cjs reads the table).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from './fixtures';

export interface ActivationTimes {
  /** Loading the extension's main module (for us, dist/client.js). */
  codeLoadingTime: number;
  /** The synchronous part of activate(). */
  activateCallTime: number;
  /** From activate() returning until the promise it returned resolved. */
  activateResolvedTime: number;
  /** The activation event, e.g. onLanguage:nats-conf or workspaceContains:... */
  event: string;
}

const PERF_URI = vscode.Uri.from({ scheme: 'perf', path: 'Startup Performance' });

/** The repository: the compiled suite runs from out/test/vscode/suite, the sources from test/vscode/suite. */
function repoRoot(): string {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'scripts', 'lib', 'activationTable.cjs'))) return dir;
  }
  throw new Error(`scripts/lib/activationTable.cjs not found above ${__dirname}`);
}

// The same table reader the bench's probe uses (plain CommonJS, so the bench needs no build).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { activationRow } = require(path.join(repoRoot(), 'scripts', 'lib', 'activationTable.cjs')) as {
  activationRow(markdown: string, extensionId: string): Record<string, string> | undefined;
};

/** Waits until VS Code lists the (already activated) extension, then returns its times in ms. */
export async function readActivationTimes(extensionId: string): Promise<ActivationTimes> {
  // The workbench registers the perf: document's provider lazily, when its command first runs.
  await vscode.commands.executeCommand('perfview.show');
  const document = await vscode.workspace.openTextDocument(PERF_URI);
  // The document refreshes itself as extension statuses change.
  const row = await waitFor(
    () => activationRow(document.getText(), extensionId),
    () => `${PERF_URI.toString()} does not list ${extensionId}; it reads:\n${document.getText().slice(0, 2000)}`,
  );
  const number = (column: string) => {
    const value = Number(row[column]);
    if (row[column] === undefined || !Number.isFinite(value)) throw new Error(`column "${column}" of ${extensionId}'s activation row is not a number: ${JSON.stringify(row)}`);
    return value;
  };
  return {
    codeLoadingTime: number('Load Code'),
    activateCallTime: number('Call Activate'),
    activateResolvedTime: number('Finish Activate'),
    event: row['Event'] ?? '',
  };
}
