import * as vscode from 'vscode';
import { FileAssociations, toWorkspaceGlob } from './fileAssociations';
import { LanguageServerController } from './languageServer';
import { registerNatsServerCheck } from './natsServerCheck';
import { CHECK_WORKSPACE_REQUEST, isLatticeSummary, LatticeStatusBar, LatticeSummary, statusText } from './latticeStatus';
import { NATS_CONFIG_GLOBS } from '../../server/src/workspace/filePatterns';
import { Commands, LANGUAGE_ID, OUTPUT_CHANNEL_NAME } from './names';
import { BoundedRestartPolicy } from './restartPolicy';
import { TopologyView } from './topologyView';
import { readAssociations } from './settings';

let server: LanguageServerController | undefined;

export function activate(context: vscode.ExtensionContext): void {
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
    vscode.commands.registerCommand(Commands.showTopology, () => TopologyView.show(context, controller)),
  );

  registerNatsServerCheck(context, controller);

  const status = new LatticeStatusBar();
  context.subscriptions.push(
    status,
    vscode.commands.registerCommand(Commands.checkWorkspace, () => checkWorkspace(controller, status)),
  );
  controller.onDidCheckLattice((summary) => {
    if (isLatticeSummary(summary)) status.show(summary);
  });

  // activate() returns without waiting for the server: VS Code holds back every onStartupFinished
  // extension until the workspaceContains activations (ours among them) have resolved.
  void startWhenThereIsSomethingToCheck(context, controller, output);
}

/**
 * The server starts when there is something to check: a NATS Config document is open, or the
 * workspace holds configuration files. We also activate on startup (so that files named only by
 * natsLattice.files.associations get their language), and such a window runs no extra process.
 */
async function startWhenThereIsSomethingToCheck(context: vscode.ExtensionContext, controller: LanguageServerController, output: vscode.LogOutputChannel): Promise<void> {
  const waitForConfig = vscode.workspace.onDidOpenTextDocument((document) => {
    if (document.languageId !== LANGUAGE_ID) return;
    waitForConfig.dispose();
    void controller.start();
  });
  context.subscriptions.push(waitForConfig);
  try {
    if (await hasNatsConfiguration()) {
      waitForConfig.dispose();
      await controller.start();
    }
  } catch (error) {
    output.error(`Could not look for NATS configuration files in the workspace: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}

/** Re-runs the workspace lattice check; returns the summary and status text (for scripts and tests). */
async function checkWorkspace(controller: LanguageServerController, status: LatticeStatusBar): Promise<{ summary: LatticeSummary; text: string } | undefined> {
  status.showChecking();
  try {
    const summary = await controller.request<unknown>(CHECK_WORKSPACE_REQUEST);
    if (!isLatticeSummary(summary)) throw new Error(`the server answered ${JSON.stringify(summary)} instead of a summary`);
    status.show(summary);
    const text = statusText(summary);
    const verdict = summary.problems === 0 ? 'no problems found.' : `${summary.problems} problem${summary.problems === 1 ? '' : 's'} found.`;
    void vscode.window
      .showInformationMessage(`NATS Lattice checked ${summary.servers} server configuration${summary.servers === 1 ? '' : 's'} and ${summary.hosts} host file${summary.hosts === 1 ? '' : 's'}: ${verdict}`, ...(summary.problems > 0 ? ['Show Problems'] : []))
      .then((choice) => (choice ? vscode.commands.executeCommand('workbench.actions.view.problems') : undefined));
    return { summary, text };
  } catch (error) {
    const previous = status.current;
    if (previous) status.show(previous.summary);
    void vscode.window.showErrorMessage(`NATS Lattice could not check the workspace: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

async function hasNatsConfiguration(): Promise<boolean> {
  if (vscode.workspace.textDocuments.some((d) => d.languageId === LANGUAGE_ID)) return true;
  if (!vscode.workspace.workspaceFolders?.length) return false;
  const globs = [...NATS_CONFIG_GLOBS, ...readAssociations()].map(toWorkspaceGlob);
  const found = await vscode.workspace.findFiles(`{${globs.join(',')}}`, '**/node_modules/**', 1);
  return found.length > 0;
}
