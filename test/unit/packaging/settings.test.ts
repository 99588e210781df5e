// Every setting the code reads is declared in package.json with a description, so VS Code's
// settings editor shows it and validates what people type.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { readSettingsReporting } from '../../../server/src/settings';

function findRepoRoot(): string {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'client', 'src'))) return dir;
  }
  return process.cwd();
}

const manifest = JSON.parse(fs.readFileSync(path.join(findRepoRoot(), 'package.json'), 'utf8'));
const properties = manifest.contributes.configuration.properties as Record<string, { description?: string; markdownDescription?: string; default?: unknown; type?: string }>;

/** Settings the server (server/src/settings.ts) and the client read, by their full names. */
const READ_BY_CODE = [
  'natsLattice.files.associations',
  'natsLattice.rules',
  'natsLattice.serverVersion',
  'natsLattice.wasmcloud.hostVersion',
  'natsLattice.ignore',
  'natsLattice.trace.server',
];

describe('declared settings', () => {
  for (const name of READ_BY_CODE) {
    it(`${name} is declared`, () => assert.ok(properties[name], `declare ${name} under contributes.configuration.properties`));
  }

  it('every declared setting says what it does and has a default', () => {
    for (const [name, property] of Object.entries(properties)) {
      const text = property.markdownDescription ?? property.description ?? '';
      assert.ok(text.length >= 40, `${name}: describe what it does and an example`);
      assert.ok('default' in property, `${name}: give a default`);
    }
  });

  it('the declared defaults are accepted by the server without complaint', () => {
    const section: Record<string, unknown> = {};
    for (const name of READ_BY_CODE) section[name.slice('natsLattice.'.length)] = properties[name].default;
    assert.deepEqual(readSettingsReporting(section).problems, []);
  });
});
