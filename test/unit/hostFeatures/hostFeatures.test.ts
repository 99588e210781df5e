import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { completionItems, completionLabels, definitions, domainReferences, hostReferences, hoverText } from './hostCase';

// A hub with domain `hub` and a leaf beside the host, as most lattices start.
const HUB = `server_name: hub
listen: 0.0.0.0:4222
jetstream { store_dir: /js, domain: hub }
leafnodes { port: 7422 }
`;
const LEAF = `server_name: edge
listen: 127.0.0.1:4222
jetstream { store_dir: /js, domain: edge }
leafnodes { remotes: [ { url: "nats-leaf://hub:7422" } ] }
`;
const lattice = (env: string, extra: Record<string, string> = {}) => ({ 'hub/nats.conf': HUB, 'east/nats.conf': LEAF, 'east/wasmcloud.env': env, ...extra });

describe('completion in env files', () => {
  const cases: [string, Record<string, string>, (labels: string[]) => void][] = [
    ['names the host reads, not those already set', lattice('WASMCLOUD_LATTICE=prod\nWASMCLOUD_J|\n'), (labels) => {
      assert.ok(labels.includes('WASMCLOUD_JS_DOMAIN'));
      assert.ok(!labels.includes('WASMCLOUD_LATTICE'));
      assert.ok(!labels.includes('WASMCLOUD_LATTICE_PREFIX'), 'renamed names of older hosts are not offered');
    }],
    ['JetStream domains the servers serve, the host\'s own cluster first', lattice('WASMCLOUD_JS_DOMAIN=|\n'), (labels) => assert.deepEqual(labels, ['edge', 'hub'])],
    ['booleans from the table', lattice('WASMCLOUD_CTL_TLS=|\n'), (labels) => assert.deepEqual(labels, ['true', 'false'])],
    ['log levels, with the default', lattice('WASMCLOUD_LOG_LEVEL=|\n'), (labels) => assert.deepEqual(labels, ['trace', 'debug', 'info', 'warn', 'error'])],
    ['NATS hosts by the names this file can use', lattice('WASMCLOUD_NATS_HOST=|\n'), (labels) => assert.deepEqual(labels, ['hub', 'edge', 'localhost', '127.0.0.1'])],
    ['NATS ports of client listeners', lattice('WASMCLOUD_NATS_PORT=|\n'), (labels) => assert.deepEqual(labels, ['4222'])],
    ['lattice names other hosts use', lattice('WASMCLOUD_LATTICE=|\n', { 'west/wasmcloud.env': 'WASMCLOUD_LATTICE=blue\n' }), (labels) => assert.deepEqual(labels, ['blue', 'default'])],
    ['nothing inside comments', lattice('# WASMCLOUD_|\n'), (labels) => assert.deepEqual(labels, [])],
  ];
  for (const [name, files, check] of cases) test(name, () => check(completionLabels(files)));

  test('a name completes with its separator and documentation', () => {
    const item = completionItems(lattice('WASMCLOUD_JS_DO|\n')).find((i) => i.label === 'WASMCLOUD_JS_DOMAIN')!;
    assert.equal((item.textEdit as { newText: string }).newText, 'WASMCLOUD_JS_DOMAIN=');
    assert.match((item.documentation as { value: string }).value, /JetStream domain the host uses/);
    const domain = completionItems(lattice('WASMCLOUD_JS_DOMAIN=|\n')).find((i) => i.label === 'hub')!;
    assert.equal(domain.detail, 'JetStream domain of hub (../hub/nats.conf)');
  });

  test('wadm names for a wadm service', () => {
    const labels = completionLabels({ 'compose.yaml': 'services:\n  wadm:\n    image: ghcr.io/wasmcloud/wadm:0.21.0\n    environment:\n      WADM_NATS_SERVER: nats:4222\n      |\n' });
    assert.ok(labels.includes('WADM_JETSTREAM_DOMAIN'));
    assert.ok(!labels.includes('WADM_NATS_SERVER'));
    assert.ok(!labels.includes('WASMCLOUD_JS_DOMAIN'));
  });
});

describe('completion in compose files', () => {
  const compose = (environment: string) => ({
    'hub/nats.conf': HUB,
    'compose.yaml': `services:\n  nats:\n    image: nats:2.10\n    command: ["-c", "/etc/nats/nats.conf"]\n    volumes:\n      - ./hub/nats.conf:/etc/nats/nats.conf\n  host:\n    image: ghcr.io/wasmcloud/wasmcloud:1.4.0\n    environment:\n${environment}`,
  });
  test('map form inserts `NAME: `', () => {
    const item = completionItems(compose('      WASMCLOUD_LATTICE: prod\n      WASMCLOUD_JS|\n')).find((i) => i.label === 'WASMCLOUD_JS_DOMAIN')!;
    assert.equal((item.textEdit as { newText: string }).newText, 'WASMCLOUD_JS_DOMAIN: ');
  });
  test('list form inserts `NAME=`', () => {
    const item = completionItems(compose('      - WASMCLOUD_LATTICE=prod\n      - WASMCLOUD_JS|\n')).find((i) => i.label === 'WASMCLOUD_JS_DOMAIN')!;
    assert.equal((item.textEdit as { newText: string }).newText, 'WASMCLOUD_JS_DOMAIN=');
  });
  test('values in both forms; the compose service name of the NATS server is offered', () => {
    assert.deepEqual(completionLabels(compose('      WASMCLOUD_JS_DOMAIN: |\n')), ['hub']);
    assert.deepEqual(completionLabels(compose('      - WASMCLOUD_JS_DOMAIN=|\n')), ['hub']);
    assert.ok(completionLabels(compose('      WASMCLOUD_NATS_HOST: |\n')).includes('nats'));
  });
  test('outside environment blocks there is nothing', () => {
    assert.deepEqual(completionLabels({ 'compose.yaml': 'services:\n  host:\n    image: x\n    |\n' }), []);
  });
});

describe('hover in host sources', () => {
  test('on a name: what it does, type, default, versions', () => {
    const text = hoverText(lattice('WASMCLOUD_NATS_P|ORT=4222\n'))!;
    assert.match(text, /\*\*WASMCLOUD_NATS_PORT\*\*: Port of the default NATS server\./);
    assert.match(text, /Default: `4222`/);
    assert.match(text, /Read by the wasmCloud host 1\.0\.0 and later/);
  });
  test('on a NATS address: the server and listener it reaches, and the JetStream there', () => {
    const text = hoverText(lattice('WASMCLOUD_NATS_HOST=127.0|.0.1\nWASMCLOUD_JS_DOMAIN=hub\n'))!;
    assert.match(text, /control connection \(with JetStream\): `127\.0\.0\.1:4222` → server \*\*edge\*\* \(`nats\.conf`\), client listener on line 2/);
    assert.match(text, /JetStream reachable from there: `edge` at server \*\*edge\*\*.*; `hub` at server \*\*hub\*\* \(`\.\.\/hub\/nats\.conf`\) \(1 leaf hop\)/);
  });
  test('on a JetStream domain: who serves it and whether the host reaches it', () => {
    const text = hoverText(lattice('WASMCLOUD_JS_DOMAIN=h|ub\n'))!;
    assert.match(text, /Served by server \*\*hub\*\* \(`\.\.\/hub\/nats\.conf`\) line 3/);
    assert.match(text, /From there `hub` is reached across 1 leaf connection/);
  });
  test('on a domain no server reachable has', () => {
    const text = hoverText(lattice('WASMCLOUD_JS_DOMAIN=we|st\n'))!;
    assert.match(text, /No server of this workspace has this domain/);
    assert.match(text, /`west` cannot be reached from there/);
  });
  test('on an address overridden by a connection-specific one', () => {
    const text = hoverText(lattice('WASMCLOUD_NATS_HOST=h|ub\nWASMCLOUD_CTL_HOST=127.0.0.1\nWASMCLOUD_RPC_HOST=127.0.0.1\n'))!;
    assert.match(text, /Not used by the wasmCloud host: overridden/);
  });
  test('an address naming no server of the workspace', () => {
    assert.match(hoverText(lattice('WASMCLOUD_NATS_HOST=nats.example.c|om\n'))!, /names no server of this workspace/);
  });
});

describe('go to definition and references', () => {
  test('from a domain value to the server\'s domain line', () => {
    assert.deepEqual(definitions(lattice('WASMCLOUD_JS_DOMAIN=h|ub\n')), ['hub/nats.conf:3 «hub»']);
  });
  test('from a NATS address to the listener', () => {
    assert.deepEqual(definitions(lattice('WASMCLOUD_NATS_HOST=h|ub\n')), ['hub/nats.conf:2 «0.0.0.0:4222»']);
  });
  test('from a compose wadm address to the listener', () => {
    assert.deepEqual(definitions({ 'hub/nats.conf': HUB, 'hub/compose.yaml': 'services:\n  wadm:\n    image: ghcr.io/wasmcloud/wadm:0.21.0\n    environment:\n      WADM_NATS_SERVER: "local|host:4222"\n' }), ['hub/nats.conf:2 «0.0.0.0:4222»']);
  });
  test('from a server\'s domain to every host that uses it', () => {
    const files = {
      'hub/nats.conf': HUB.replace('domain: hub', 'domain: h|ub'),
      'east/nats.conf': LEAF,
      'east/wasmcloud.env': 'WASMCLOUD_JS_DOMAIN=hub\n',
      'west/wasmcloud.env': 'WASMCLOUD_JS_DOMAIN="hub"\n',
      'other/wasmcloud.env': 'WASMCLOUD_JS_DOMAIN=edge\n',
    };
    assert.deepEqual(domainReferences(files).sort(), ['east/wasmcloud.env:1 «hub»', 'hub/nats.conf:3 «hub»', 'west/wasmcloud.env:1 «hub»']);
    assert.deepEqual(domainReferences(files, false).sort(), ['east/wasmcloud.env:1 «hub»', 'west/wasmcloud.env:1 «hub»']);
  });
  test('from a host\'s domain: servers and the other hosts', () => {
    assert.deepEqual(hostReferences(lattice('WASMCLOUD_JS_DOMAIN=h|ub\n', { 'west/wasmcloud.env': 'WASMCLOUD_JS_DOMAIN=hub\n' })).sort(), ['east/wasmcloud.env:1 «hub»', 'hub/nats.conf:3 «hub»', 'west/wasmcloud.env:1 «hub»']);
  });
});
