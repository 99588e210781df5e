import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { repoRoot, runCli } from './runCli';

/** The text report with each message replaced by `…`, so the test pins the layout, not the wording. */
function layout(stdout: string): string[] {
  return stdout
    .trimEnd()
    .split('\n')
    .map((line) => line.replace(/^(\S+:\d+:\d+ \w+ [a-z-]+) .+$/, '$1 …').replace(/^( +related: \S+:\d+:\d+) .+$/, '$1 …'));
}

function reportsText(name: string, args: string[], status: number, expected: string[], cwd?: string) {
  it(name, () => {
    const run = runCli(['check', ...args], cwd);
    assert.equal(run.status, status, run.stdout + run.stderr);
    assert.deepEqual(layout(run.stdout), expected);
  });
}

describe('nats-lattice check: text output', () => {
  reportsText('a clean folder', ['clean'], 0, ['0 errors, 0 warnings in 1 file']);

  reportsText('a syntax error, with the line and carets under the range', ['broken'], 1, [
    'broken/nats.conf:2:14 error unterminated-string …',
    '  2 | server_name: "hub',
    '    |              ^^^^',
    'broken/nats.conf:3:1 error unexpected-eof …',
    '  3 | ',
    '    | ^',
    '2 errors, 0 warnings in 1 file',
  ]);

  reportsText('a file named explicitly is checked whatever its name', ['broken/app.settings'], 1, [
    'broken/app.settings:2:14 error unterminated-string …',
    '  2 | server_name: "hub',
    '    |              ^^^^',
    'broken/app.settings:3:1 error unexpected-eof …',
    '  3 | ',
    '    | ^',
    '2 errors, 0 warnings in 1 file',
  ]);

  reportsText('warnings alone do not fail the check', ['warnings'], 0, [
    'warnings/nats.conf:2:14 warning unknown-size-suffix …',
    '  2 | max_payload: 1kbb',
    '    |              ^^^^',
    '0 errors, 1 warning in 1 file',
  ]);

  reportsText('an included file is checked with its includer, not on its own', ['includes'], 0, ['0 errors, 0 warnings in 2 files']);

  reportsText('an error in an included file is reported once, and at the include with related locations', ['broken-include'], 1, [
    'broken-include/nats-accounts.conf:2:39 error invalid-escape …',
    // The quoted line masks the password (same width, so the carets still line up).
    '  2 |   A: { users: [ {user: a, password: "•••"} ] }',
    '    |                                       ^^',
    'broken-include/nats-server.conf:2:1 error include-has-errors …',
    '  2 | include "nats-accounts.conf"',
    '    | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    '    related: broken-include/nats-accounts.conf:2:39 …',
    '2 errors, 0 warnings in 2 files',
  ]);

  reportsText('paths are shown relative to the working folder', ['test/fixtures/cli/broken/nats.conf'], 1, [
    'test/fixtures/cli/broken/nats.conf:2:14 error unterminated-string …',
    '  2 | server_name: "hub',
    '    |              ^^^^',
    'test/fixtures/cli/broken/nats.conf:3:1 error unexpected-eof …',
    '  3 | ',
    '    | ^',
    '2 errors, 0 warnings in 1 file',
  ], repoRoot());
});

const at = (line: number, character: number, endLine: number, endCharacter: number) => ({
  start: { line, character },
  end: { line: endLine, character: endCharacter },
});

function reportsJson(name: string, args: string[], status: number, expected: object[]) {
  it(name, () => {
    const run = runCli(['check', '--format', 'json', ...args]);
    assert.equal(run.status, status, run.stderr);
    const problems = JSON.parse(run.stdout) as any[];
    assert.ok(Array.isArray(problems), 'the output is one JSON array');
    for (const problem of problems) assert.equal(typeof problem.message, 'string');
    const withoutMessages = problems.map(({ message: _message, relatedInformation, ...rest }) =>
      relatedInformation ? { ...rest, relatedInformation: relatedInformation.map(({ message: _m, ...related }: any) => related) } : rest,
    );
    assert.deepEqual(withoutMessages, expected);
  });
}

describe('nats-lattice check: JSON output', () => {
  reportsJson('a clean folder is an empty array', ['clean'], 0, []);

  reportsJson('0-based ranges, severity names and codes', ['broken', 'warnings'], 1, [
    { file: 'broken/nats.conf', range: at(1, 13, 1, 17), severity: 'error', code: 'unterminated-string' },
    { file: 'broken/nats.conf', range: at(2, 0, 2, 0), severity: 'error', code: 'unexpected-eof' },
    { file: 'warnings/nats.conf', range: at(1, 13, 1, 17), severity: 'warning', code: 'unknown-size-suffix' },
  ]);

  reportsJson('related information for cross-file problems', ['broken-include'], 1, [
    { file: 'broken-include/nats-accounts.conf', range: at(1, 38, 1, 40), severity: 'error', code: 'invalid-escape' },
    {
      file: 'broken-include/nats-server.conf',
      range: at(1, 0, 1, 28),
      severity: 'error',
      code: 'include-has-errors',
      relatedInformation: [{ file: 'broken-include/nats-accounts.conf', range: at(1, 38, 1, 40) }],
    },
  ]);
});
