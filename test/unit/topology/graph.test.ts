import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withoutSecrets } from '../../../server/src/features/topology/graph';
import { env, hubCluster, leaf } from './fixtures';
import { GraphExpectation, graphOf, summarize } from './graphCase';

/** Builds the graph of `files` and compares the parts the case names (order ignored). */
function expectGraph(files: Record<string, string>, expected: GraphExpectation): void {
  const actual = summarize(graphOf(files));
  for (const key of Object.keys(expected) as (keyof GraphExpectation)[]) {
    assert.deepEqual(actual[key], [...expected[key]!].sort(), `${key} differ`);
  }
}

describe('topology graph', () => {
  test('a hub cluster: three servers in one cluster, one domain, routes as undirected pairs', () => {
    expectGraph(hubCluster, {
      nodes: ['server hub-1 cluster=hub domain=hub', 'server hub-2 cluster=hub domain=hub', 'server hub-3 cluster=hub domain=hub'],
      edges: ['route hub-1 — hub-2', 'route hub-1 — hub-3', 'route hub-2 — hub-3'],
      domains: ['hub: hub-1, hub-2, hub-3'],
      problems: [],
    });
  });

  test('leaves point at the hub members their remote lists; hosts attach to their local leaf', () => {
    expectGraph(
      {
        ...hubCluster,
        'east/nats-leaf.conf': leaf('east', { domain: 'east', urls: ['nats-leaf://hub-1:7422', 'nats-leaf://hub-2:7422'], account: 'LATTICE' }),
        'east/wasmcloud.env': env('hub'),
      },
      {
        nodes: ['server hub-1 cluster=hub domain=hub', 'server hub-2 cluster=hub domain=hub', 'server hub-3 cluster=hub domain=hub', 'server east domain=east', 'host wasmcloud.env domain=hub wasmcloud'],
        edges: [
          'route hub-1 — hub-2',
          'route hub-1 — hub-3',
          'route hub-2 — hub-3',
          'leaf east → hub-1 account=LATTICE',
          'leaf east → hub-2 account=LATTICE',
          'attachment wasmcloud.env → east domain=hub',
        ],
        domains: ['east: east', 'hub: hub-1, hub-2, hub-3 | hosts wasmcloud.env'],
        problems: [],
      },
    );
  });

  test('a remote outside the workspace becomes an external node named by host:port', () => {
    expectGraph({ 'edge/nats-leaf.conf': leaf('edge', { urls: ['tls://connect.ngs.global:7422'] }) }, {
      nodes: ['server edge no-js', 'external connect.ngs.global:7422'],
      edges: ['leaf edge → connect.ngs.global:7422'],
    });
  });

  test('a remote aimed at a port the hub does not listen on is a no-listener edge', () => {
    expectGraph({ ...hubCluster, 'edge/nats-leaf.conf': leaf('edge', { urls: ['nats-leaf://hub-1:7499'] }) }, {
      edges: ['route hub-1 — hub-2', 'route hub-1 — hub-3', 'route hub-2 — hub-3', 'leaf edge → hub-1 no-listener'],
    });
  });

  test('a remote aimed at the client port reaches the server through the wrong listener', () => {
    expectGraph({ ...hubCluster, 'edge/nats-leaf.conf': leaf('edge', { urls: ['nats-leaf://hub-2:4222'] }) }, {
      edges: ['route hub-1 — hub-2', 'route hub-1 — hub-3', 'route hub-2 — hub-3', 'leaf edge → hub-2 wrong-listener'],
    });
  });

  test('the split brain of the example: the finding sits on every server that claims the domain', () => {
    expectGraph(
      {
        ...hubCluster,
        'west/nats-leaf.conf': leaf('west', { domain: 'hub' }),
        'west/wasmcloud.env': env('hub'),
      },
      {
        domains: ['hub: hub-1, hub-2, hub-3, west | hosts wasmcloud.env'],
        problems: ['js-domain-shared @ server hub-1', 'js-domain-shared @ server hub-2', 'js-domain-shared @ server hub-3', 'js-domain-shared @ server west'],
      },
    );
  });

  test('a host asking for a domain nobody serves carries the finding; the host still attaches', () => {
    const files = { ...hubCluster, 'east/nats-leaf.conf': leaf('east', { domain: 'east' }), 'east/wasmcloud.env': env('hbu') };
    const summary = summarize(graphOf(files));
    assert.ok(summary.edges.includes('attachment wasmcloud.env → east domain=hbu'), summary.edges.join('\n'));
    assert.ok(summary.problems.some((p) => p.endsWith('@ host wasmcloud.env')), `problems: ${summary.problems.join('; ')}`);
  });

  test('compose services are named by service and attach inside their project', () => {
    const compose = `services:
  nats:
    image: nats:2.11
    command: ["-c", "/etc/nats/nats-leaf.conf"]
    volumes: ["./nats-leaf.conf:/etc/nats/nats-leaf.conf"]
  wasmcloud:
    image: ghcr.io/wasmcloud/wasmcloud:1.9.0
    environment:
      WASMCLOUD_NATS_HOST: nats
      WASMCLOUD_NATS_PORT: "4222"
      WASMCLOUD_JS_DOMAIN: edge
`;
    expectGraph({ 'edge/nats-leaf.conf': `server_name: edge\nport: 4222\njetstream { domain: edge }\n`, 'edge/docker-compose.yml': compose }, {
      nodes: ['server edge domain=edge', 'host wasmcloud domain=edge wasmcloud'],
      edges: ['attachment wasmcloud → edge domain=edge'],
    });
  });

  test('a host whose address names no server attaches to an external node', () => {
    expectGraph({ 'a/nats.conf': 'port: 4222\n', 'a/wasmcloud.env': env(undefined, 'nats.example.com') }, {
      nodes: ['server nats.conf no-js', 'host wasmcloud.env wasmcloud', 'external nats.example.com:4222'],
      edges: ['attachment wasmcloud.env → nats.example.com:4222'],
    });
  });
});

describe('URLs in pictures', () => {
  for (const [url, shown] of [
    ['nats-leaf://leaf:s3cr3t@hub-1:7422', 'nats-leaf://leaf@hub-1:7422'],
    ['nats://TOKEN@hub:4222', 'nats://hub:4222'],
    ['tls://connect.ngs.global', 'tls://connect.ngs.global'],
    ['hub-1:7422', 'hub-1:7422'],
  ]) {
    test(`${url} is shown as ${shown}`, () => assert.equal(withoutSecrets(url), shown));
  }
});

describe('labels', () => {
  test('a server without server_name is called by its file name; two alike get their folder', () => {
    expectGraph({ 'a/nats.conf': 'port: 4222\n', 'b/nats.conf': 'port: 4223\n', 'c/nats-edge.conf': 'server_name: edge-c\nport: 4224\n' }, {
      nodes: ['server nats.conf (a) no-js', 'server nats.conf (b) no-js', 'server edge-c no-js'],
    });
  });
});
