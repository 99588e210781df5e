import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParseCache } from '../../../server/src/syntax/evaluate';
import { analyzeLattice, ServerModelCache } from '../../../server/src/workspace/latticeAnalysis';
import { EvaluationCache } from '../../../server/src/syntax/evaluationCache';

/**
 * One case: the files of a workspace, then a change; expected: whether the second analysis
 * reused the server model of `/w/hub.conf` built by the first.
 */
interface Case { name: string; files: Record<string, string>; change: Record<string, string | undefined>; reused: boolean }

const HUB = 'server_name: hub\njetstream { domain: hub }\ninclude "leaf.conf"\n';
const cases: Case[] = [
  { name: 'nothing changed', files: { '/w/hub.conf': HUB, '/w/leaf.conf': 'leafnodes { port: 7422 }\n' }, change: {}, reused: true },
  { name: 'another config changed', files: { '/w/hub.conf': HUB, '/w/leaf.conf': 'leafnodes { port: 7422 }\n', '/w/other.conf': 'port: 4223\n' },
    change: { '/w/other.conf': 'port: 4224\n' }, reused: true },
  { name: 'the config itself changed', files: { '/w/hub.conf': HUB, '/w/leaf.conf': '' }, change: { '/w/hub.conf': HUB.replace('hub }', 'core }') }, reused: false },
  { name: 'a file it includes changed', files: { '/w/hub.conf': HUB, '/w/leaf.conf': 'leafnodes { port: 7422 }\n' },
    change: { '/w/leaf.conf': 'leafnodes { port: 7423 }\n' }, reused: false },
  { name: 'a missing include appeared', files: { '/w/hub.conf': HUB }, change: { '/w/leaf.conf': 'leafnodes { port: 7422 }\n' }, reused: false },
];

// Both with and without shared evaluations: a reused evaluation must still tell the server model
// cache which files it depends on.
for (const c of cases) for (const shared of [false, true]) {
  test(`server model cache${shared ? ', evaluations shared' : ''}: ${c.name}`, () => {
    const texts = new Map(Object.entries(c.files));
    const servers = new ServerModelCache();
    const host = { readFile: (p: string) => texts.get(p), parses: new ParseCache(), servers, evaluations: shared ? new EvaluationCache() : undefined };
    const configs = () => [...texts.keys()].filter((f) => f !== '/w/leaf.conf').sort();
    const hubOf = (analysis: ReturnType<typeof analyzeLattice>) => analysis.topology.servers.find((s) => s.file === '/w/hub.conf');
    const first = hubOf(analyzeLattice(configs(), [], host));
    for (const [file, text] of Object.entries(c.change)) if (text === undefined) texts.delete(file); else texts.set(file, text);
    const second = analyzeLattice(configs(), [], host);
    const fresh = analyzeLattice(configs(), [], { ...host, servers: undefined, evaluations: undefined });
    assert.ok(first && hubOf(second));
    assert.equal(hubOf(second) === first, c.reused);
    // Reused or not, the analysis equals one made without any cache.
    assert.deepEqual(JSON.parse(JSON.stringify(second.findings)), JSON.parse(JSON.stringify(fresh.findings)));
    assert.deepEqual(JSON.parse(JSON.stringify(hubOf(second))), JSON.parse(JSON.stringify(hubOf(fresh))));
  });
}
