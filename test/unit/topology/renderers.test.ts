import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderDot } from '../../../server/src/features/topology/dot';
import { escapeDot, escapeMermaid, escapeXml } from '../../../server/src/features/topology/escape';
import { renderMermaid } from '../../../server/src/features/topology/mermaid';
import { renderSvg } from '../../../server/src/features/topology/svg';
import { env, hubCluster, leaf } from './fixtures';
import { graphOf } from './graphCase';
import { allElements, hasClass, parseXml } from './xml';

/** The example's shape: hub cluster, a correct leaf, a leaf that wrongly claims the hub's domain. */
const example = {
  ...hubCluster,
  'east/nats-leaf.conf': leaf('edge-east', { domain: 'edge-east', urls: ['nats-leaf://u:pw@hub-1:7422', 'nats-leaf://u:pw@hub-2:7422'] }),
  'east/wasmcloud.env': env('hub'),
  'west/nats-leaf.conf': leaf('edge-west', { domain: 'hub', urls: ['nats-leaf://hub-3:7422'] }),
  'ngs/nats-leaf.conf': leaf('to-ngs', { urls: ['tls://connect.ngs.global:7422'] }),
};

/** A server name made of everything each format must escape. */
const awkward = { 'x/nats.conf': 'server_name: "a<b>&\\"c\\"#[x]|{y}"\nport: 4222\njetstream { domain: "d&<e>" }\n' };

describe('mermaid', () => {
  test('a flowchart with domain and cluster subgraphs, a leaf bundle into the cluster, problems classed', () => {
    const text = renderMermaid(graphOf(example));
    const lines = text.split('\n');
    assert.equal(lines[0], 'flowchart BT');
    assert.ok(lines.some((l) => /^ {2}subgraph d\d+\["JetStream domain hub"\]$/.test(l)), text);
    assert.ok(lines.some((l) => /^ {4}subgraph c\d+\["cluster hub"\]$/.test(l)), text);
    // edge-east lists two hub members: one link to the cluster subgraph, not two.
    const east = lines.find((l) => l.includes('"edge-east<br/>'))!.trim().split('[')[0];
    const cluster = lines.find((l) => l.includes('["cluster hub"]'))!.trim().split(' ')[1].split('[')[0];
    assert.deepEqual(lines.filter((l) => l.trim().startsWith(`${east} `)), [`  ${east} -->|"leaf"| ${cluster}`]);
    assert.ok(lines.some((l) => /n\d+\{\{"connect\.ngs\.global:7422<br\/>outside the workspace"\}\}/.test(l)), 'external node as hexagon');
    assert.ok(lines.some((l) => /n\d+\(\["wasmcloud\.env<br\/>wasmCloud · domain hub"\]\)/.test(l)), 'host as stadium');
    assert.ok(lines.some((l) => /^ {2}class (n\d+,){3}n\d+ error$/.test(l)), 'the four servers sharing domain hub are marked');
    assert.ok(!text.includes('pw'), 'no password in the picture');
    // subgraph/end balance
    assert.equal(lines.filter((l) => /^\s*subgraph /.test(l)).length, lines.filter((l) => l.trim() === 'end').length);
  });

  test('labels are escaped: no raw quote, bracket or angle bracket inside a label', () => {
    const text = renderMermaid(graphOf(awkward));
    const node = text.split('\n').find((l) => l.includes('n0['))!;
    assert.match(node, /^ {4}n0\["a#60;b#62;#38;#34;c#34;#35;#91;x#93;#124;#123;y#125;<br\/>JetStream domain d#38;#60;e#62;"\]$/);
    assert.equal(escapeMermaid('a\nb'), 'a b');
  });
});

describe('dot', () => {
  test('clusters nest in domains; routes do not rank; bundles end at the cluster border', () => {
    const text = renderDot(graphOf(example));
    assert.match(text, /^digraph lattice \{\n {2}rankdir=BT;/);
    assert.match(text, /subgraph "cluster_domain_\d+" \{\n {4}label="JetStream domain hub";/);
    assert.match(text, /subgraph "cluster_\d+" \{\n {6}label="cluster hub";/);
    assert.equal((text.match(/constraint="false"/g) ?? []).length, 3, 'three routes in a cluster of three');
    assert.equal((text.match(/lhead="cluster_\d+"/g) ?? []).length, 1, 'only edge-east lists several members');
    assert.match(text, /label="connect\.ngs\.global:7422\\noutside the workspace".*shape="hexagon"/);
    assert.match(text, /color="#d1242f"/);
    assert.equal((text.match(/\{/g) ?? []).length, (text.match(/\}/g) ?? []).length);
    assert.ok(!text.includes('pw@'), 'no password in the picture');
  });

  test('labels are escaped inside double quotes', () => {
    const text = renderDot(graphOf(awkward));
    assert.ok(text.includes('label="a<b>&\\"c\\"#[x]|{y}\\nJetStream domain d&<e>"'), text);
    assert.equal(escapeDot('back\\slash "q"\nnext'), 'back\\\\slash \\"q\\"\\nnext');
  });
});

describe('svg', () => {
  test('well-formed, one group per node and drawn edge, each with data-id and a tooltip', () => {
    const graph = graphOf(example);
    const root = parseXml(renderSvg(graph));
    assert.equal(root.name, 'svg');
    assert.equal(root.attributes.xmlns, 'http://www.w3.org/2000/svg');
    const elements = allElements(root);
    const nodes = elements.filter((e) => e.name === 'g' && hasClass(e, 'node'));
    assert.deepEqual(nodes.map((n) => n.attributes['data-id']).sort(), graph.nodes.map((n) => n.id).sort());
    for (const node of [...nodes, ...elements.filter((e) => e.name === 'g' && hasClass(e, 'edge'))]) {
      assert.equal(node.children[0].name, 'title', `${node.attributes['data-id']} has a tooltip first`);
    }
    const edges = elements.filter((e) => e.name === 'g' && hasClass(e, 'edge'));
    // Leaf links: east (bundle of 2 → 1), west, to-ngs; one host attachment. Routes are the box.
    assert.equal(edges.filter((e) => hasClass(e, 'leaf')).length, 3);
    assert.equal(edges.filter((e) => hasClass(e, 'attachment')).length, 1);
    assert.equal(elements.filter((e) => e.name === 'rect' && hasClass(e, 'cluster')).length, 1);
    const marked = nodes.filter((n) => hasClass(n, 'problem-error')).map((n) => n.children[0].text.split('\n')[0]).sort();
    assert.deepEqual(marked, ['edge-west', 'hub-1', 'hub-2', 'hub-3']);
    const westTitle = nodes.find((n) => n.children[0].text.startsWith('edge-west'))!.children[0].text;
    assert.match(westTitle, /error js-domain-shared: JetStream domain 'hub' is also used by/);
    assert.ok(elements.some((e) => e.name === 'text' && e.parent && hasClass(e.parent, 'legend') && e.text === 'JetStream domain hub'));
  });

  test('awkward names survive as text and the nonce lands on the style element', () => {
    const root = parseXml(renderSvg(graphOf(awkward), { styleNonce: 'abc123' }));
    const labels = allElements(root).filter((e) => e.name === 'text' && hasClass(e, 'label'));
    assert.deepEqual(labels.map((l) => l.text), ['a<b>&"c"#[x]|{y}']);
    assert.equal(allElements(root).find((e) => e.name === 'style')!.attributes.nonce, 'abc123');
    assert.equal(escapeXml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  test('an empty workspace still draws a valid picture', () => {
    const root = parseXml(renderSvg(graphOf({})));
    assert.equal(root.name, 'svg');
  });
});
