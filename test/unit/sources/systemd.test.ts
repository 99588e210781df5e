import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { createMemoryFileSystem } from '../../../server/src/memoryFileSystem';
import { readSystemdUnit } from '../../../server/src/sources/systemd';
import { assignmentSpans, summary, unmark } from './marks';

const FILE = '/etc/systemd/system/wasmcloud.service';

function read(input: string, others: Record<string, string> = {}) {
  const { text, spans } = unmark(input);
  const result = readSystemdUnit(FILE, text, createMemoryFileSystem(others));
  return { text, spans, result, source: result.sources[0] };
}

describe('systemd reader', () => {
  it('Environment= with several assignments, quotes and escapes', () => {
    const { spans, source, result } = read('[Unit]\nDescription=host\n\n[Service]\nEnvironment=«WASMCLOUD_LATTICE»=«prod» "«WASMCLOUD_JS_DOMAIN»=«hub»"\nEnvironment="«A»=«two words»" \'«B»=«x»\'\n');
    assert.deepEqual(result.problems, []);
    assert.deepEqual(summary(source.variables), [['WASMCLOUD_LATTICE', 'prod'], ['WASMCLOUD_JS_DOMAIN', 'hub'], ['A', 'two words'], ['B', 'x']]);
    assert.deepEqual(assignmentSpans(source.variables), spans);
    assert.equal(source.component, 'wasmcloud');
  });

  it('an empty Environment= clears earlier ones; settings outside [Service] are ignored', () => {
    const { source } = read('[Unit]\nEnvironment=X=1\n[Service]\nEnvironment=A=1\nEnvironment=\nEnvironment=B=2\n');
    assert.deepEqual(summary(source.variables), [['B', '2']]);
  });

  it('EnvironmentFile= (with "-" prefix) overrides Environment=, and is read without interpolation', () => {
    const { source, result } = read('[Service]\nEnvironment=WASMCLOUD_JS_DOMAIN=a\nEnvironmentFile=/etc/wasmcloud/host.env\nEnvironmentFile=-/etc/wasmcloud/optional.env\n', {
      '/etc/wasmcloud/host.env': 'WASMCLOUD_JS_DOMAIN=b\nX=$HOME\n',
    });
    assert.deepEqual(result.problems, []);
    assert.deepEqual(summary(source.variables), [['WASMCLOUD_JS_DOMAIN', 'a'], ['WASMCLOUD_JS_DOMAIN', 'b'], ['X', '$HOME']]);
    assert.equal(source.variables[1].file, '/etc/wasmcloud/host.env');
    assert.equal(source.variables[1].via, 'EnvironmentFile');
    assert.deepEqual(source.includes, ['/etc/wasmcloud/host.env']);
  });

  it('reports a missing required EnvironmentFile= and a relative path', () => {
    const { text, result } = read('[Service]\nEnvironmentFile=host.env\n');
    assert.deepEqual(result.problems.map((p) => [p.code, text.slice(p.start, p.end)]), [
      ['systemd-environment-file-relative', 'host.env'],
      ['env-file-missing', 'host.env'],
    ]);
  });

  it('ExecStart= host flags across continuation lines, with prefixes', () => {
    const { text, source } = read('[Service]\nExecStart=-/usr/local/bin/wasmcloud \\\n  --js-domain hub \\\n  --lattice=prod\n');
    assert.equal(source.component, 'wasmcloud');
    assert.deepEqual(source.variables.map((v) => [v.name, v.value, text.slice(v.nameSpan.start, v.nameSpan.end), text.slice(v.valueSpan.start, v.valueSpan.end)]), [
      ['WASMCLOUD_JS_DOMAIN', 'hub', '--js-domain', 'hub'],
      ['WASMCLOUD_LATTICE', 'prod', '--lattice', 'prod'],
    ]);
  });

  it('nats-server -c names the config; docker run names the program by image', () => {
    const nats = read('[Service]\nExecStart=/usr/sbin/nats-server -c /etc/nats/hub.conf\n');
    assert.equal(nats.source.component, 'nats');
    assert.equal(nats.source.natsConfigs[0].path, '/etc/nats/hub.conf');
    const docker = read('[Service]\nExecStart=/usr/bin/docker run --rm ghcr.io/wasmcloud/wasmcloud:1.4.2\n');
    assert.equal(docker.source.component, 'wasmcloud');
    assert.equal(docker.source.version, '1.4.2');
  });

  it('malformed lines are reported and skipped', () => {
    const { result, source } = read('[Service]\nnot a setting\nEnvironment=NOEQUALS "A=unterminated\n');
    assert.deepEqual(result.problems.map((p) => p.code), ['systemd-line-invalid', 'systemd-unterminated-quote', 'systemd-environment-invalid']);
    assert.deepEqual(summary(source.variables), [['A', 'unterminated']]);
  });

  it('reads pins from # and ; comments', () => {
    const { source } = read('; nats-lattice: server=/etc/nats/hub.conf\n[Service]\n');
    assert.equal(source.pins[0].server!.path, '/etc/nats/hub.conf');
  });
});
