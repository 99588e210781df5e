// Data-driven truth tests: every scenario folder under test/truth/scenarios with clients is
// started with real nats-servers, each client env file is played by the real NATS client, and
// the bucket's fate (who answered, which server stores the stream) must match scenario.json —
// first for the files as written, then for the fixed/ variant when there is one.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { Lattice, natsServerOnPath, serversStillRunning, sleep } from '../support/natsCluster';
import { readManifest, renderScenario, scenarioIds, startScenario, variantsOf, type ClientExpectation, type RenderedScenario, type Variant } from '../support/scenarios';
import { bucketStream, clientSettings, createBucket, lookupBucket, parseEnvFile } from '../support/wasmcloudHost';

const skip = natsServerOnPath() ? false : 'nats-server is not on PATH; install it (Debian: apt-get install nats-server) to run the truth tests';

async function checkClient(scenario: RenderedScenario, lattice: Lattice, client: ClientExpectation): Promise<void> {
  const settings = clientSettings(parseEnvFile(readFileSync(scenario.envPath(client.env), 'utf8')));
  const outcome = await createBucket(settings);
  const holders = await lattice.whereIsStream(bucketStream(settings.bucket));
  const where = `${scenario.id} (${scenario.variant}) ${client.env} [${settings.role} on ${settings.server}, domain ${settings.domain ?? '(none)'}]`;
  const observed = `${outcome.result}${'message' in outcome ? ` (${outcome.message})` : ''}, stream ${bucketStream(settings.bucket)} stored on [${holders.join(', ')}]` +
    `${outcome.result === 'created' ? `, answered from domain ${JSON.stringify(outcome.domain ?? '')}` : ''}`;
  const explain = `${where}: observed ${observed}\n${lattice.logs(8)}`;

  assert.equal(outcome.result, client.result, explain);
  if (outcome.result === 'created') {
    const elsewhere = holders.filter((name) => !client.alsoOn?.includes(name));
    assert.equal(elsewhere.length, 1, `exactly one server besides [${client.alsoOn?.join(', ') ?? ''}] should store the stream; ${explain}`);
    assert.ok(client.on?.includes(elsewhere[0]), `stream should be on one of [${client.on?.join(', ')}]; ${explain}`);
    for (const copy of client.alsoOn ?? []) assert.ok(holders.includes(copy), `stream should still be on ${copy} too; ${explain}`);
    if (client.domain !== undefined) assert.equal(outcome.domain ?? '', client.domain, explain);
  } else {
    assert.deepEqual(holders, [], `nothing should have been created anywhere; ${explain}`);
  }
  for (const [bucket, expected] of Object.entries(client.lookups ?? {})) {
    assert.equal(await lookupBucket(settings, bucket), expected, `${where}: looking up ${bucket} in its own domain`);
  }
}

// Settling is waited for in startScenario; a group that must not settle is watched for a while.
async function checkMetaGroup(lattice: Lattice, members: string[], settles: boolean): Promise<void> {
  if (settles) {
    assert.ok(await lattice.metaGroupSettled(members), `JetStream meta group of ${members.join(', ')} should have settled\n${lattice.logs(8)}`);
    return;
  }
  for (let check = 0; check < 3; check++) {
    await sleep(1000);
    assert.equal(await lattice.metaGroupSettled(members), false, `JetStream meta group of ${members.join(', ')} should not settle\n${lattice.logs(8)}`);
  }
}

async function runScenario(id: string, variant: Variant): Promise<void> {
  const scenario = await renderScenario(id, variant);
  const lattice = new Lattice();
  try {
    await startScenario(scenario, lattice);
    const cluster = scenario.expected.jetStreamCluster;
    if (cluster) await checkMetaGroup(lattice, cluster.members, cluster.settles);
    for (const client of scenario.expected.clients ?? []) await checkClient(scenario, lattice, client);
  } finally {
    await lattice.stopAll();
    scenario.remove();
  }
}

// The scenario files must be valid nats-server configs, so whatever goes wrong is the mistake
// the scenario is about and never a syntax error (which the checker would rightly report too).
async function checkConfigsParse(id: string, variant: Variant): Promise<void> {
  const scenario = await renderScenario(id, variant);
  try {
    for (const server of scenario.manifest.servers) {
      const probe = spawnSync('nats-server', ['-c', scenario.configPath(server), '-t'], { encoding: 'utf8' });
      assert.equal(probe.status, 0, `nats-server -t rejects ${id}/${server}.nats.conf (${variant}): ${probe.stderr}${probe.stdout}`);
    }
  } finally {
    scenario.remove();
  }
}

describe('truth: scenario configs are valid for nats-server -t', { skip }, () => {
  for (const id of skip ? [] : scenarioIds()) {
    for (const variant of variantsOf(id)) test(`${id} (${variant})`, () => checkConfigsParse(id, variant));
  }
});

describe('truth: real nats-servers and a real NATS client, per scenario', { skip }, () => {
  after(() => assert.deepEqual(serversStillRunning(), [], 'every nats-server started by this suite should have been stopped'));
  for (const id of skip ? [] : scenarioIds()) {
    const manifest = readManifest(id);
    if (!manifest.clients) continue;
    for (const variant of variantsOf(id)) {
      const title = variant === 'fixed' ? `${id} fixed: ${manifest.fixed?.mistake ?? 'clean'}` : `${id}: ${manifest.summary}`;
      test(title, () => runScenario(id, variant));
    }
  }
});
