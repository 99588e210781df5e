import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Finding } from '../../../server/src/lattice/model';
import { analyze, describeFinding } from './latticeCase';

/** The host-variable findings of a workspace, as `code file:line «text»`; order ignored. */
function expectHostFindings(files: Record<string, string>, expected: string[]): Finding[] {
  const { analysis, texts } = analyze(files);
  const ours = analysis.findings.filter((f) => f.code.startsWith('wasmcloud-env-'));
  assert.deepEqual(ours.map((f) => describeFinding(f, texts)).sort(), [...expected].sort());
  return ours;
}

/** One env file for a host (or wadm) and the expected findings in it. */
const env = (text: string, expected: string[]) => expectHostFindings({ 'host/wasmcloud.env': text }, expected.map((e) => e.replace(/^(\S+) (\d+)/, '$1 host/wasmcloud.env:$2')));

const compose = (service: string, image: string, environment: string) => `services:
  ${service}:
    image: ${image}
    environment:
${environment.split('\n').filter(Boolean).map((l) => `      ${l}`).join('\n')}
`;

describe('wasmcloud-env-invalid', () => {
  const cases: [string, string, string[]][] = [
    ['a correct env file', 'WASMCLOUD_LATTICE=prod\nWASMCLOUD_CTL_TLS=true\nWASMCLOUD_NATS_PORT=4222\nWASMCLOUD_LOG_LEVEL=debug\n', []],
    ['booleans on the Rust host are exactly true/false', 'WASMCLOUD_CTL_TLS=1\nWASMCLOUD_RPC_TLS=True\nWASMCLOUD_ALLOW_FILE_LOAD=false\n', ['wasmcloud-env-invalid 1 «1»', 'wasmcloud-env-invalid 2 «True»']],
    ['ports', 'WASMCLOUD_NATS_PORT=70000\nWASMCLOUD_CTL_PORT=nats\nWASMCLOUD_RPC_PORT=0\n', ['wasmcloud-env-invalid 1 «70000»', 'wasmcloud-env-invalid 2 «nats»', 'wasmcloud-env-invalid 3 «0»']],
    ['lattice names', 'WASMCLOUD_LATTICE=my.lattice\n', ['wasmcloud-env-invalid 1 «my.lattice»']],
    ['quoted values point inside the quotes', 'WASMCLOUD_LATTICE="my lattice"\n', ['wasmcloud-env-invalid 1 «my lattice»']],
    ['publish subjects', 'WASMCLOUD_POLICY_TOPIC=wasmcloud.policy.>\nWASMCLOUD_CTL_TOPIC_PREFIX=wasmbus.ctl\n', ['wasmcloud-env-invalid 1 «wasmcloud.policy.>»']],
    ['JetStream domains', 'WASMCLOUD_JS_DOMAIN=hub.east\n', ['wasmcloud-env-invalid 1 «hub.east»']],
    ['numbers and durations', 'WASMCLOUD_RPC_TIMEOUT_MS=2s\nWASMCLOUD_MAX_COMPONENTS=lots\nWASMCLOUD_HEARTBEAT_INTERVAL=30\n', ['wasmcloud-env-invalid 1 «2s»', 'wasmcloud-env-invalid 2 «lots»']],
    ['nkey seeds of the wrong kind', `WASMCLOUD_HOST_SEED=SU${'A'.repeat(56)}\n`, [`wasmcloud-env-invalid 1 «SU${'A'.repeat(56)}»`]],
    ['a JWT without its seed', 'WASMCLOUD_NATS_JWT=eyJhbGciOiJlZDI1NTE5In0.eyJzdWIiOiJVIn0.sig\n', ['wasmcloud-env-invalid 1 «eyJhbGciOiJlZDI1NTE5In0.eyJzdWIiOiJVIn0.sig»']],
    ['creds together with a seed', `WASMCLOUD_NATS_CREDS=/creds/host.creds\nWASMCLOUD_NATS_SEED=SU${'B'.repeat(56)}\nWASMCLOUD_NATS_JWT=eyJa.eyJb.c\n`, [`wasmcloud-env-invalid 2 «SU${'B'.repeat(56)}»`, 'wasmcloud-env-invalid 3 «eyJa.eyJb.c»']],
    ['log levels and enums', 'WASMCLOUD_LOG_LEVEL=warning\nWASMCLOUD_OBSERVABILITY_PROTOCOL=tcp\nWASMCLOUD_TRACE_LEVEL=INFO\n', ['wasmcloud-env-invalid 1 «warning»', 'wasmcloud-env-invalid 2 «tcp»']],
    ['a host with a scheme and port', 'WASMCLOUD_NATS_HOST=nats://hub:4222\n', ['wasmcloud-env-invalid 1 «nats://hub:4222»']],
    ['an admin address must be an IP', 'WASMCLOUD_HTTP_ADMIN=localhost:8080\n', ['wasmcloud-env-invalid 1 «localhost:8080»']],
    ['empty and unresolved values are left alone', 'WASMCLOUD_CTL_TLS=\nWASMCLOUD_NATS_PORT=${PORT}\n', []],
  ];
  for (const [name, text, expected] of cases) test(name, () => { env(text, expected); });

  test('messages say what happens and what to write; fixes replace the value', () => {
    const [tls] = env('WASMCLOUD_CTL_TLS=yes\n', ['wasmcloud-env-invalid 1 «yes»']);
    assert.match(tls.message, /refuses to start/);
    assert.match(tls.message, /Write exactly true or false/);
    assert.deepEqual(tls.fixes.map((f) => f.newText), ['true']);
    const [timeout] = env('WASMCLOUD_RPC_TIMEOUT_MS=2s\n', ['wasmcloud-env-invalid 1 «2s»']);
    assert.deepEqual(timeout.fixes.map((f) => f.newText), ['2000']);
    const [host] = env('WASMCLOUD_NATS_HOST=nats://hub:4222\n', ['wasmcloud-env-invalid 1 «nats://hub:4222»']);
    assert.deepEqual(host.fixes.map((f) => f.newText), ['hub']);
    assert.match(host.message, /WASMCLOUD_NATS_PORT/);
    const [level] = env('WASMCLOUD_LOG_LEVEL=warning\n', ['wasmcloud-env-invalid 1 «warning»']);
    assert.deepEqual(level.fixes.map((f) => f.newText), ['warn']);
  });

  test('a malformed domain is fixed to the server domain it resembles', () => {
    const [finding] = expectHostFindings({
      'nats/nats.conf': 'server_name: hub\njetstream { store_dir: /js, domain: hub }\n',
      'nats/wasmcloud.env': 'WASMCLOUD_JS_DOMAIN="hub "\n',
    }, ['wasmcloud-env-invalid nats/wasmcloud.env:1 «hub »']);
    assert.deepEqual(finding.fixes.map((f) => f.newText), ['hub']);
  });

  test('creds with a JWT: shown on the later one, pointing at the other, with a fix removing the line', () => {
    const [finding] = env('WASMCLOUD_NATS_CREDS=/c/host.creds\nWASMCLOUD_NATS_JWT=eyJa.eyJb.c\n', ['wasmcloud-env-invalid 2 «eyJa.eyJb.c»']);
    assert.match(finding.message, /cannot both be set/);
    assert.equal(finding.related[0].message, 'WASMCLOUD_NATS_CREDS is set here');
    assert.deepEqual(finding.fixes.map((f) => [f.title, f.newText]), [['Remove WASMCLOUD_NATS_JWT', '']]);
  });

  test('the Elixir host reads 1/0 for TLS before 0.60 and is lenient after', () => {
    const older = compose('host', 'wasmcloud/wasmcloud_host:0.59.0', 'WASMCLOUD_CTL_TLS: "true"\nWASMCLOUD_RPC_TLS: "1"');
    expectHostFindings({ 'compose.yaml': older }, ['wasmcloud-env-invalid compose.yaml:5 «true»']);
    const newer = compose('host', 'wasmcloud/wasmcloud_host:0.62.0', 'WASMCLOUD_CTL_TLS: "yes"\nWASMCLOUD_RPC_TLS: "on"');
    const [on] = expectHostFindings({ 'compose.yaml': newer }, ['wasmcloud-env-invalid compose.yaml:6 «on»']);
    assert.equal(on.severity, 'warning');
    assert.match(on.message, /reads WASMCLOUD_RPC_TLS=on as false/);
  });

  test('wadm: host:port server address and seeds from files', () => {
    expectHostFindings({
      'compose.yaml': compose('wadm', 'ghcr.io/wasmcloud/wadm:0.21.0', 'WADM_NATS_SERVER: "nats:99999"\nWADM_NATS_NKEY: /secrets/wadm.nk\nWADM_NATS_JWT: /secrets/wadm.jwt\nWADM_STREAM_PERSISTENCE: disk'),
    }, ['wasmcloud-env-invalid compose.yaml:5 «nats:99999»', 'wasmcloud-env-invalid compose.yaml:8 «disk»']);
  });

  test('flags on the command line are checked like variables', () => {
    expectHostFindings({
      'compose.yaml': `services:\n  host:\n    image: ghcr.io/wasmcloud/wasmcloud:1.4.0\n    command: ["wasmcloud", "--lattice", "a.b"]\n`,
    }, ['wasmcloud-env-invalid compose.yaml:4 «a.b»']);
  });
});

describe('wasmcloud-env-ignored', () => {
  const cases: [string, string, string[]][] = [
    ['misspelled prefix', 'WASMCOULD_JS_DOMAIN=hub\n', ['wasmcloud-env-ignored 1 «WASMCOULD_JS_DOMAIN»']],
    ['known mistake', 'WASMCLOUD_JETSTREAM_DOMAIN=hub\n', ['wasmcloud-env-ignored 1 «WASMCLOUD_JETSTREAM_DOMAIN»']],
    ['case differs', 'wasmcloud_lattice=prod\n', ['wasmcloud-env-ignored 1 «wasmcloud_lattice»']],
    ['renamed (newest host assumed)', 'WASMCLOUD_LATTICE_PREFIX=prod\n', ['wasmcloud-env-ignored 1 «WASMCLOUD_LATTICE_PREFIX»']],
    ['removed', 'WASMCLOUD_CLUSTER_SEED=x\n', ['wasmcloud-env-ignored 1 «WASMCLOUD_CLUSTER_SEED»']],
    ['labels and unrelated names are fine', 'WASMCLOUD_LABEL_zone=east\nRUST_LOG=debug\nWASMCLOUD_LATTICE=prod\nOTEL_SERVICE_NAME=host\n', []],
    ['a shared env file may hold wadm names', 'WASMCLOUD_LATTICE=prod\nWADM_JETSTREAM_DOMAIN=hub\nWASMCLOUD_JS_DOMAIN=hub\n', []],
  ];
  for (const [name, text, expected] of cases) test(name, () => { env(text, expected); });

  test('a misspelling suggests the name and offers a rename', () => {
    const [finding] = env('WASMCOULD_JS_DOMAIN=hub\n', ['wasmcloud-env-ignored 1 «WASMCOULD_JS_DOMAIN»']);
    assert.match(finding.message, /Did you mean WASMCLOUD_JS_DOMAIN\?/);
    assert.deepEqual(finding.fixes.map((f) => f.newText), ['WASMCLOUD_JS_DOMAIN']);
    assert.equal(finding.severity, 'warning');
  });

  test('renamed names depend on the host version in the image tag', () => {
    const file = (tag: string) => ({ 'compose.yaml': compose('host', `wasmcloud/wasmcloud:${tag}`, 'WASMCLOUD_LATTICE_PREFIX: prod\nWASMCOULD_NATS_SEED: SUAAA') });
    const [renamed] = expectHostFindings(file('1.4.0'), [
      'wasmcloud-env-ignored compose.yaml:5 «WASMCLOUD_LATTICE_PREFIX»',
      'wasmcloud-env-ignored compose.yaml:6 «WASMCOULD_NATS_SEED»',
    ]);
    assert.match(renamed.message, /renamed to WASMCLOUD_LATTICE/);
    assert.deepEqual(renamed.fixes.map((f) => f.newText), ['WASMCLOUD_LATTICE']);
    // 0.81 – 1.1.1 read the misspelled seed name; the seed value itself is then checked.
    expectHostFindings(file('0.81.0'), ['wasmcloud-env-invalid compose.yaml:6 «SUAAA»']);
  });

  test('WADM_JS_DOMAIN given to wadm itself', () => {
    const [finding] = expectHostFindings({ 'compose.yaml': compose('wadm', 'ghcr.io/wasmcloud/wadm:0.21.0', 'WADM_JS_DOMAIN: hub') }, ['wasmcloud-env-ignored compose.yaml:5 «WADM_JS_DOMAIN»']);
    assert.match(finding.message, /WADM_JETSTREAM_DOMAIN/);
    assert.deepEqual(finding.fixes.map((f) => f.newText), ['WADM_JETSTREAM_DOMAIN']);
  });

  test('WASMCLOUD_JS_DOMAIN on a 2.x host, which has no domain setting', () => {
    const [finding] = expectHostFindings({ 'compose.yaml': compose('host', 'ghcr.io/wasmcloud/wash:2.1.0', 'WASMCLOUD_JS_DOMAIN: hub') }, ['wasmcloud-env-ignored compose.yaml:5 «WASMCLOUD_JS_DOMAIN»']);
    assert.match(finding.message, /2\.x has no JetStream domain setting/);
    assert.deepEqual(finding.fixes, []);
  });

  test('sources that do not concern wasmCloud stay quiet; NATS services are not checked', () => {
    expectHostFindings({
      'compose.yaml': `services:\n  nats:\n    image: nats:2.10\n    environment:\n      WASMCLOUD_LATTICE: a.b\n  web:\n    image: nginx\n    environment:\n      PORT: "80"\n`,
    }, []);
  });

  test('a shared env_file is checked once, and only for what no program reads', () => {
    expectHostFindings({
      'compose.yaml': `services:\n  host:\n    image: ghcr.io/wasmcloud/wasmcloud:1.4.0\n    env_file: shared.env\n  wadm:\n    image: ghcr.io/wasmcloud/wadm:0.21.0\n    env_file: shared.env\n`,
      'shared.env': 'WASMCLOUD_LATTICE=prod\nWADM_JETSTREAM_DOMAIN=hub\nWASMCLOUD_CTL_TLS=1\nWASMCOULD_LATTICE=x\n',
    }, ['wasmcloud-env-invalid shared.env:3 «1»', 'wasmcloud-env-ignored shared.env:4 «WASMCOULD_LATTICE»']);
  });
});
