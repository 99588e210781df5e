// The extension's commands: registered once it is active, and a restart really replaces the
// language server (its diagnostics are withdrawn, then published again by the new one).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { closeAllEditors, fixtureUri, formatDiagnostics, ourDiagnostics, waitFor, activateExtension } from './fixtures';

const COMMANDS = ['natsLattice.restartServer', 'natsLattice.showOutput'];
const BROKEN_FILE = 'broken/nats-unterminated.conf';

describe('commands', () => {
  before(activateExtension);

  afterEach(closeAllEditors);

  for (const command of COMMANDS) {
    it(`registers ${command}`, async () => {
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes(command), `${command} is not registered`);
    });
  }

  it('natsLattice.showOutput runs without error', async () => {
    await vscode.commands.executeCommand('natsLattice.showOutput');
  });

  it('natsLattice.restartServer restarts the server and diagnostics come back', async () => {
    const document = await vscode.workspace.openTextDocument(fixtureUri(BROKEN_FILE));
    await vscode.window.showTextDocument(document);
    const uri = document.uri;
    const hasOurs = () => (ourDiagnostics(uri).length > 0 ? true : undefined);
    await waitFor(hasOurs, () => `no nats-lattice diagnostics for ${BROKEN_FILE} before the restart`);

    // The stopping client withdraws its diagnostics; seeing that proves the restart happened.
    let withdrawn = false;
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString()) && ourDiagnostics(uri).length === 0) {
        withdrawn = true;
      }
    });
    try {
      await vscode.commands.executeCommand('natsLattice.restartServer');
      await waitFor(() => (withdrawn ? true : undefined), () => 'the diagnostics were never withdrawn: did the server restart?');
      await waitFor(hasOurs, () => `no diagnostics after the restart; seen: ${formatDiagnostics(ourDiagnostics(uri))}`);
    } finally {
      listener.dispose();
    }
    assert.ok(
      ourDiagnostics(uri).some((d) => d.code === 'unterminated-string'),
      `after the restart: ${formatDiagnostics(ourDiagnostics(uri))}`,
    );
  });

  it('a second restart in a row also works', async () => {
    await vscode.commands.executeCommand('natsLattice.restartServer');
    await vscode.commands.executeCommand('natsLattice.restartServer');
    const document = await vscode.workspace.openTextDocument({ language: 'nats-conf', content: 'port: "4222\n' });
    await vscode.window.showTextDocument(document);
    await waitFor(
      () => (ourDiagnostics(document.uri).length > 0 ? true : undefined),
      () => 'no diagnostics for a new document after two restarts',
    );
  });

  it('a server that dies is restarted by the client, and diagnostics come back', async () => {
    const before = serverPids();
    assert.equal(before.length, 1, `expected one language server process under the extension host, found ${before.length}`);
    process.kill(before[0], 'SIGKILL');
    const after = await waitFor(() => {
      const now = serverPids().filter((pid) => pid !== before[0]);
      return now.length > 0 ? now : undefined;
    }, () => 'no new language server process after the old one was killed');
    assert.notEqual(after[0], before[0]);
    const document = await vscode.workspace.openTextDocument({ language: 'nats-conf', content: 'port: "4222\n' });
    await vscode.window.showTextDocument(document);
    await waitFor(
      () => (ourDiagnostics(document.uri).some((d) => d.code === 'unterminated-string') ? true : undefined),
      () => `the restarted server published nothing; seen: ${formatDiagnostics(ourDiagnostics(document.uri))}`,
    );
  });
});

/** The language server processes this extension host started (dist/server.js children). */
function serverPids(): number[] {
  const lines = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' }).split('\n');
  return lines
    .map((line) => line.trim())
    .filter((line) => /dist[\\/]server\.js/.test(line))
    .map((line) => Number(line.split(/\s+/, 1)[0]));
}
