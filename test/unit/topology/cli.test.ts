// `nats-lattice graph` as users run it: the bundled dist/cli.js (node scripts/build.mjs) as a child
// process on the example workspace.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { repoRoot } from '../cli/runCli';
import { parseXml } from './xml';

const ROOT = repoRoot();
const CLI = path.join(ROOT, 'dist', 'cli.js');

function graph(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, 'graph', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('nats-lattice graph', { skip: fs.existsSync(CLI) ? false : `${CLI} is missing: run node scripts/build.mjs` }, () => {
  test('mermaid (the default) names servers by server_name and hosts by env file or service', () => {
    const run = graph('examples');
    assert.equal(run.status, 0, run.stderr);
    const out = run.stdout;
    assert.ok(out.startsWith('flowchart BT\n'));
    for (const label of ['hub-1', 'hub-2', 'hub-3', 'edge-east', 'edge-west', 'wasmcloud.env', 'wasmcloud<br/>', 'wadm<br/>']) {
      assert.ok(out.includes(`["${label}`) || out.includes(`(["${label}`), `${label} is missing:\n${out}`);
    }
    assert.match(out, /subgraph c\d+\["cluster hub"\]/);
    assert.match(out, /n\d+\["edge-west<br\/>JetStream domain hub<br\/>⚠ js-domain-shared"\]/, 'the deliberate mistake is marked');
    assert.doesNotMatch(out, /edge-east<br\/>[^"]*⚠/, 'edge-east is fine');
    assert.ok(!out.includes('s3cr3t'), 'no password from the leaf URLs');
  });

  test('dot and svg', () => {
    const dot = graph('--format', 'dot', 'examples');
    assert.equal(dot.status, 0, dot.stderr);
    assert.match(dot.stdout, /^digraph lattice \{/);
    const svg = graph('--format=svg', 'examples');
    assert.equal(svg.status, 0, svg.stderr);
    const root = parseXml(svg.stdout);
    assert.equal(root.name, 'svg');
    assert.ok(!svg.stdout.includes('s3cr3t'));
  });

  test('usage errors exit 2 and say what to write', () => {
    const bad = graph('--format', 'png', 'examples');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--format must be mermaid, dot or svg, not 'png'/);
    const none = graph();
    assert.equal(none.status, 2);
    assert.match(none.stderr, /no PATH given/);
    const empty = graph('docs');
    assert.equal(empty.status, 2);
    assert.match(empty.stderr, /no NATS configuration found in docs/);
  });
});
