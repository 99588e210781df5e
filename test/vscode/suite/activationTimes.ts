// The activation times VS Code itself records for an extension (the extension host's
// ActivationTimes), read from the workbench's "Developer: Startup Performance" document: its
// "Extension Activation Stats" table has one row per activated extension. The Running Extensions
// view shows the same numbers. bench/activationProbe.js reads the same table for the bench.
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

/** The extension's row of the table, by column name; undefined while it is not listed. */
export function activationRow(markdown: string, extensionId: string): Record<string, string> | undefined {
  const lines = markdown.split('\n');
  const heading = lines.findIndex((line) => /^#+ Extension Activation Stats/.test(line));
  if (heading < 0) return undefined;
  const cells = (line: string) => line.split('|').slice(1, -1).map((cell) => cell.trim());
  const headerAt = lines.findIndex((line, i) => i > heading && line.startsWith('|'));
  if (headerAt < 0) return undefined;
  const names = cells(lines[headerAt]);
  // The header is followed by its | --- | separator line, then the rows.
  for (const line of lines.slice(headerAt + 2)) {
    if (!line.startsWith('|')) break;
    const values = cells(line);
    if (values[0].toLowerCase() === extensionId.toLowerCase()) return Object.fromEntries(names.map((name, i) => [name, values[i]]));
  }
  return undefined;
}

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
