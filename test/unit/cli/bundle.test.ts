import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { FIXTURES, repoRoot, runCli } from './runCli';

const BUNDLE = path.join(repoRoot(), 'dist', 'cli.js');

describe('the bundled CLI (dist/cli.js)', () => {
  it('prints what the compiled CLI prints, with the same exit status', { skip: fs.existsSync(BUNDLE) ? false : 'dist/cli.js not built (node scripts/build.mjs)' }, () => {
    for (const args of [['check', 'broken', 'includes'], ['check', '--format', 'json', 'broken-include'], ['check']]) {
      const bundled = spawnSync(process.execPath, [BUNDLE, ...args], { cwd: FIXTURES, encoding: 'utf8', timeout: 20_000 });
      const compiled = runCli(args);
      assert.equal(bundled.status, compiled.status, `exit status of ${args.join(' ')}`);
      assert.equal(bundled.stdout, compiled.stdout);
      assert.equal(bundled.stderr, compiled.stderr);
    }
  });

  it('starts with a hashbang so `nats-lattice` runs as a command', { skip: !fs.existsSync(BUNDLE) }, () => {
    assert.match(fs.readFileSync(BUNDLE, 'utf8'), /^#!\/usr\/bin\/env node\n/);
  });
});
