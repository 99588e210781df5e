// A leaf remote aimed at the hub's client port instead of its leafnodes port: the leaf keeps
// dialling, the hub closes each attempt, no leaf connection ever appears; pointing the very same
// leaf at the leafnodes port (the fixed/ file, same ports) connects at once.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { Lattice, natsServerOnPath, serversStillRunning, sleep, waitFor } from '../support/natsCluster';
import { renderScenario, spawnScenarioServers, type RenderedScenario } from '../support/scenarios';

const skip = natsServerOnPath() ? false : 'nats-server is not on PATH; install it (Debian: apt-get install nats-server) to run the truth tests';
const WRONG_PORT_LOG = /attempted to connect to wrong port/;

describe('truth: leaf remote pointed at the hub client port', { skip }, () => {
  after(() => assert.deepEqual(serversStillRunning(), [], 'every nats-server started by this suite should have been stopped'));

  test('the leaf never connects, its log says wrong port; the leafnodes port connects', async () => {
    const rendered: RenderedScenario[] = [];
    const lattice = new Lattice();
    try {
      const broken = await renderScenario('leaf-remote-client-port');
      rendered.push(broken);
      spawnScenarioServers(broken, lattice);
      await Promise.all([...lattice.servers.values()].map((server) => server.waitUntilUp()));

      const leaf = lattice.server('leaf-plain');
      await waitFor('leaf-plain to log the wrong-port refusal', 8000, async () => (WRONG_PORT_LOG.test(leaf.log()) ? true : undefined));
      for (let second = 0; second < 3; second++) {
        assert.deepEqual(await lattice.server('hub').leafConnections(), [], `hub /leafz should stay empty\n${lattice.logs()}`);
        assert.deepEqual(await leaf.leafConnections(), [], `leaf-plain /leafz should stay empty\n${lattice.logs()}`);
        await sleep(1000);
      }
      assert.match(leaf.log(), /Leafnode connection closed: Incorrect Port/);

      await leaf.stop();
      const fixed = await renderScenario('leaf-remote-client-port', 'fixed', broken.ports);
      rendered.push(fixed);
      lattice.servers.delete('leaf-plain');
      spawnScenarioServers(fixed, lattice, ['leaf-plain']);
      await lattice.server('leaf-plain').waitUntilUp();
      await lattice.waitForLeaf('leaf-plain', 'hub', 5000);
      assert.equal((await lattice.server('hub').leafConnections()).length, 1);
    } finally {
      await lattice.stopAll();
      for (const scenario of rendered) scenario.remove();
    }
  });
});
