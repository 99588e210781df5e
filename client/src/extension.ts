import * as vscode from 'vscode';
import { FileAssociations, toWorkspaceGlob } from './fileAssociations';
import { LanguageServerController } from './languageServer';
import { NATS_CONFIG_GLOBS } from '../../server/src/workspace/filePatterns';
import { Commands, LANGUAGE_ID, OUTPUT_CHANNEL_NAME } from './names';
import { BoundedRestartPolicy } from './restartPolicy';
import { readAssociations } from './settings';

let server: LanguageServerController | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  const restartPolicy = new BoundedRestartPolicy(output);
  server = new LanguageServerController(context, output, restartPolicy);
  const controller = server;

  context.subscriptions.push(
    output,
    controller,
    new FileAssociations(output),
    vscode.commands.registerCommand(Commands.restartServer, () => controller.restart()),
    vscode.commands.registerCommand(Commands.showOutput, () => output.show(true)),
  );

  // The server starts when there is something to check: a NATS Config document is open, or the
  // workspace holds configuration files. We also activate on startup (so that files named only by
  // natsLattice.files.associations get their language), and such a window runs no extra process.
  if (await hasNatsConfiguration()) {
    await controller.start();
    return;
  }
  const waitForConfig = vscode.workspace.onDidOpenTextDocument((document) => {
    if (document.languageId !== LANGUAGE_ID) return;
    waitForConfig.dispose();
    void controller.start();
  });
  context.subscriptions.push(waitForConfig);
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}

async function hasNatsConfiguration(): Promise<boolean> {
  if (vscode.workspace.textDocuments.some((d) => d.languageId === LANGUAGE_ID)) return true;
  if (!vscode.workspace.workspaceFolders?.length) return false;
  const globs = [...NATS_CONFIG_GLOBS, ...readAssociations()].map(toWorkspaceGlob);
  const found = await vscode.workspace.findFiles(`{${globs.join(',')}}`, '**/node_modules/**', 1);
  return found.length > 0;
}
