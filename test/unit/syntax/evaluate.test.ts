// Variables, environment and includes across files (in-memory host).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateFiles, plain, diagSummary } from './helpers';
import { evaluateText, ParseCache, evaluate } from '../../../server/src/syntax/evaluate';

describe('variables', () => {
  it('undefined variable: precise range', () => {
    const text = 'a = 1\nb = $nope\n';
    const r = evaluateText(text);
    assert.equal(r.diagnostics.length, 1);
    const d = r.diagnostics[0];
    assert.equal(d.code, 'undefined-variable');
    assert.equal(text.slice(d.start, d.end), '$nope');
  });
  it('definition must come before use', () => {
    const r = evaluateText('b = $a\na = 1');
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['undefined-variable']);
  });
  it('a sibling map does not see inner definitions', () => {
    const r = evaluateText('m { x = 1 }\nn { y = $x }');
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['undefined-variable']);
  });
  it('maps inside arrays still see enclosing maps', () => {
    const r = evaluateText('x = 1\na = [ { y = $x } ]');
    assert.deepEqual(plain(r.value), { x: 1n, a: [{ y: 1n }] });
  });
  it('environment reference cycle is detected', () => {
    const r = evaluateText('a = $A', { A: '$B', B: '$A' });
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['variable-cycle']);
  });
  it('environment value that is not a valid value', () => {
    const r = evaluateText('a = $A', { A: 'two words' });
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['invalid-env-value']);
  });
  it('environment value starting with a digit and letters is a string', () => {
    assert.deepEqual(plain(evaluateText('a = $A', { A: '3xyz' }).value), { a: '3xyz' });
  });
  it('environment value referring to an undefined variable', () => {
    const r = evaluateText('a = $A', { A: '$NOPE' });
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['invalid-env-value']);
  });
});

describe('includes', () => {
  it('include merges into the enclosing map and its values are visible afterwards', () => {
    const r = evaluateFiles({
      '/c/main.conf': 'accounts {\n  include "auth.conf"\n  copy = $users\n}\n',
      '/c/auth.conf': 'users = [{user: a}]\n',
    });
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(plain(r.value), { accounts: { users: [{ user: 'a' }], copy: [{ user: 'a' }] } });
    assert.deepEqual(r.files, ['/c/main.conf', '/c/auth.conf']);
  });
  it('included files do not see the includer\'s variables', () => {
    const r = evaluateFiles({ '/c/main.conf': 'x = 1\ninclude inc.conf\n', '/c/inc.conf': 'y = $x\n' });
    assert.deepEqual(diagSummary(r.diagnostics), ['/c/inc.conf:undefined-variable', '/c/main.conf:undefined-variable']);
    const atInclude = r.diagnostics.find((d) => d.file === '/c/main.conf')!;
    assert.equal(atInclude.related?.[0].file, '/c/inc.conf');
  });
  it('paths are relative to the including file, nested folders too', () => {
    const r = evaluateFiles({
      '/c/main.conf': 'include "sub/a.conf"\n',
      '/c/sub/a.conf': 'include b.conf\na = 1\n',
      '/c/sub/b.conf': 'b = 2\n',
    });
    assert.deepEqual(plain(r.value), { b: 2n, a: 1n });
  });
  it('absolute include paths are joined under the including folder, as Go\'s filepath.Join does', () => {
    const r = evaluateFiles({ '/c/main.conf': 'include /etc/x.conf\n', '/c/etc/x.conf': 'x = 1\n' });
    assert.deepEqual(plain(r.value), { x: 1n });
  });
  it('missing include file', () => {
    const text = 'a = 1\ninclude "missing.conf"\n';
    const r = evaluateFiles({ '/c/main.conf': text });
    assert.deepEqual(diagSummary(r.diagnostics), ['/c/main.conf:include-not-found']);
    const d = r.diagnostics[0];
    assert.equal(text.slice(d.start, d.end), 'include "missing.conf"');
  });
  it('include cycles are detected, not followed', () => {
    const r = evaluateFiles({ '/c/a.conf': 'include b.conf\n', '/c/b.conf': 'include a.conf\n' });
    assert.deepEqual(diagSummary(r.diagnostics).filter((s) => s.endsWith('include-cycle')), ['/c/b.conf:include-cycle', '/c/a.conf:include-cycle']);
  });
  it('self include', () => {
    const r = evaluateFiles({ '/c/a.conf': 'x = 1\ninclude a.conf\n' });
    assert.deepEqual(diagSummary(r.diagnostics), ['/c/a.conf:include-cycle']);
  });
  it('syntax errors in an included file show at the include line with related information', () => {
    const r = evaluateFiles({ '/c/main.conf': 'x = 1\ninclude bad.conf\n', '/c/bad.conf': 'ok = 1\nbroken = 1 2\n' });
    const atInclude = r.diagnostics.find((d) => d.file === '/c/main.conf')!;
    assert.equal(atInclude.code, 'include-has-errors');
    assert.equal(atInclude.related?.[0].file, '/c/bad.conf');
    const rel = atInclude.related![0];
    assert.equal('ok = 1\nbroken = 1 2\n'.slice(rel.start, rel.end), '2');
    assert.ok(r.diagnostics.some((d) => d.file === '/c/bad.conf' && d.code === 'unexpected-after-value'));
  });
  it('an included file ending with a key is an error, as in nats-server', () => {
    const r = evaluateFiles({ '/c/main.conf': 'include q.conf\n', '/c/q.conf': '?????????????' });
    assert.ok(r.diagnostics.some((d) => d.file === '/c/main.conf' && d.code === 'include-has-errors'));
  });
  it('empty and comment-only includes are fine', () => {
    const r = evaluateFiles({ '/c/main.conf': 'a { include e.conf }\nb { include c.conf }\n', '/c/e.conf': '', '/c/c.conf': '# only\n' });
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(plain(r.value), { a: {}, b: {} });
  });
  it('JSON includes, as in nats-server\'s own tests', () => {
    const r = evaluateFiles({
      '/c/main.conf': 'accounts {\n  foo  { include \'foo.json\'  }\n  quux { include \'quux.json\' }\n}\n',
      '/c/foo.json': '{ "users": [ {"user": "foo"} ] }',
      '/c/quux.json': '{}',
    });
    assert.deepEqual(plain(r.value), { accounts: { foo: { users: [{ user: 'foo' }] }, quux: {} } });
  });
  it('the root file\'s syntax errors are part of the diagnostics', () => {
    const r = evaluateFiles({ '/c/main.conf': 'a = 1 2\n' });
    assert.deepEqual(diagSummary(r.diagnostics), ['/c/main.conf:unexpected-after-value']);
    assert.equal(r.diagnostics[0].line, 1);
  });
  it('a parse cache reuses results for unchanged text', () => {
    const cache = new ParseCache();
    const files: Record<string, string> = { '/c/main.conf': 'include a.conf\n', '/c/a.conf': 'a = 1\n' };
    let parses = 0;
    const parseFn = (f: string, t: string) => { parses++; return cache.get(f, t); };
    evaluate('/c/main.conf', { readFile: (p) => files[p], env: {} }, { parse: parseFn });
    const first = cache.get('/c/a.conf', files['/c/a.conf']);
    evaluate('/c/main.conf', { readFile: (p) => files[p], env: {} }, { parse: parseFn });
    assert.equal(cache.get('/c/a.conf', files['/c/a.conf']), first);
    assert.equal(parses, 4);
  });
});

describe('origins', () => {
  it('keys and values point at their text, across includes and variables', () => {
    const main = 'x = 5\nm {\n  include "inc.conf"\n  v = $x\n  arr = [1, two]\n}\n';
    const inc = 'port: 4222\n';
    const r = evaluateFiles({ '/c/main.conf': main, '/c/inc.conf': inc });
    const m = r.value.m as object;
    const text = (s: { file: string; start: number; end: number } | undefined) =>
      s && (s.file === '/c/main.conf' ? main : inc).slice(s.start, s.end);
    assert.equal(text(r.origins.keyAt(m, 'port')), 'port');
    assert.equal(r.origins.keyAt(m, 'port')?.file, '/c/inc.conf');
    assert.equal(text(r.origins.valueAt(m, 'port')), '4222');
    assert.equal(text(r.origins.valueAt(m, 'v')), '$x');
    assert.equal(text(r.origins.valueAt(r.value, 'm')), main.slice(main.indexOf('{'), main.lastIndexOf('}') + 1));
    const arr = (r.value.m as Record<string, object>).arr;
    assert.equal(text(r.origins.itemAt(arr, 1)), 'two');
  });
});
