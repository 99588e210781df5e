import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createMemoryFileSystem } from '../../../server/src/memoryFileSystem';
import { hostSourceKind, mentionsWasmcloud, readHostSource } from '../../../server/src/sources/discover';
import { effectiveAssignments } from '../../../server/src/sources/hostSettings';
import { sourceFixtureFiles, sourceFixturesDir } from './sourceFixtures';

describe('host source discovery', () => {
  const cases: [string, string | undefined, string?][] = [
    ['/p/.env', 'dotenv'],
    ['/p/.env.production', 'dotenv'],
    ['/p/host.env', 'dotenv'],
    ['/p/.envrc', 'envrc'],
    ['/p/docker-compose.yml', 'compose'],
    ['/p/docker-compose.override.yaml', 'compose'],
    ['/p/compose.yaml', 'compose'],
    ['/etc/systemd/system/wasmcloud.service', 'systemd'],
    ['/etc/systemd/system/wasmcloud.service.d/override.conf', 'systemd'],
    ['/k/deploy.yaml', 'kubernetes', 'apiVersion: apps/v1\nkind: Deployment\n'],
    ['/k/values.yaml', undefined, 'image: x\n'],
    ['/p/nats.conf', undefined],
    ['/p/env', undefined],
  ];
  for (const [file, kind, text] of cases) it(file, () => assert.equal(hostSourceKind(file, text), kind));

  it('tells wasmCloud files from unrelated ones', () => {
    assert.equal(mentionsWasmcloud('DATABASE_URL=postgres://x\n'), false);
    assert.equal(mentionsWasmcloud('WASMCOULD_LATTICE=x\n'), true);
    assert.equal(mentionsWasmcloud('image: ghcr.io/wasmcloud/wasmcloud:1.9.0\n'), true);
  });
});

describe('fixture projects', () => {
  const files = sourceFixtureFiles();
  const fs = createMemoryFileSystem(files);
  const dir = sourceFixturesDir();
  const read = (relative: string) => {
    const file = join(dir, relative);
    return readHostSource(file, files[file], fs);
  };

  it('compose project: host, wadm and NATS with their settings and config', () => {
    const result = read('compose-project/docker-compose.yml');
    assert.deepEqual(result.problems, []);
    const [nats, host, wadm] = result.sources;
    assert.deepEqual([nats.component, host.component, wadm.component], ['nats', 'wasmcloud', 'wadm']);
    assert.equal(nats.natsConfigs[0].path, join(dir, 'compose-project/nats/hub.conf'));
    assert.equal(host.version, '1.9.0');
    const env = effectiveAssignments(host);
    assert.equal(env.get('WASMCLOUD_JS_DOMAIN')!.value, 'hub');
    assert.equal(env.get('WASMCLOUD_LATTICE')!.file, join(dir, 'compose-project/host.env'));
    assert.equal(env.get('WASMCOULD_NATS_SEED')!.value, 'SUAEXAMPLE');
    assert.equal(host.pins[0].server!.path, join(dir, 'compose-project/nats/hub.conf'));
    assert.equal(effectiveAssignments(wadm).get('WADM_JETSTREAM_DOMAIN')!.value, 'hub');
  });

  it('systemd unit', () => {
    const result = read('systemd/wasmcloud.service');
    const env = effectiveAssignments(result.sources[0]);
    assert.equal(env.get('WASMCLOUD_JS_DOMAIN')!.via, 'argument');
    assert.equal(env.get('WASMCLOUD_NATS_HOST')!.value, '127.0.0.1');
    assert.equal(result.sources[0].natsConfigs[0].path, '/etc/nats/leaf.conf');
  });

  it('kubernetes manifest', () => {
    const result = read('kubernetes/lattice.yaml');
    assert.deepEqual(result.problems, []);
    const leaf = result.sources.find((s) => s.name === 'nats-leaf')!;
    assert.match(leaf.natsConfigs[0].embedded!.text, /domain: hub/);
    const host = result.sources.find((s) => s.name === 'wasmcloud')!;
    assert.equal(effectiveAssignments(host).get('WASMCLOUD_HOST_SEED')!.value, undefined);
  });
});
