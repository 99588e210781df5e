import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from './runCli';

// Built at run time: git would not keep node_modules/ or dot-folders in fixtures.
const VALID = 'port: 4222\n';
const BROKEN = 'port: 4222\nserver_name: "hub\n';
const tree: Record<string, string> = {
  'nats/leaf.conf': VALID,
  'deep/er/nats-edge.conf': VALID,
  'deep/er/edge.nats.conf': VALID,
  'deep/er/other.conf': BROKEN,
  'nginx.conf': BROKEN,
  'node_modules/pkg/nats.conf': BROKEN,
  '.hidden/nats.conf': BROKEN,
  '.git/nats.conf': BROKEN,
  'custom/hub.cfg': VALID,
};

describe('nats-lattice check: walking folders', () => {
  let root = '';
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'nats-lattice-walk-'));
    for (const [name, text] of Object.entries(tree)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), text);
    }
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  function checks(name: string, args: string[], expectedFiles: number) {
    it(name, () => {
      const run = runCli(['check', ...args, '.'], root);
      assert.equal(run.status, 0, run.stdout + run.stderr);
      assert.equal(run.stdout.trim().split('\n').pop(), `0 errors, 0 warnings in ${expectedFiles} file${expectedFiles === 1 ? '' : 's'}`);
    });
  }

  checks('takes NATS names only and skips node_modules, .git and dot-folders', [], 3);
  checks('adds files matching --config-glob', ['--config-glob', '*.cfg'], 4);
  checks('accepts --config-glob more than once', ['--config-glob', '*.cfg', '--config-glob', 'nope/*.conf'], 4);

  it('says so when a folder holds no NATS configuration', () => {
    const run = runCli(['check', 'custom'], root);
    assert.equal(run.status, 0);
    assert.match(run.stderr, /no NATS configuration found in custom/);
    assert.equal(run.stdout, '0 errors, 0 warnings in 0 files\n');
  });
});
