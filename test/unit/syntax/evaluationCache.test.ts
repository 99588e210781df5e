import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from '../../../server/src/syntax/evaluate';
import { EvaluationCache } from '../../../server/src/syntax/evaluationCache';

type Files = Record<string, string>;
type Env = Record<string, string | undefined>;

/**
 * One case: files and environment of a first evaluation of /w/main.conf, then what changes
 * before the second; expected: whether the second reused the first.
 */
interface Case { name: string; files: Files; env?: Env; change?: Record<string, string | undefined>; env2?: Env; reused: boolean }

const MAIN = 'port: 4222\ninclude "part.conf"\n';
const cases: Case[] = [
  { name: 'nothing changed', files: { '/w/main.conf': MAIN, '/w/part.conf': 'debug: true\n' }, reused: true },
  { name: 'the file changed', files: { '/w/main.conf': MAIN, '/w/part.conf': '' }, change: { '/w/main.conf': 'port: 4223\n' }, reused: false },
  { name: 'an included file changed', files: { '/w/main.conf': MAIN, '/w/part.conf': 'debug: true\n' }, change: { '/w/part.conf': 'debug: false\n' }, reused: false },
  { name: 'a missing include appeared', files: { '/w/main.conf': MAIN }, change: { '/w/part.conf': 'debug: true\n' }, reused: false },
  { name: 'another environment, never consulted', files: { '/w/main.conf': 'port: 4222\n' }, env: { PORT: '1' }, env2: {}, reused: true },
  { name: 'another environment, consulted', files: { '/w/main.conf': 'port: $PORT\n' }, env: { PORT: '1' }, env2: { PORT: '2' }, reused: false },
  { name: 'the same environment, consulted', files: { '/w/main.conf': 'port: $PORT\n' }, env: { PORT: '1' }, reused: true },
];

for (const c of cases) {
  test(`evaluation cache: ${c.name}`, () => {
    const texts = new Map(Object.entries(c.files));
    const readFile = (file: string) => texts.get(file);
    const cache = new EvaluationCache();
    const env = c.env ?? {};
    const first = cache.evaluate('/w/main.conf', { readFile, env });
    for (const [file, text] of Object.entries(c.change ?? {})) if (text === undefined) texts.delete(file); else texts.set(file, text);
    const env2 = c.env2 ?? env;
    const second = cache.evaluate('/w/main.conf', { readFile, env: env2 });
    assert.equal(second === first, c.reused);
    // Reused or not, the result is what a fresh evaluation gives.
    const fresh = evaluate('/w/main.conf', { readFile, env: env2 });
    assert.deepEqual(second.value, fresh.value);
    assert.deepEqual(second.diagnostics, fresh.diagnostics);
    assert.deepEqual(second.files, fresh.files);
  });
}

test('evaluation cache: root syntax reporting is part of the key', () => {
  const readFile = () => 'cluster { port: 6222\n';
  const cache = new EvaluationCache();
  const withSyntax = cache.evaluate('/w/a.conf', { readFile, env: {} });
  const without = cache.evaluate('/w/a.conf', { readFile, env: {} }, { rootSyntax: false });
  assert.notEqual(without, withSyntax);
  assert.ok(withSyntax.diagnostics.length > without.diagnostics.length);
});

test('evaluation cache: keeps only the most recent evaluations', () => {
  const readFile = (file: string) => `server_name: ${file.slice(3, 4)}\n`;
  const cache = new EvaluationCache(2);
  const a = cache.evaluate('/w/a.conf', { readFile, env: {} });
  cache.evaluate('/w/b.conf', { readFile, env: {} });
  assert.equal(cache.evaluate('/w/a.conf', { readFile, env: {} }), a, 'a is still cached and now the most recent');
  cache.evaluate('/w/c.conf', { readFile, env: {} });
  assert.equal(cache.evaluate('/w/a.conf', { readFile, env: {} }), a, 'b was the oldest and was dropped, not a');
  const b = cache.evaluate('/w/b.conf', { readFile, env: {} });
  assert.equal(cache.evaluate('/w/b.conf', { readFile, env: {} }), b);
});
