import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readSettings, readSettingsReporting } from '../../../server/src/settings';

function reads(name: string, raw: unknown, associations: string[]) {
  it(name, () => assert.deepEqual(readSettings(raw).files.associations, associations));
}

describe('readSettings', () => {
  reads('nothing', undefined, []);
  reads('the section itself', { files: { associations: ['*.cfg'] } }, ['*.cfg']);
  reads('the section inside settings', { natsLattice: { files: { associations: ['a/*.conf'] } } }, ['a/*.conf']);
  reads('a flattened key', { 'files.associations': ['x.conf'] }, ['x.conf']);
  reads('an object keyed by glob', { files: { associations: { '*.cfg': 'nats-conf' } } }, ['*.cfg']);
  reads('junk entries dropped', { files: { associations: ['ok.conf', 3, '', null] } }, ['ok.conf']);
  reads('a wrong type', { files: { associations: 'x.conf' } }, []);
});

describe('readSettings: quickCheck', () => {
  for (const [raw, expected, problems] of [
    [undefined, true, 0],
    [{ quickCheck: false }, false, 0],
    [{ natsLattice: { quickCheck: true } }, true, 0],
    [{ quickCheck: 'no' }, true, 1],
  ] as const) {
    it(JSON.stringify(raw) ?? 'nothing', () => {
      const read = readSettingsReporting(raw);
      assert.equal(read.settings.quickCheck, expected);
      assert.equal(read.problems.length, problems);
    });
  }
});
