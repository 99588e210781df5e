// parse never throws, never hangs, and handles extreme nesting without recursion.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from './helpers';
import { evaluateText } from '../../../server/src/syntax/evaluate';

function check(text: string): void {
  const r = parse(text);
  assert.equal(r.tokens.map((t) => t.text).join(''), text);
  for (const e of [...r.errors, ...r.warnings]) assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length);
  evaluateText(text, { A: '$B', B: '$A', C: '[1, 2' });
}

describe('deep nesting', () => {
  const depth = 100_000;
  it('100,000 nested maps', () => {
    const text = 'a {'.repeat(depth) + '}'.repeat(depth);
    const r = parse(text);
    assert.deepEqual(r.errors, []);
    let m = r.document.body;
    let levels = 0;
    for (;;) {
      const e = m.entries[0];
      if (!e || e.type !== 'entry' || e.value?.type !== 'map') break;
      m = e.value;
      levels++;
    }
    assert.equal(levels, depth);
    check(text);
  });
  it('100,000 nested arrays', () => {
    const text = 'a = ' + '['.repeat(depth) + ']'.repeat(depth);
    assert.deepEqual(parse(text).errors, []);
    let v: unknown = evaluateText(text).value.a;
    let levels = 0;
    while (Array.isArray(v) && v.length) { v = v[0]; levels++; }
    assert.equal(levels, depth - 1);
  });
  it('100,000 unclosed maps and arrays', () => {
    check('a {'.repeat(depth));
    check('a = ' + '['.repeat(depth));
    check('a = ' + '[{b = '.repeat(depth / 2));
  });
});

describe('never throws on mangled input', () => {
  const seeds = [
    'port: 4222\nhttp = "localhost:8222"\ncluster { routes = [nats://a:1, nats://b:2 ]\n  authorization { user: x, password: $2a$11$x }\n}\n',
    'include "a.conf"\naccounts { A { users = [{user: a, password: "\\x41"}] } }\nsize = 1kb\nwhen = 2024-01-01T00:00:00Z\nblock = (\ntext\n)\n',
    '{\n "json": [1, 2.5, true, null],\n // c\n "m": {"k": "v"}\n}\n',
  ];
  let seed = 42;
  const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
  const junk = ['{', '}', '[', ']', '(', ')', '"', "'", '\\', '$', '#', '//', '/', '=', ':', ';', ',', '\n', '\r', ' ', '-', '.', '1', 'k', 'x', 'é', '😀', '\u0000', 'include '];
  it('4,000 random edits of real configurations', () => {
    for (let i = 0; i < 4000; i++) {
      let text = seeds[i % seeds.length];
      for (let j = 0, n = 1 + rnd(5); j < n; j++) {
        const p = rnd(text.length + 1);
        const op = rnd(3);
        if (op === 0) text = text.slice(0, p) + junk[rnd(junk.length)] + text.slice(p);
        else if (op === 1) text = text.slice(0, p) + text.slice(p + 1 + rnd(4));
        else text = text.slice(0, p) + text.slice(rnd(text.length));
      }
      check(text);
    }
  });
  it('every prefix of a configuration', () => {
    const text = seeds[0] + seeds[1];
    for (let i = 0; i <= text.length; i++) check(text.slice(0, i));
  });
  it('random character soup', () => {
    for (let i = 0; i < 2000; i++) {
      let text = '';
      for (let j = 0, n = rnd(30); j < n; j++) text += junk[rnd(junk.length)];
      check(text);
    }
  });
});

describe('linear time', () => {
  it('a 1 MB file parses quickly', () => {
    const text = 'key_name = "some value"\nother: [1, 2, 3 ]\nm { a = 1, b = two }\n'.repeat(15_000);
    const t0 = Date.now();
    parse(text);
    assert.ok(Date.now() - t0 < 10_000, 'parsing 1 MB took too long');
  });
});
