// Shared helpers for the integration tests: fixture paths and polling the editor's state.
import * as vscode from 'vscode';

/** The one workspace folder both runners open: test/vscode/fixtures/workspace. */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    throw new Error('no workspace folder is open; the runner must open test/vscode/fixtures/workspace');
  }
  return folder.uri;
}

export function fixtureUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

/**
 * Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs` with
 * `describe()` (called then, so it can report the last state seen).
 */
export async function waitFor<T>(
  probe: () => T | undefined,
  describe: () => string,
  timeoutMs = 20_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Diagnostics our language server published for `uri` (other extensions' are left out). */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'nats-lattice');
}

export function formatDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return 'none';
  return diagnostics
    .map((d) => {
      const { start, end } = d.range;
      const code = typeof d.code === 'object' ? d.code.value : d.code;
      return `${start.line}:${start.character}-${end.line}:${end.character} [${d.source}/${code}] ${d.message}`;
    })
    .join('; ');
}

/**
 * Reverts and closes every editor, so no test leaves a dirty buffer (or a save prompt) behind and
 * fixture files on disk are never changed.
 */
export async function closeAllEditors(): Promise<void> {
  for (let guard = 0; guard < 50 && vscode.window.visibleTextEditors.length > 0; guard++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export const EXTENSION_ID = 'nats-lattice.nats-lattice';

/** Opening a NATS config activates the extension (onLanguage:nats-conf); waits until it has. */
export async function activateExtension(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded; check publisher and name in package.json`);
  await vscode.workspace.openTextDocument(fixtureUri('nats.conf'));
  await waitFor(() => (extension.isActive ? true : undefined), () => `${EXTENSION_ID} did not activate`);
}
