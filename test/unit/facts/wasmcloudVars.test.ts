import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { parseImage, versionFromTag } from '../../../server/src/facts/hostVersions';
import {
  boolSyntaxOf,
  closestVariableNames,
  compareVersions,
  connectionChain,
  editDistance,
  findVariable,
  findVariablePrefix,
  isActiveIn,
  KNOWN_MISTAKES,
  looksLikeWasmcloudName,
  resolveConnection,
  splitHostPort,
  variablesFor,
  variablesOf,
  WASMCLOUD_VARIABLES,
} from '../../../server/src/facts/wasmcloudVars';
import { renderVariablesDoc } from './wasmcloudVarsDoc';

describe('wasmCloud variables table', () => {
  it('has one row per component and name', () => {
    const keys = WASMCLOUD_VARIABLES.map((v) => `${v.component}/${v.name}`);
    assert.deepEqual(keys.filter((k, i) => keys.indexOf(k) !== i), []);
  });

  it('has consistent versions, renames and references', () => {
    for (const v of WASMCLOUD_VARIABLES) {
      if (v.until !== undefined) assert.ok(compareVersions(v.since, v.until) <= 0, `${v.name}: since after until`);
      for (const other of [v.renamedTo, v.renamedFrom, ...(v.requires ?? []), ...(v.conflictsWith ?? [])]) {
        if (other !== undefined) assert.ok(findVariable(other, v.component), `${v.component}/${v.name} refers to unknown ${other}`);
      }
      if (v.renamedTo && !v.deprecated) assert.ok(v.until !== undefined, `${v.name} renamed but still active`);
      if (v.type === 'enum' || v.type === 'log-level') assert.ok(v.values && v.values.length > 0, `${v.name} needs values`);
      if (v.default !== undefined && (v.type === 'port' || v.type === 'integer' || v.type.startsWith('duration'))) assert.match(v.default, /^-?\d+$/, v.name);
    }
  });

  it('no two rows of a component active at the same version share a flag', () => {
    for (const component of ['host-rust', 'wadm', 'wash'] as const) {
      for (const version of ['0.78.0', '0.82.0', '1.0.0', '1.9.2', '0.4.0', '0.21.1', '0.22.0', '0.44.0']) {
        const flags = variablesOf(component, version).map((v) => v.flag).filter(Boolean);
        assert.deepEqual(flags.filter((f, i) => flags.indexOf(f) !== i), [], `${component}@${version}`);
      }
    }
  });

  it('records the renames the sources show', () => {
    const cases: [string, string, boolean][] = [
      ['NATS_HOST', '0.82.0', true],
      ['NATS_HOST', '1.0.0', false],
      ['WASMCLOUD_NATS_HOST', '1.0.0', true],
      ['WASMCLOUD_LATTICE_PREFIX', '0.81.0', true],
      ['WASMCLOUD_LATTICE', '0.81.0', false],
      ['WASMCLOUD_LATTICE', '0.82', true],
      ['WASMCOULD_NATS_SEED', '1.1.1', true],
      ['WASMCLOUD_NATS_SEED', '1.1.1', false],
      ['WASMCLOUD_NATS_SEED', '1.2.0', true],
      ['WASMCLOUD_JS_DOMAIN', '0.78.0', true],
      ['WASMCLOUD_JS_DOMAIN', '1.9', true],
      ['WASMCLOUD_PROV_RPC_HOST', '0.81.0', false],
    ];
    for (const [name, version, active] of cases) assert.equal(isActiveIn(findVariable(name, 'host-rust')!, version), active, `${name}@${version}`);
  });

  it('knows where the JetStream domain is set, per program', () => {
    assert.deepEqual(variablesFor('js-domain', 'host-rust').map((v) => v.name), ['WASMCLOUD_JS_DOMAIN']);
    assert.deepEqual(variablesFor('js-domain', 'host-elixir', '0.50.1').map((v) => v.name), []);
    assert.deepEqual(variablesFor('js-domain', 'wadm').map((v) => v.name), ['WADM_JETSTREAM_DOMAIN']);
    assert.deepEqual(variablesFor('js-domain', 'wash').map((v) => v.name), ['WASMCLOUD_JS_DOMAIN', 'WADM_JS_DOMAIN']);
    assert.deepEqual(variablesFor('js-domain', 'host-2'), []);
  });

  it('label prefixes by version', () => {
    assert.equal(findVariablePrefix('WASMCLOUD_LABEL_zone', 'host-rust', '1.9.0')?.purpose, 'label');
    assert.equal(findVariablePrefix('WASMCLOUD_LABEL_zone', 'host-rust', '0.80.0'), undefined);
    assert.equal(findVariablePrefix('HOST_zone', 'host-rust', '0.80.0')?.purpose, 'label');
  });
});

describe('connection fallback', () => {
  const env = (vars: Record<string, string>) => (name: string) => vars[name];
  const cases: [string, string, Record<string, string>, string | undefined, [string, number | undefined, string | undefined, string | undefined]][] = [
    ['defaults', 'host-rust', {}, '1.9.0', ['127.0.0.1', 4222, undefined, undefined]],
    ['NATS host applies to ctl', 'host-rust', { WASMCLOUD_NATS_HOST: 'nats', WASMCLOUD_NATS_PORT: '4223' }, '1.9.0', ['nats', 4223, 'WASMCLOUD_NATS_HOST', undefined]],
    ['CTL wins over NATS', 'host-rust', { WASMCLOUD_NATS_HOST: 'nats', WASMCLOUD_CTL_HOST: 'ctl', WASMCLOUD_JS_DOMAIN: 'hub' }, '1.9.0', ['ctl', 4222, 'WASMCLOUD_CTL_HOST', 'hub']],
    ['old NATS_HOST ignored by 1.x', 'host-rust', { NATS_HOST: 'old' }, '1.0.0', ['127.0.0.1', 4222, undefined, undefined]],
    ['old NATS_HOST read by 0.82', 'host-rust', { NATS_HOST: 'old' }, '0.82.0', ['old', 4222, 'NATS_HOST', undefined]],
    ['bad port', 'host-rust', { WASMCLOUD_CTL_PORT: 'x' }, '1.9.0', ['127.0.0.1', undefined, undefined, undefined]],
    ['elixir has no fallback', 'host-elixir', { WASMCLOUD_RPC_HOST: 'rpc' }, '0.63.0', ['127.0.0.1', 4222, undefined, undefined]],
    ['wadm host:port', 'wadm', { WADM_NATS_SERVER: 'nats://nats:4333', WADM_JETSTREAM_DOMAIN: 'hub' }, '0.21.0', ['nats', 4333, 'WADM_NATS_SERVER', 'hub']],
  ];
  for (const [name, component, vars, version, [host, port, hostFrom, domain]] of cases) {
    it(name, () => {
      const connection = component === 'wadm' ? 'wadm' : 'ctl';
      const resolved = resolveConnection(component as 'host-rust', connection, env(vars), version)!;
      assert.deepEqual([resolved.host, resolved.port, resolved.hostFrom, resolved.jsDomain], [host, port, hostFrom, domain]);
    });
  }

  it('drops connections and names a version does not have', () => {
    assert.equal(connectionChain('host-rust', 'prov-rpc', '1.0.0'), undefined);
    assert.deepEqual(connectionChain('host-rust', 'ctl', '1.1.0')!.seed, ['WASMCLOUD_CTL_SEED', 'WASMCOULD_NATS_SEED']);
    assert.deepEqual(connectionChain('host-rust', 'ctl', '0.79.0')!.host, ['WASMCLOUD_CTL_HOST', 'NATS_HOST']);
  });

  it('splits host and port', () => {
    assert.deepEqual(splitHostPort('127.0.0.1:4222'), { host: '127.0.0.1', port: 4222 });
    assert.deepEqual(splitHostPort('tls://u:p@nats.example:7422/'), { host: 'nats.example', port: 7422 });
    assert.deepEqual(splitHostPort('[::1]:4222'), { host: '::1', port: 4222 });
    assert.deepEqual(splitHostPort('nats'), { host: 'nats', port: undefined });
  });
});

describe('misspellings', () => {
  const cases: [string, string | undefined][] = [
    ['WASMCOULD_JS_DOMAIN', 'WASMCLOUD_JS_DOMAIN'],
    ['WASMCLOUD_JSDOMAIN', 'WASMCLOUD_JS_DOMAIN'],
    ['wasmcloud_lattice', 'WASMCLOUD_LATTICE'],
    ['WASMCLOUD_JETSTREAM_DOMAIN', 'WASMCLOUD_JS_DOMAIN'],
    ['WADM_JS_DOMAIN', 'WADM_JETSTREAM_DOMAIN'],
    ['WASMCLOUD_NATS_URL', 'WASMCLOUD_NATS_HOST'],
    ['WASMCLOUD_JS_DOMAIN', undefined],
    ['COMPLETELY_UNRELATED', undefined],
  ];
  for (const [written, meant] of cases) {
    it(written, () => {
      const component = written.startsWith('WADM') ? 'wadm' : 'host-rust';
      assert.equal(closestVariableNames(written, { component })[0]?.name, meant);
    });
  }

  it('every known mistake points at a real name', () => {
    for (const m of KNOWN_MISTAKES) assert.ok(WASMCLOUD_VARIABLES.some((v) => v.name === m.meant), m.meant);
  });

  it('edit distance counts a swap once and stops at the limit', () => {
    assert.equal(editDistance('WASMCLUOD', 'WASMCLOUD'), 1);
    assert.equal(editDistance('WASMCOULD', 'WASMCLOUD'), 2);
    assert.equal(editDistance('abc', 'abc'), 0);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('aaaaaaaa', 'bbbbbbbb', 2), 3);
  });

  it('recognises names meant for wasmCloud', () => {
    assert.equal(looksLikeWasmcloudName('WASMCOULD_NATS_HOST'), true);
    assert.equal(looksLikeWasmcloudName('WADM_X'), true);
    assert.equal(looksLikeWasmcloudName('DATABASE_URL'), false);
  });
});

describe('booleans and images', () => {
  it('bool syntax by component and version', () => {
    assert.equal(boolSyntaxOf(findVariable('WASMCLOUD_CTL_TLS', 'host-rust')!), 'clap');
    assert.equal(boolSyntaxOf(findVariable('WASMCLOUD_CTL_TLS', 'host-elixir')!, '0.55.0'), 'elixir-integer');
    assert.equal(boolSyntaxOf(findVariable('WASMCLOUD_CTL_TLS', 'host-elixir')!, '0.63.0'), 'elixir');
  });

  const images: [string, string, string | undefined][] = [
    ['ghcr.io/wasmcloud/wasmcloud:1.9.0', 'host-rust', '1.9.0'],
    ['wasmcloud/wasmcloud:1.2.1-wolfi', 'host-rust', '1.2.1'],
    ['docker.io/wasmcloud/wasmcloud:latest', 'host-rust', undefined],
    ['wasmcloud/wasmcloud_host:0.63.0', 'host-elixir', '0.63.0'],
    ['ghcr.io/wasmcloud/wadm:v0.21.0', 'wadm', '0.21.0'],
    ['ghcr.io/wasmcloud/wash:2.0.1', 'host-2', '2.0.1'],
    ['nats:2.10-alpine', 'nats', '2.10'],
    ['localhost:5000/wasmcloud/wasmcloud:1.9.0@sha256:abc', 'host-rust', '1.9.0'],
    ['redis', 'unknown', undefined],
  ];
  for (const [reference, component, version] of images) {
    it(`image ${reference}`, () => {
      const info = parseImage(reference);
      assert.deepEqual([info.component, info.version], [component, version]);
    });
  }

  it('version from tag', () => {
    assert.equal(versionFromTag('canary'), undefined);
    assert.equal(versionFromTag('v1'), '1');
  });
});

describe('docs/wasmcloud-variables.md', () => {
  it('is generated from the table', () => {
    const candidates = [resolve(__dirname, '../../../../docs/wasmcloud-variables.md'), resolve(process.cwd(), 'docs/wasmcloud-variables.md')];
    const file = candidates.find((c) => existsSync(resolve(c, '..'))) ?? candidates[1];
    const expected = renderVariablesDoc();
    if (process.env.UPDATE_DOCS === '1') writeFileSync(file, expected);
    assert.equal(existsSync(file) ? readFileSync(file, 'utf8') : '', expected, 'run the facts tests with UPDATE_DOCS=1 to regenerate');
  });
});
