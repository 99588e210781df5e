import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from './runCli';

function badUsage(name: string, args: string[], complaint: RegExp) {
  it(`exits 2 on ${name}`, () => {
    const run = runCli(args);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, complaint);
    assert.match(run.stderr, /Usage: nats-lattice check/);
    assert.equal(run.stdout, '');
  });
}

describe('nats-lattice usage', () => {
  badUsage('no arguments', [], /missing command/);
  badUsage('an unknown command', ['lint', 'clean'], /unknown command 'lint'/);
  badUsage('no path', ['check'], /no PATH given/);
  badUsage('an unknown flag', ['check', '--fix', 'clean'], /unknown option '--fix'/);
  badUsage('an unknown format', ['check', '--format', 'xml', 'clean'], /--format must be text or json, not 'xml'/);
  badUsage('a flag without its value', ['check', 'clean', '--config-glob'], /--config-glob needs a value/);
  badUsage('a missing path', ['check', 'clean', 'no-such-folder'], /no such file or folder: 'no-such-folder'/);

  for (const args of [['--help'], ['check', '--help'], ['-h']]) {
    it(`prints the usage on stdout for ${args.join(' ')}`, () => {
      const run = runCli(args);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /^Usage: nats-lattice check \[--format text\|json\] \[--config-glob GLOB\]\.\.\. PATH\.\.\./);
      assert.equal(run.stderr, '');
    });
  }

  it('accepts --format=json and --config-glob=GLOB forms', () => {
    const run = runCli(['check', '--format=json', '--config-glob=*.cfg', 'clean']);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), []);
  });
});
