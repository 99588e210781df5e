import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CODES } from '../../../server/src/rules/registry';
import { TOOL_NAME, TOOL_VERSION } from '../../../server/src/cli/toolInfo';
import { repoRoot, runCli } from './runCli';
import { sarifViolations } from './sarifShape';

function sarifOf(args: string[]): any {
  const run = runCli(['check', '--format', 'sarif', ...args]);
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return JSON.parse(run.stdout);
}

describe('nats-lattice check --format sarif', () => {
  for (const folder of ['clean', 'broken', 'broken-include', 'warnings', 'project']) {
    it(`is a well-formed SARIF 2.1.0 log for ${folder}`, () => assert.deepEqual(sarifViolations(sarifOf([folder])), []));
  }

  it('describes the tool and every known rule with its default level', () => {
    const driver = sarifOf(['clean']).runs[0].tool.driver;
    assert.equal(driver.name, TOOL_NAME);
    assert.equal(driver.version, TOOL_VERSION);
    assert.match(driver.informationUri, /^https:\/\//);
    assert.deepEqual(driver.rules.map((rule: any) => rule.id), CODES.map((info) => info.code));
    const eof = driver.rules.find((rule: any) => rule.id === 'unexpected-eof');
    assert.equal(eof.defaultConfiguration.level, 'error');
    assert.ok(eof.shortDescription.text.length > 10 && eof.fullDescription.text.length > 10 && eof.help.markdown.includes('nats-lattice-disable-next-line'));
  });

  it('locates results relative to the repository root, 1-based, with related locations', () => {
    const run = sarifOf(['broken-include']).runs[0];
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `file://${repoRoot()}/`);
    const located = run.results.map((result: any) => ({
      ruleId: result.ruleId,
      level: result.level,
      at: result.locations[0].physicalLocation,
      related: (result.relatedLocations ?? []).map((related: any) => related.physicalLocation.artifactLocation.uri),
    }));
    const base = 'test/fixtures/cli/broken-include';
    assert.deepEqual(located, [
      {
        ruleId: 'invalid-escape',
        level: 'error',
        at: { artifactLocation: { uri: `${base}/nats-accounts.conf`, uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 39, endLine: 2, endColumn: 41 } },
        related: [],
      },
      {
        ruleId: 'include-has-errors',
        level: 'error',
        at: { artifactLocation: { uri: `${base}/nats-server.conf`, uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 29 } },
        related: [`${base}/nats-accounts.conf`],
      },
    ]);
  });

  it('reports the level the project settings give, not the default', () => {
    const result = sarifOf(['project']).runs[0].results[0];
    assert.equal(result.ruleId, 'unknown-size-suffix');
    assert.equal(result.level, 'error');
  });

  it('the validator catches what GitHub would reject', () => {
    const good = sarifOf(['broken']);
    const broken = JSON.parse(JSON.stringify(good));
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    delete broken.runs[0].results[1].message;
    broken.runs[0].tool.driver.rules[5].id = broken.runs[0].tool.driver.rules[4].id;
    assert.deepEqual(sarifViolations(broken).map((line) => line.split(':')[0]), [
      '$.runs[0].tool.driver.rules[5].id',
      '$.runs[0].results[0].locations[0].physicalLocation.region.startLine',
      '$.runs[0].results[1].message',
    ]);
  });
});

describe('tool information', () => {
  it('matches package.json', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8'));
    assert.equal(TOOL_VERSION, manifest.version);
    assert.equal(TOOL_NAME, Object.keys(manifest.bin)[0]);
  });
});
