import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from './runCli';

/** Codes and severities of a JSON report, `file:line code severity` each. */
function reported(args: string[], cwd?: string): { status: number | null; problems: string[]; stderr: string } {
  const run = runCli(['check', '--format', 'json', ...args], cwd);
  const problems = run.stdout === '' ? [] : (JSON.parse(run.stdout) as any[]).map((p) => `${p.file}:${p.range.start.line + 1} ${p.code} ${p.severity}`);
  return { status: run.status, problems, stderr: run.stderr };
}

function checks(name: string, args: string[], status: number, problems: string[], stderr: RegExp = /^$/) {
  it(name, () => {
    const run = reported(args);
    assert.equal(run.status, status, run.stderr);
    assert.deepEqual(run.problems, problems);
    assert.match(run.stderr, stderr);
  });
}

describe('nats-lattice check: .nats-lattice.json', () => {
  checks('raises and turns off rules as the project file says, and skips ignored folders', ['project'], 1, [
    'project/nats.conf:2 unknown-size-suffix error',
  ]);
  checks('finds the project file above a file named directly', ['project/nats.conf'], 1, ['project/nats.conf:2 unknown-size-suffix error']);
  checks('says so when a named file is ignored', ['project/skipped/nats.conf'], 0, [], /skipped project\/skipped\/nats\.conf: the "ignore" globs of project\/\.nats-lattice\.json match it/);
  checks('--project names the settings file explicitly', ['--project', 'project/.nats-lattice.json', 'warnings'], 1, ['warnings/nats.conf:2 unknown-size-suffix error']);
  checks('codes no project file names keep their default', ['warnings'], 0, ['warnings/nats.conf:2 unknown-size-suffix warning']);

  it('exits 2 and says where when the project file is not valid JSON', () => {
    const run = runCli(['check', 'bad-project']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /bad-project\/\.nats-lattice\.json: not valid JSON .*; write an object such as/);
    assert.equal(run.stdout, '');
  });

  it('exits 2 naming the key when a rule level is unknown', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'nats-lattice-cli-'));
    try {
      fs.writeFileSync(path.join(folder, '.nats-lattice.json'), JSON.stringify({ rules: { 'duplicate-key': 'loud' }, serverVersion: 'latest' }));
      fs.writeFileSync(path.join(folder, 'nats.conf'), 'port: 4222\n');
      const run = runCli(['check', '.'], folder);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /"rules\.duplicate-key" must be one of "error", "warning", "information", "hint", "off", not "loud"/);
      assert.match(run.stderr, /"serverVersion" must be a release number such as "2\.10\.0", not "latest"/);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('nats-lattice check: suppression comments', () => {
  checks('disable-next-line silences the codes it names on the next line only; disable-file the whole file', ['suppressed'], 0, [
    'suppressed/nats.conf:5 unknown-size-suffix warning',
  ]);
});
