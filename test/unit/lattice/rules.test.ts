import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, describeFinding, expectFindings } from './latticeCase';

// A hub cluster of three with domain `hub` and a leafnodes listener, as most lattices start.
const hub = (i: number, domain = 'domain: hub') => `server_name: hub-${i}
listen: 0.0.0.0:4222
jetstream {
  store_dir: /data/js
  ${domain}
}
cluster {
  name: hub
  listen: 0.0.0.0:6222
  routes: [nats-route://hub-1:6222, nats-route://hub-2:6222, nats-route://hub-3:6222]
}
leafnodes { port: 7422 }
`;
const hubCluster = { 'hub/nats-hub-1.conf': hub(1), 'hub/nats-hub-2.conf': hub(2), 'hub/nats-hub-3.conf': hub(3) };

const leaf = (extra = '', url = 'nats-leaf://hub-1:7422') => `server_name: edge
listen: 127.0.0.1:4222
${extra}
leafnodes { remotes: [ { url: "${url}" } ] }
`;

const env = (lines: string) => `WASMCLOUD_NATS_HOST=127.0.0.1\nWASMCLOUD_NATS_PORT=4222\nWASMCLOUD_LATTICE=default\n${lines}`;

describe('lattice rules', () => {
  test('a correct lattice has no findings', () => {
    expectFindings({
      ...hubCluster,
      'east/nats-leaf.conf': leaf('jetstream { store_dir: /js, domain: east }'),
      'east/wasmcloud.env': env('WASMCLOUD_JS_DOMAIN=hub\n'),
      'west/nats-leaf.conf': leaf(),
      'west/wasmcloud.env': env('WASMCLOUD_JS_DOMAIN=hub\n'),
    }, []);
  });

  test('js-domain-unknown: a typo in the host domain, shown in the env file and the server', () => {
    const findings = expectFindings({
      ...hubCluster,
      'east/nats-leaf.conf': leaf(),
      'east/wasmcloud.env': env('WASMCLOUD_JS_DOMAIN=hubb\n'),
    }, [
      'js-domain-unknown east/wasmcloud.env:4 «hubb»',
      'js-domain-unknown east/nats-leaf.conf:1 «server_name»',
    ]);
    const inEnv = findings.find((f) => f.at.file.endsWith('.env'))!;
    assert.match(inEnv.message, /Domains it can reach: 'hub'/);
    assert.deepEqual(inEnv.fixes.map((f) => f.newText), ['hub']);
    assert.ok(inEnv.related.some((r) => r.at.file.endsWith('nats-leaf.conf')));
  });

  test('js-domain-missing: no domain and no JetStream on the leaf is an error (no responders)', () => {
    const findings = expectFindings({
      ...hubCluster,
      'east/nats-leaf.conf': leaf(),
      'east/wasmcloud.env': env(''),
    }, [
      'js-domain-missing east/wasmcloud.env:1 «WASMCLOUD_NATS_HOST»',
      'js-domain-missing hub/nats-hub-1.conf:5 «hub»',
    ], { 'js-domain-missing east/wasmcloud.env:1 «WASMCLOUD_NATS_HOST»': 'error' });
    const fix = findings.find((f) => f.at.file.endsWith('.env'))!.fixes[0];
    assert.equal(fix.newText, '\nWASMCLOUD_JS_DOMAIN=hub');
  });

  test('js-domain-missing: no domain with JetStream on the leaf is a warning (split brain)', () => {
    expectFindings({
      ...hubCluster,
      'east/nats-leaf.conf': leaf('jetstream { store_dir: /js }'),
      'east/wasmcloud.env': env(''),
    }, [
      'js-domain-missing east/wasmcloud.env:1 «WASMCLOUD_NATS_HOST»',
      'js-domain-missing east/nats-leaf.conf:3 «jetstream»',
    ], { 'js-domain-missing east/wasmcloud.env:1 «WASMCLOUD_NATS_HOST»': 'warning' });
  });

  test('js-domain-shared: a leaf copying the hub domain', () => {
    const findings = expectFindings({
      ...hubCluster,
      'east/nats-leaf.conf': leaf('jetstream { store_dir: /js, domain: hub }'),
      'east/wasmcloud.env': env('WASMCLOUD_JS_DOMAIN=hub\n'),
    }, [
      'js-domain-shared east/nats-leaf.conf:3 «hub»',
      'js-domain-shared hub/nats-hub-1.conf:5 «hub»',
      'js-domain-shared hub/nats-hub-2.conf:5 «hub»',
      'js-domain-shared hub/nats-hub-3.conf:5 «hub»',
    ]);
    const onLeaf = findings.find((f) => f.at.file.endsWith('nats-leaf.conf'))!;
    assert.deepEqual(onLeaf.fixes.map((f) => f.newText), ['edge']);
    assert.equal(findings.find((f) => f.at.file.endsWith('hub-1.conf'))!.fixes.length, 0);
  });

  test('js-domain-cluster-mismatch: routed servers with different domains', () => {
    expectFindings({
      'hub/nats-hub-1.conf': hub(1),
      'hub/nats-hub-2.conf': hub(2),
      'hub/nats-hub-3.conf': hub(3, 'domain: central'),
    }, [
      'js-domain-cluster-mismatch hub/nats-hub-1.conf:5 «hub»',
      'js-domain-cluster-mismatch hub/nats-hub-2.conf:5 «hub»',
      'js-domain-cluster-mismatch hub/nats-hub-3.conf:5 «central»',
    ]);
  });

  test('js-hub-domain-missing: hosts reach an undomained JetStream across a leaf', () => {
    expectFindings({
      'hub/nats-hub.conf': 'server_name: hub\njetstream { store_dir: /js }\nleafnodes { port: 7422 }\n',
      'east/nats-leaf.conf': leaf('', 'nats-leaf://hub:7422'),
      'east/wasmcloud.env': env(''),
    }, [
      'js-hub-domain-missing hub/nats-hub.conf:2 «jetstream»',
      'js-hub-domain-missing east/wasmcloud.env:1 «WASMCLOUD_NATS_HOST»',
      'js-domain-missing east/wasmcloud.env:1 «WASMCLOUD_NATS_HOST»',
      'js-domain-missing hub/nats-hub.conf:2 «jetstream»',
    ]);
  });

  test('leaf-remote-client-port: a remote aimed at the client port, with a fix to 7422', () => {
    const findings = expectFindings({
      ...hubCluster,
      'east/nats-leaf.conf': leaf('', 'nats-leaf://hub-1:4222'),
    }, [
      'leaf-remote-client-port east/nats-leaf.conf:4 «nats-leaf://hub-1:4222»',
      'leaf-remote-client-port hub/nats-hub-1.conf:2 «0.0.0.0:4222»',
    ]);
    assert.equal(findings[0].fixes[0]?.newText ?? findings[1].fixes[0].newText, 'nats-leaf://hub-1:7422');
  });

  test('leaf-remote-no-listener: a known server with nothing on that port', () => {
    expectFindings({ ...hubCluster, 'east/nats-leaf.conf': leaf('', 'nats-leaf://hub-2:7433') },
      ['leaf-remote-no-listener east/nats-leaf.conf:4 «nats-leaf://hub-2:7433»']);
  });

  test('host-nats-no-listener: a host aimed at the leafnodes port', () => {
    expectFindings({
      'hub/nats-hub.conf': 'server_name: hub\njetstream { store_dir: /js }\nleafnodes { port: 7422 }\n',
      'hub/wasmcloud.env': 'WASMCLOUD_NATS_HOST=localhost\nWASMCLOUD_NATS_PORT=7422\n',
    }, [
      'host-nats-no-listener hub/wasmcloud.env:2 «7422»',
      'host-nats-no-listener hub/nats-hub.conf:3 «7422»',
    ]);
  });

  test('host-server-unknown and ambiguous are information, and a pin settles the choice', () => {
    const { analysis, texts } = analyze({
      'a/wasmcloud.env': 'WASMCLOUD_NATS_HOST=nats.example.com\n',
      'b/nats-one.conf': 'port: 4222\njetstream: enabled\n',
      'b/nats-two.conf': 'port: 4222\n',
      'b/wasmcloud.env': 'WASMCLOUD_NATS_PORT=4222\n',
      'c/nats-one.conf': 'port: 4222\njetstream: enabled\n',
      'c/nats-two.conf': 'port: 4222\n',
      'c/wasmcloud.env': '# nats-lattice: server=nats-one.conf\nWASMCLOUD_NATS_PORT=4222\n',
    });
    const described = analysis.findings.map((f) => `${describeFinding(f, texts)} ${f.severity}`).sort();
    assert.deepEqual(described, [
      'host-server-ambiguous b/wasmcloud.env:1 «4222» information',
      'host-server-unknown a/wasmcloud.env:1 «nats.example.com» information',
    ]);
  });

  test('the natsLattice.wasmcloud.servers setting pins a host like the comment does', () => {
    const files = {
      'b/nats-one.conf': 'port: 4222\njetstream: enabled\n',
      'b/nats-two.conf': 'port: 4222\n',
      'b/wasmcloud.env': 'WASMCLOUD_NATS_PORT=4222\n',
    };
    const codes = (defaults = {}) => analyze(files, defaults).analysis.findings.map((f) => f.code);
    assert.deepEqual(codes(), ['host-server-ambiguous']);
    assert.deepEqual(codes({ servers: { '**/b/wasmcloud.env': 'nats-one.conf' } }), []);
    // Pinned to the server without JetStream, the host is told so.
    assert.deepEqual(codes({ servers: { '**/b/*.env': 'nats-two.conf' } }), ['js-not-enabled', 'js-not-enabled']);
  });

  test('wadm-js-domain-mismatch between wadm and the hosts it manages', () => {
    expectFindings({
      ...hubCluster,
      'east/nats-leaf.conf': leaf(),
      'east/wasmcloud.env': env('WASMCLOUD_JS_DOMAIN=hub\n'),
      'east/wadm.env': 'WADM_NATS_SERVER=127.0.0.1:4222\nWADM_JETSTREAM_DOMAIN=edge\n',
    }, [
      'js-domain-unknown east/wadm.env:2 «edge»',
      'js-domain-unknown east/nats-leaf.conf:1 «server_name»',
      'wadm-js-domain-mismatch east/wadm.env:2 «edge»',
      'wadm-js-domain-mismatch east/wasmcloud.env:4 «hub»',
    ]);
  });

  test('an external hub (NGS) makes an unknown domain information, not an error', () => {
    const { analysis, texts } = analyze({
      'east/nats-leaf.conf': leaf('', 'tls://connect.ngs.global'),
      'east/wasmcloud.env': env('WASMCLOUD_JS_DOMAIN=ngs\n'),
    });
    assert.deepEqual(analysis.findings.map((f) => `${describeFinding(f, texts)} ${f.severity}`), [
      'js-domain-unknown east/wasmcloud.env:4 «ngs» information',
    ]);
  });

  test('leaf-deny-blocks-js: a deny rule on the remote covers the domain API', () => {
    expectFindings({
      ...hubCluster,
      'east/nats-leaf.conf': 'server_name: edge\nlisten: 127.0.0.1:4222\nleafnodes { remotes: [ { url: "nats-leaf://hub-1:7422", deny_exports: ["$JS.>"] } ] }\n',
      'east/wasmcloud.env': env('WASMCLOUD_JS_DOMAIN=hub\n'),
    }, [
      'leaf-deny-blocks-js east/nats-leaf.conf:3 «$JS.>»',
      'leaf-deny-blocks-js east/wasmcloud.env:4 «hub»',
    ]);
  });

  test('leaf-tls-mismatch: the hub requires TLS, the remote does not use it', () => {
    expectFindings({
      'hub/nats-hub.conf': 'server_name: hub\njetstream { store_dir: /js, domain: hub }\nleafnodes { port: 7422, tls { cert_file: a.pem, key_file: b.pem } }\n',
      'east/nats-leaf.conf': leaf('', 'nats-leaf://hub:7422'),
    }, [
      'leaf-tls-mismatch east/nats-leaf.conf:4 «nats-leaf://hub:7422»',
      'leaf-tls-mismatch hub/nats-hub.conf:3 «7422»',
    ]);
  });

  test('two leaf hops still reach the hub domain', () => {
    expectFindings({
      ...hubCluster,
      'mid/nats-mid.conf': 'server_name: mid\nlisten: 0.0.0.0:4222\nleafnodes { port: 7422, remotes: [ { url: "nats-leaf://hub-1:7422" } ] }\n',
      'far/nats-leaf.conf': leaf('', 'nats-leaf://mid:7422'),
      'far/wasmcloud.env': env('WASMCLOUD_JS_DOMAIN=hub\n'),
    }, []);
  });

  test('an include-only file is part of its includer, not a server', () => {
    const { analysis } = analyze({
      'hub/nats-hub.conf': 'server_name: hub\ninclude ./nats-js.conf\nleafnodes { port: 7422 }\n',
      'hub/nats-js.conf': 'jetstream { store_dir: /js, domain: hub }\n',
    });
    assert.deepEqual(analysis.topology.servers.map((s) => s.name), ['hub']);
    assert.equal(analysis.topology.servers[0].jetstream.domain?.value, 'hub');
  });
});
