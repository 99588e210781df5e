// The README's main job, run as a user would: the checker on examples/ finds the deliberate
// mistake in every file involved and nothing else.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

test('npm run examples: the checker reports exactly the example lattice\'s deliberate mistake', () => {
  const run = spawnSync(process.execPath, ['scripts/examples.mjs'], { cwd: process.cwd(), encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /js-domain-shared/);
  assert.match(run.stdout, /related: examples\/hub\/nats-hub-1\.conf:10:11/);
  assert.match(run.stdout, /found the deliberate mistake/);
});
