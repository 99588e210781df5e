import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot, runCli } from './runCli';

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
  badUsage('an unknown format', ['check', '--format', 'xml', 'clean'], /--format must be text, json or sarif, not 'xml'/);
  badUsage('a --max-warnings that is not a count', ['check', '--max-warnings', 'many', 'clean'], /--max-warnings needs a whole number of warnings \(0 or more\), not 'many'/);
  badUsage('a negative --max-warnings', ['check', '--max-warnings=-1', 'clean'], /--max-warnings needs a whole number/);
  badUsage('--color with a value', ['check', '--color=always', 'clean'], /--color takes no value/);
  badUsage('a flag without its value', ['check', 'clean', '--config-glob'], /--config-glob needs a value/);
  badUsage('a missing path', ['check', 'clean', 'no-such-folder'], /no such file or folder: 'no-such-folder'/);

  for (const args of [['--help'], ['check', '--help'], ['-h']]) {
    it(`prints the usage on stdout for ${args.join(' ')}`, () => {
      const run = runCli(args);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /^Usage: nats-lattice check \[options\] PATH\.\.\./);
      assert.equal(run.stderr, '');
    });
  }

  it('documents every option it accepts, each with an example', () => {
    const help = runCli(['--help']).stdout;
    for (const option of ['--format', '--output', '--max-warnings', '--config-glob', '--project', '--color', '--no-color', '--help', '--version']) {
      assert.match(help, new RegExp(`^  (-\\w, |--[\\w-]+, )?${option}\\b`, "m"), `${option} is listed`);
    }
    for (const option of ['--format sarif', '--max-warnings 0', '--config-glob', '--project']) assert.match(help, new RegExp(`nats-lattice check ${option}`));
  });

  it('prints the version of package.json for --version', () => {
    const run = runCli(['--version']);
    assert.equal(run.status, 0);
    assert.equal(run.stdout.trim(), JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')).version);
  });

  it('accepts --format=json and --config-glob=GLOB forms', () => {
    const run = runCli(['check', '--format=json', '--config-glob=*.cfg', 'clean']);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), []);
  });
});
