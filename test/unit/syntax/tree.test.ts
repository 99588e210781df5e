// The lossless token stream and the tree: spans, keys, separators, includes, comments.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expectLossless, expectTokenKinds, parse } from './helpers';
import { EntryNode, IncludeNode, MapNode } from '../../../server/src/syntax/tree';

const losslessInputs = [
  '', 'a = 1', 'a=1;b=2,c:3\n', '# c\r\n// d\r\na = "x" # e\r\n', "m {\n  'k': [1, 2 ], \"q\" = (\nblock\n)\n}\n",
  'a = [1, 2, 3]\nb = 2', 'a = "abc\nb = 1', 'include "x.conf"\ninclude y.conf; include \'z\'', '{\n a = 1\n}\n}',
  '\t \u00a0a = 1\u2028', 'a = 😀\n', '/a = 1', "a = foo'bar", 'a = (\r\nx\r\n)\r\n', '= = = ', ']]]', '{{{', '"', "'", '\\',
  'm { /k = 1 }', 'a = 1kbb', 'x = $y', 'pw = $2a$11$abc',
];

describe('lossless token stream', () => {
  for (const input of losslessInputs) it(JSON.stringify(input), () => expectLossless(input));
});

describe('token kinds', () => {
  const cases: [string, string[]][] = [
    ['a = 1', ['key:a', 'separator:=', 'integer:1']],
    ['a: "x"; b \'y\'', ['key:a', 'separator::', 'string:"x"', 'terminator:;', 'key:b', "string:'y'"]],
    ['m { a = [1.5, true] }', ['key:m', 'map-open:{', 'key:a', 'separator:=', 'array-open:[', 'float:1.5', 'terminator:,', 'boolean:true', 'array-close:]', 'map-close:}']],
    ['# c\na = $x // d', ['comment:# c', 'key:a', 'separator:=', 'variable:$x', 'comment:// d']],
    ['include "f.conf"', ['include-keyword:include', 'include-path:"f.conf"']],
    ['{ a = 2020-01-01T00:00:00Z }', ['block-open:{', 'key:a', 'separator:=', 'datetime:2020-01-01T00:00:00Z', 'block-close:}']],
    ['a = (\nx\n)\n', ['key:a', 'separator:=', 'block-string:(\nx\n)']],
    ['a = 1 2', ['key:a', 'separator:=', 'integer:1', 'stray:2']],
  ];
  for (const [input, kinds] of cases) it(JSON.stringify(input), () => expectTokenKinds(input, kinds));
});

function entry(m: MapNode, i: number): EntryNode {
  const e = m.entries[i];
  assert.equal(e.type, 'entry');
  return e as EntryNode;
}

describe('tree', () => {
  it('entries with key, separator and value spans', () => {
    const text = 'port = 4222\nname: "x"\nflag on';
    const body = parse(text).document.body;
    const p = entry(body, 0);
    assert.equal(p.key.name, 'port');
    assert.equal(text.slice(p.key.start, p.key.end), 'port');
    assert.equal(p.separator?.char, '=');
    assert.equal(text.slice(p.start, p.end), 'port = 4222');
    assert.equal(p.value?.type === 'scalar' && p.value.value, 4222n);
    const n = entry(body, 1);
    assert.equal(n.separator?.char, ':');
    assert.equal(n.value?.type === 'scalar' && n.value.style, 'double');
    assert.equal(n.value && text.slice(n.value.start, n.value.end), '"x"');
    const f = entry(body, 2);
    assert.equal(f.separator, undefined);
    assert.equal(f.value?.type === 'scalar' && f.value.kind, 'boolean');
  });
  it('quoted keys keep their quote and span', () => {
    const text = "'a b' = 1";
    const e = entry(parse(text).document.body, 0);
    assert.equal(e.key.name, 'a b');
    assert.equal(e.key.quote, "'");
    assert.equal(text.slice(e.key.start, e.key.end), "'a b'");
  });
  it('nested maps and arrays with spans', () => {
    const text = 'a {\n  b = [1, {c = 2}]\n}';
    const a = entry(parse(text).document.body, 0);
    assert.equal(a.value?.type, 'map');
    const m = a.value as MapNode;
    assert.equal(text.slice(m.start, m.end), '{\n  b = [1, {c = 2}]\n}');
    assert.ok(m.open && m.close);
    const b = entry(m, 0);
    assert.equal(b.value?.type, 'array');
    const arr = b.value!;
    assert.ok(arr.type === 'array');
    assert.equal(text.slice(arr.start, arr.end), '[1, {c = 2}]');
    assert.equal(arr.items.length, 2);
    assert.equal(arr.items[1].type, 'map');
  });
  it('include nodes', () => {
    const text = 'a { include "auth.conf" }\nINCLUDE ./x.conf';
    const body = parse(text).document.body;
    const inner = (entry(body, 0).value as MapNode).entries[0] as IncludeNode;
    assert.equal(inner.type, 'include');
    assert.equal(inner.path, 'auth.conf');
    assert.equal(inner.quote, '"');
    assert.equal(text.slice(inner.keyword.start, inner.keyword.end), 'include');
    assert.equal(text.slice(inner.pathSpan.start, inner.pathSpan.end), '"auth.conf"');
    const top = body.entries[1] as IncludeNode;
    assert.equal(top.type, 'include');
    assert.equal(top.path, './x.conf');
    assert.equal(top.quote, undefined);
  });
  it('variables', () => {
    const text = 'x = 1\ny = $x';
    const v = entry(parse(text).document.body, 1).value!;
    assert.ok(v.type === 'variable');
    assert.equal(v.name, 'x');
    assert.equal(text.slice(v.nameSpan.start, v.nameSpan.end), 'x');
  });
  it('block strings', () => {
    const v = entry(parse('a = (\nhello\n)\n').document.body, 0).value!;
    assert.ok(v.type === 'scalar' && v.style === 'block' && v.value === '\nhello\n');
  });
  it('comments are findable by offset', () => {
    const text = 'a = 1 # one\n// two\nm { # three\n}';
    const r = parse(text);
    assert.deepEqual(r.comments.map((c) => [c.marker, c.text, text.slice(c.start, c.end)]),
      [['#', ' one', '# one'], ['//', ' two', '// two'], ['#', ' three', '# three']]);
  });
  it('a file wrapped in braces records them', () => {
    const r = parse('{\n a = 1\n}\n');
    assert.ok(r.document.body.open && r.document.body.close);
    assert.equal(r.document.body.entries.length, 1);
  });
  it('missing value leaves the entry without value', () => {
    const e = entry(parse('a =\nb = 1').document.body, 0);
    assert.equal(e.value, undefined);
  });
  it('errors and warnings carry ranges inside the text', () => {
    const text = 'a = "\\q"\nb = 1kbb';
    const r = parse(text);
    assert.equal(text.slice(r.errors[0].start, r.errors[0].end), '\\q');
    assert.equal(text.slice(r.warnings[0].start, r.warnings[0].end), '1kbb');
  });
});
