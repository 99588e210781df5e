import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { wantsColor } from '../../../server/src/cli/color';
import { runCli } from './runCli';

describe('nats-lattice check --max-warnings', () => {
  for (const [limit, status] of [['0', 1], ['1', 0]] as const) {
    it(`exits ${status} for 1 warning with --max-warnings ${limit}`, () => {
      const run = runCli(['check', '--max-warnings', limit, 'warnings']);
      assert.equal(run.status, status, run.stderr);
      assert.match(run.stdout, /0 errors, 1 warning in 1 file\n$/);
      if (status === 1) assert.match(run.stderr, /1 warnings, more than --max-warnings 0 allows/);
      else assert.equal(run.stderr, '');
    });
  }
  it('errors fail whatever the limit', () => assert.equal(runCli(['check', '--max-warnings', '100', 'broken']).status, 1));
});

describe('nats-lattice check: colour', () => {
  const ESC = '\x1b[';
  it('is off when stdout is not a terminal', () => assert.ok(!runCli(['check', 'broken']).stdout.includes(ESC)));
  it('--color forces it, even with NO_COLOR set', () => {
    const run = runCli(['check', '--color', 'broken'], undefined, { NO_COLOR: '1' });
    assert.ok(run.stdout.includes(`${ESC}31merror${ESC}39m`), run.stdout);
  });
  it('--no-color wins over --color given earlier', () => assert.ok(!runCli(['check', '--color', '--no-color', 'broken']).stdout.includes(ESC)));

  const decides = (name: string, flag: boolean | undefined, terminal: boolean, env: Record<string, string>, expected: boolean) =>
    it(name, () => assert.equal(wantsColor(flag, terminal, env), expected));
  decides('on for a terminal', undefined, true, {}, true);
  decides('off for a terminal with NO_COLOR', undefined, true, { NO_COLOR: '1' }, false);
  decides('on for a terminal with an empty NO_COLOR', undefined, true, { NO_COLOR: '' }, true);
  decides('off for a pipe', undefined, false, {}, false);
  decides('--no-color for a terminal', false, true, {}, false);
});

describe('nats-lattice check --output', () => {
  it('writes the report to the file and nothing to stdout', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'nats-lattice-out-'));
    try {
      const report = path.join(folder, 'report.json');
      const run = runCli(['check', '--format', 'json', '--output', report, 'broken']);
      assert.equal(run.status, 1);
      assert.equal(run.stdout, '');
      assert.equal(JSON.parse(fs.readFileSync(report, 'utf8')).length, 2);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
