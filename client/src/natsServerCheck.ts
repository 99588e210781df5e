// The client's part of the optional nats-server check: the "Check with nats-server" command, and
// telling the server when the user grants the workspace trust (it never runs nats-server before).

import * as vscode from 'vscode';
import { LanguageServerController } from './languageServer';
import { Commands, LANGUAGE_ID } from './names';

const VALIDATE_REQUEST = 'natsLattice/validateWithNatsServer';
const TRUSTED_NOTIFICATION = 'natsLattice/workspaceTrusted';

interface ValidateResult { ran: boolean; message: string; problems: number }

export function registerNatsServerCheck(context: vscode.ExtensionContext, controller: LanguageServerController): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.validateWithNatsServer, async (): Promise<ValidateResult | undefined> => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== LANGUAGE_ID) {
        void vscode.window.showWarningMessage('Open a NATS configuration file to check it with nats-server.');
        return undefined;
      }
      if (!vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage('nats-server is only run on files of trusted workspaces.');
        return undefined;
      }
      try {
        const result = await controller.request<ValidateResult>(VALIDATE_REQUEST, { uri: editor.document.uri.toString() });
        const show = result.ran && result.problems === 0 ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
        void show(result.message);
        return result;
      } catch (error) {
        void vscode.window.showErrorMessage(`NATS Lattice could not run nats-server: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (controller.isStarted) void controller.notify(TRUSTED_NOTIFICATION);
    }),
  );
}
