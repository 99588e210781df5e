import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../cli/runCli';

const root = repoRoot();
const built = fs.existsSync(path.join(root, 'dist', 'cli.js')) && fs.existsSync(path.join(root, 'dist', 'server.js'));

// Keeps `npm run bench` working: the smallest size runs every measurement in seconds. It checks
// that the table is printed, never the figures (timing belongs to the bench, not to unit tests).
describe('npm run bench -- --smallest', () => {
  it('prints the table with every measurement', { skip: built ? false : 'dist/ not built (node scripts/build.mjs)', timeout: 180_000 }, () => {
    const run = spawnSync(process.execPath, [path.join(root, 'bench', 'run.mjs'), '--smallest'], { cwd: root, encoding: 'utf8', timeout: 170_000 });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^nats-lattice benchmarks, \d{4}-\d{2}-\d{2}, .*\(--smallest\)$/m);
    assert.match(run.stdout, /^\| measure +\| result +\| target +\| status +\|$/m);
    for (const measure of [/check 1,000-line config: nats-lattice/, /didChange -> publishDiagnostics/, /cold index, 100-file workspace/, /parse 1,000 lines .* MB\/s/, /bundle dist\/cli\.js/, /extension activation/]) {
      assert.match(run.stdout, measure);
    }
  });
});
