import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { createMemoryFileSystem } from '../../../server/src/memoryFileSystem';
import { readCompose } from '../../../server/src/sources/compose';
import { effectiveAssignments, HostSource } from '../../../server/src/sources/hostSettings';
import { assignmentSpans, summary, unmark } from './marks';

const FILE = '/project/docker-compose.yml';

function read(input: string, others: Record<string, string> = {}) {
  const { text, spans } = unmark(input);
  const result = readCompose(FILE, text, createMemoryFileSystem(others));
  return { text, spans, result, service: (name: string) => result.sources.find((s) => s.name === name) as HostSource };
}

/** The service's variables from this file only, with marked names and values. */
function check(input: string, service: string, values: [string, string | undefined][], others: Record<string, string> = {}): void {
  const { text, spans, result, service: get } = read(input, others);
  const source = get(service);
  assert.ok(source, `service ${service} found`);
  const own = source.variables.filter((v) => v.file === FILE);
  assert.deepEqual(summary(own), values);
  assert.deepEqual(assignmentSpans(own), spans);
  for (const a of own) assert.equal(a.raw, text.slice(a.valueSpan.start, a.valueSpan.end));
  assert.deepEqual(result.problems, []);
}

describe('compose reader', () => {
  it('environment as a map', () =>
    check('services:\n  host:\n    image: ghcr.io/wasmcloud/wasmcloud:1.9.0\n    environment:\n      «WASMCLOUD_NATS_HOST»: «nats»\n      «WASMCLOUD_JS_DOMAIN»: «"hub"»\n      «WASMCLOUD_NATS_PORT»: «4222»\n', 'host', [
      ['WASMCLOUD_NATS_HOST', 'nats'],
      ['WASMCLOUD_JS_DOMAIN', 'hub'],
      ['WASMCLOUD_NATS_PORT', '4222'],
    ]));

  it('environment as a list, plain and quoted', () =>
    check('services:\n  host:\n    image: wasmcloud/wasmcloud:1.2.0\n    environment:\n      - «WASMCLOUD_LATTICE»=«default»\n      - "«WASMCLOUD_JS_DOMAIN»=«hub»"\n      - «HOME»«»\n', 'host', [
      ['WASMCLOUD_LATTICE', 'default'],
      ['WASMCLOUD_JS_DOMAIN', 'hub'],
      ['HOME', undefined],
    ]));

  it('flow forms keep exact ranges', () =>
    check('services:\n  host: {image: "ghcr.io/wasmcloud/wasmcloud:1.9.0", environment: [«A»=«1», "«B»=«2»"]}\n', 'host', [
      ['A', '1'],
      ['B', '2'],
    ]));

  it('numbers and booleans keep their source text', () =>
    check('services:\n  host:\n    image: wasmcloud/wasmcloud:1.9.0\n    environment:\n      «V»: «1.10»\n      «T»: «true»\n', 'host', [
      ['V', '1.10'],
      ['T', 'true'],
    ]));

  it('interpolates from the .env beside the compose file', () =>
    check(
      'services:\n  host:\n    image: wasmcloud/wasmcloud:1.9.0\n    environment:\n      «WASMCLOUD_JS_DOMAIN»: «${JS_DOMAIN}»\n      «WASMCLOUD_LATTICE»: «${LATTICE:-default}»\n      «WASMCLOUD_NATS_HOST»: «${NATS-nats}»\n      «PRICE»: «$$5»\n      «U»: «${UNSET}»\n',
      'host',
      [
        ['WASMCLOUD_JS_DOMAIN', 'leaf'],
        ['WASMCLOUD_LATTICE', 'default'],
        ['WASMCLOUD_NATS_HOST', 'nats'],
        ['PRICE', '$5'],
        ['U', undefined],
      ],
      { '/project/.env': 'JS_DOMAIN=leaf\nLATTICE=\n' },
    ));

  it('reads env_file (string and list forms) before environment, relative to the compose file', () => {
    const { result, service } = read(
      'services:\n  a:\n    image: wasmcloud/wasmcloud:1.9.0\n    env_file: ./host.env\n    environment:\n      WASMCLOUD_JS_DOMAIN: override\n  b:\n    image: ghcr.io/wasmcloud/wadm:v0.21.0\n    env_file:\n      - wadm.env\n      - path: ./missing.env\n        required: false\n',
      { '/project/host.env': 'WASMCLOUD_JS_DOMAIN=from-file\nWASMCLOUD_LATTICE=l1\n', '/project/wadm.env': 'WADM_JETSTREAM_DOMAIN=hub\n' },
    );
    assert.deepEqual(result.problems, []);
    const a = service('a');
    assert.deepEqual(summary(a.variables), [['WASMCLOUD_JS_DOMAIN', 'from-file'], ['WASMCLOUD_LATTICE', 'l1'], ['WASMCLOUD_JS_DOMAIN', 'override']]);
    assert.equal(a.variables[0].file, '/project/host.env');
    assert.equal(a.variables[0].via, 'env_file');
    assert.deepEqual(a.variables[0].valueSpan, { start: 20, end: 29 });
    assert.equal(effectiveAssignments(a).get('WASMCLOUD_JS_DOMAIN')!.value, 'override');
    assert.deepEqual(a.includes, ['/project/host.env']);
    const b = service('b');
    assert.equal(b.component, 'wadm');
    assert.equal(b.version, '0.21.0');
    assert.deepEqual(summary(b.variables), [['WADM_JETSTREAM_DOMAIN', 'hub']]);
  });

  it('reports a missing required env_file at its path', () => {
    const { text, result } = read('services:\n  a:\n    image: wasmcloud/wasmcloud:1.9.0\n    env_file: nope.env\n');
    assert.deepEqual(result.problems.map((p) => [p.code, text.slice(p.start, p.end)]), [['env-file-missing', 'nope.env']]);
  });

  it('image tag gives component and version', () => {
    const { service } = read('services:\n  h:\n    image: ghcr.io/wasmcloud/wasmcloud:1.9.0\n  e:\n    image: wasmcloud/wasmcloud_host:0.63.0\n  n:\n    image: nats:2.10-alpine\n  x:\n    image: redis:7\n');
    assert.deepEqual(['h', 'e', 'n', 'x'].map((n) => [service(n).component, service(n).version, service(n).image?.component]), [
      ['wasmcloud', '1.9.0', 'host-rust'],
      ['wasmcloud', '0.63.0', 'host-elixir'],
      ['nats', '2.10', 'nats'],
      ['unknown', '7', 'unknown'],
    ]);
  });

  it('finds the NATS config of a nats service: -c through a directory mount, and mounted .conf files', () => {
    const { text, service } = read('services:\n  nats:\n    image: nats:2.10\n    command: ["-js", "-c", "/etc/nats/hub.conf"]\n    volumes:\n      - ./nats:/etc/nats\n      - ./extra/leaf.conf:/leaf.conf:ro\n      - type: bind\n        source: ./long.conf\n        target: /long.conf\n      - data:/data\n');
    const refs = service('nats').natsConfigs.map((r) => [r.via, r.path, r.containerPath, text.slice(r.span.start, r.span.end)]);
    assert.deepEqual(refs, [
      ['argument', '/project/nats/hub.conf', '/etc/nats/hub.conf', '/etc/nats/hub.conf'],
      ['volume', '/project/extra/leaf.conf', '/leaf.conf', './extra/leaf.conf:/leaf.conf:ro'],
      ['volume', '/project/long.conf', '/long.conf', './long.conf'],
    ]);
  });

  it('command string: --config=FILE and host flags', () => {
    const { text, service } = read('services:\n  nats:\n    image: nats\n    command: --config=/c/nats.conf -js\n    volumes: ["./conf:/c"]\n  host:\n    image: wasmcloud/wasmcloud:1.9.0\n    command: wasmcloud --js-domain hub --lattice=prod --allow-latest\n');
    assert.equal(service('nats').natsConfigs[0].path, '/project/conf/nats.conf');
    const flags = service('host').variables.map((v) => [v.name, v.value, v.flag, text.slice(v.valueSpan.start, v.valueSpan.end)]);
    assert.deepEqual(flags, [
      ['WASMCLOUD_JS_DOMAIN', 'hub', '--js-domain', 'hub'],
      ['WASMCLOUD_LATTICE', 'prod', '--lattice', 'prod'],
      ['WASMCLOUD_OCI_ALLOW_LATEST', 'true', '--allow-latest', ''],
    ]);
  });

  it('follows anchors, aliases and merge keys', () =>
    check('x-env: &env\n  «WASMCLOUD_LATTICE»: «shared»\n  «WASMCLOUD_JS_DOMAIN»: «hub»\nservices:\n  host:\n    image: wasmcloud/wasmcloud:1.9.0\n    environment:\n      <<: *env\n      «WASMCLOUD_JS_DOMAIN»: «own»\n', 'host', [
      ['WASMCLOUD_LATTICE', 'shared'],
      ['WASMCLOUD_JS_DOMAIN', 'hub'],
      ['WASMCLOUD_JS_DOMAIN', 'own'],
    ]));

  it('a pin applies to the service above it', () => {
    const { service } = read('services:\n  host:\n    # nats-lattice: server=./nats/hub.conf\n    image: wasmcloud/wasmcloud:1.9.0\n  other:\n    image: wasmcloud/wasmcloud:1.9.0\n');
    assert.equal(service('host').pins[0].server!.path, '/project/nats/hub.conf');
    assert.deepEqual(service('other').pins, []);
  });

  it('guesses the component from variables when there is no image', () => {
    const { service } = read('services:\n  h:\n    build: .\n    environment:\n      WASMCLOUD_LATTICE: x\n');
    assert.equal(service('h').component, 'wasmcloud');
  });

  it('survives malformed YAML with a ranged problem', () => {
    const { result } = read('services:\n  host:\n    environment: [A=1\n  other: {\n');
    assert.ok(result.problems.length > 0);
    assert.ok(result.problems.every((p) => p.code === 'yaml-syntax' && p.start >= 0 && p.end >= p.start));
  });

  it('survives an alias bomb quickly', () => {
    let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 12; i++) text += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
    text += 'services:\n  host:\n    image: wasmcloud/wasmcloud:1.9.0\n    environment: *a11\n    command: *a11\n';
    const started = Date.now();
    const result = readCompose(FILE, text);
    assert.ok(Date.now() - started < 2000);
    assert.equal(result.sources.length, 1);
  });

  it('rejects wrong shapes with problems, not exceptions', () => {
    const { result } = read('services:\n  host:\n    image: wasmcloud/wasmcloud:1.9.0\n    environment: 5\n    env_file: {a: b}\n');
    assert.deepEqual(result.problems.map((p) => p.code), ['compose-env-file-invalid', 'compose-environment-invalid']);
  });
});
