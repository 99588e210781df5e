// "NATS Lattice: Show Topology" in a real workbench: the command opens a webview panel with the
// server's picture of the fixture workspace's lattice.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, waitFor } from './fixtures';

const COMMAND = 'natsLattice.showTopology';

interface Shown { servers: number; hosts: number; problems: number }

function topologyTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('natsLattice.topology'));
}

describe('topology view', () => {
  before(activateExtension);

  afterEach(closeAllEditors);

  it(`registers ${COMMAND}`, async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(COMMAND), `${COMMAND} is not registered`);
  });

  it('opens a webview panel with the fixture workspace drawn', async () => {
    const shown = (await vscode.commands.executeCommand(COMMAND)) as Shown | undefined;
    assert.ok(shown, 'the command resolved without a picture: did the natsLattice/topology request fail? (see the NATS Lattice output)');
    // The fixture workspace holds nats.conf, nats-hub.conf, edge.nats.conf, nats/leaf.conf and more.
    assert.ok(shown.servers >= 4, `only ${shown.servers} servers drawn`);
    const tabs = await waitFor(() => (topologyTabs().length > 0 ? topologyTabs() : undefined), () => 'no NATS Lattice Topology webview tab is open');
    assert.equal(tabs.length, 1);
    assert.equal(tabs[0].label, 'NATS Lattice Topology');
  });

  it('running the command again reveals the same panel instead of a second one', async () => {
    await vscode.commands.executeCommand(COMMAND);
    await vscode.commands.executeCommand(COMMAND);
    assert.equal(topologyTabs().length, 1);
  });
});
