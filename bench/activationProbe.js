// Runs inside VS Code's extension host as an "extension tests" module (bench/activation.mjs loads
// it through extensionTestsPath). It opens the workspace's NATS config, waits until the extension
// is active, then reads the activation times VS Code itself recorded for it and prints them on one
// console line the bench picks up. Plain CommonJS so the bench needs no TypeScript build.
//
// The times come from the workbench's "Developer: Startup Performance" document (perf:Startup
// Performance), whose "Extension Activation Stats" table lists, per activated extension, the
// extension host's ActivationTimes: Load Code (codeLoadingTime), Call Activate (activateCallTime),
// Finish Activate (activateResolvedTime). The Running Extensions view shows the same numbers.
'use strict';
const vscode = require('vscode');
const { activationRow } = require('../scripts/lib/activationTable.cjs');

const MARKER = '[nats-lattice-activation]';
const EXTENSION_ID = process.env.NATS_LATTICE_ACTIVATION_EXTENSION || 'nats-lattice.nats-lattice';
const CONFIG_FILE = process.env.NATS_LATTICE_ACTIVATION_FILE || 'nats-server.conf';
const PERF_URI = vscode.Uri.from({ scheme: 'perf', path: 'Startup Performance' });

async function run() {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded: extensionDevelopmentPath must point at the extension folder`);
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (!folder) throw new Error('no workspace folder is open: the bench opens one holding a NATS config');
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, CONFIG_FILE));
  await vscode.window.showTextDocument(document);
  await extension.activate();

  // The workbench registers the perf: document's provider lazily, when its command first runs.
  await vscode.commands.executeCommand('perfview.show');
  // The document refreshes itself when extension statuses change; poll until our row is there.
  const perf = await vscode.workspace.openTextDocument(PERF_URI);
  const deadline = Date.now() + 30_000;
  let row;
  while (!(row = activationRow(perf.getText(), EXTENSION_ID))) {
    if (Date.now() > deadline) throw new Error(`${PERF_URI.toString()} never listed ${EXTENSION_ID}; it reads:\n${perf.getText().slice(0, 3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const times = {
    codeLoadingTime: Number(row['Load Code']),
    activateCallTime: Number(row['Call Activate']),
    activateResolvedTime: Number(row['Finish Activate']),
    event: row['Event'],
  };
  console.log(`${MARKER} ${JSON.stringify(times)}`);
}

module.exports = { run, MARKER };
