import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { layoutGraph, Rect } from '../../../server/src/features/topology/layout';
import { renderSvg } from '../../../server/src/features/topology/svg';
import { env, leaf } from './fixtures';
import { graphOf } from './graphCase';
import { parseXml } from './xml';

/**
 * A generated lattice of 50 servers: a hub cluster of 5, 30 leaves of the hub (each with a host),
 * 10 leaves of those leaves (two levels down), and 5 leaves of NGS.
 */
function fiftyServers(): Record<string, string> {
  const files: Record<string, string> = {};
  const members = [1, 2, 3, 4, 5];
  for (const i of members) {
    files[`hub/nats-hub-${i}.conf`] = `server_name: hub-${i}\nlisten: 0.0.0.0:4222\njetstream { domain: hub }\ncluster { name: hub, listen: 0.0.0.0:6222, routes: [${members.map((m) => `"nats-route://hub-${m}:6222"`).join(', ')}] }\nleafnodes { port: 7422 }\n`;
  }
  for (let i = 1; i <= 30; i++) {
    files[`edge-${i}/nats-leaf.conf`] = `${leaf(`edge-${i}`, { domain: `edge-${i}`, urls: [`nats-leaf://hub-${1 + (i % 5)}:7422`] })}listen: 0.0.0.0:4222\nleafnodes { port: 7422 }\n`.replace(/leafnodes \{ remotes/, 'leafnodes { port: 7422, remotes').replace(/\nleafnodes \{ port: 7422 \}\n$/, '\n');
    files[`edge-${i}/wasmcloud.env`] = env('hub');
  }
  for (let i = 1; i <= 10; i++) files[`far-${i}/nats-leaf.conf`] = leaf(`far-${i}`, { urls: [`nats-leaf://edge-${i}:7422`] });
  for (let i = 1; i <= 5; i++) files[`ngs-${i}/nats-leaf.conf`] = leaf(`ngs-${i}`, { urls: ['tls://connect.ngs.global:7422'] });
  return files;
}

function overlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('svg layout', () => {
  const graph = graphOf(fiftyServers());
  const layout = layoutGraph(graph);

  test('the generated lattice has 50 servers, 30 hosts and one outside server', () => {
    assert.equal(graph.nodes.filter((n) => n.kind === 'server').length, 50);
    assert.equal(graph.nodes.filter((n) => n.kind === 'host').length, 30);
    assert.equal(graph.nodes.filter((n) => n.kind === 'external').length, 1);
  });

  test('every node is placed once, inside the picture, and no two overlap', () => {
    assert.equal(layout.nodes.length, graph.nodes.length);
    for (const n of layout.nodes) {
      assert.ok(n.x >= 0 && n.y >= 0 && n.x + n.width <= layout.width && n.y + n.height <= layout.height, `${n.node.label} lies outside the picture`);
    }
    for (let i = 0; i < layout.nodes.length; i++) {
      for (let j = i + 1; j < layout.nodes.length; j++) {
        assert.ok(!overlap(layout.nodes[i], layout.nodes[j]), `${layout.nodes[i].node.label} overlaps ${layout.nodes[j].node.label}`);
      }
    }
  });

  test('cluster boxes hold their members and do not overlap other nodes', () => {
    assert.equal(layout.boxes.length, 1);
    const box = layout.boxes[0];
    for (const n of layout.nodes) {
      const inside = n.x >= box.x && n.y >= box.y && n.x + n.width <= box.x + box.width && n.y + n.height <= box.y + box.height;
      if (n.node.cluster === box.cluster.id) assert.ok(inside, `${n.node.label} is outside its cluster box`);
      else if (n.node.kind === 'server' || n.node.kind === 'external') assert.ok(!overlap(n, box), `${n.node.label} overlaps the cluster box`);
    }
  });

  test('layers: hubs on top, leaves below their hub, leaves of leaves further down; hosts under their server', () => {
    const top = (label: string) => layout.nodes.find((n) => n.node.label === label)!.y;
    assert.ok(top('hub-1') < top('edge-1'));
    assert.ok(top('edge-1') < top('far-1'));
    assert.ok(top('connect.ngs.global:7422') < top('ngs-1'));
    const edge1 = layout.nodes.find((n) => n.node.label === 'edge-1')!;
    const host = layout.nodes.find((n) => n.node.kind === 'host' && n.node.at!.file.includes('/edge-1/'))!;
    assert.ok(host.y > edge1.y && host.x >= edge1.x && host.x + host.width <= edge1.x + edge1.width, 'the host hangs under edge-1');
  });

  test('rows wrap, so the picture stays within a readable width', () => {
    assert.ok(layout.width <= 1600, `width ${layout.width}`);
  });

  test('the SVG of the 50-server lattice is well-formed', () => {
    const root = parseXml(renderSvg(graph));
    assert.equal(root.attributes.width, String(layout.width));
  });
});
