import * as vscode from 'vscode';
import { matchesGlob } from '../../server/src/workspace/glob';
import { ASSOCIATIONS_SETTING, LANGUAGE_ID, SETTINGS_SECTION } from './names';
import { readAssociations } from './settings';

/**
 * Opens documents matching `natsLattice.files.associations` as NATS Config. Uses the server's glob
 * matcher so the editor and the server agree on which files are configurations.
 *
 * Each document is switched at most once per session: changing the language of a document closes
 * and reopens it, and a person who then picks another language by hand must keep their choice.
 */
export class FileAssociations implements vscode.Disposable {
  private readonly switched = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((document) => void this.apply(document)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${SETTINGS_SECTION}.${ASSOCIATIONS_SETTING}`)) this.applyToOpenDocuments();
      }),
    );
    this.applyToOpenDocuments();
  }

  applyToOpenDocuments(): void {
    for (const document of vscode.workspace.textDocuments) void this.apply(document);
  }

  private async apply(document: vscode.TextDocument): Promise<void> {
    if (document.languageId === LANGUAGE_ID) return;
    const key = document.uri.toString();
    if (this.switched.has(key)) return;
    const filePath = document.uri.scheme === 'file' ? document.uri.fsPath : document.uri.path;
    const globs = readAssociations(document.uri);
    const glob = globs.find((g) => matchesGlob(g, filePath));
    if (!glob) return;
    this.switched.add(key);
    try {
      await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
      this.log.info(`Opened ${filePath} as NATS Config (matches "${glob}" in ${SETTINGS_SECTION}.${ASSOCIATIONS_SETTING}).`);
    } catch (error) {
      this.log.warn(`Could not open ${filePath} as NATS Config: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

/** The same globs as a workspace search pattern (VS Code's globs match whole relative paths). */
export function toWorkspaceGlob(glob: string): string {
  const slashed = glob.replace(/\\/g, '/');
  return slashed.startsWith('**') || slashed.startsWith('/') ? slashed : `**/${slashed}`;
}
