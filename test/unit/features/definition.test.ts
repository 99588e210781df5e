import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDefinition } from '../../../server/src/features/definition';
import { setup, SetupOptions, where } from './helpers';

/** Go to definition at `|`: the targets as `file:line:start-end`, or [] for none. */
function goesTo(input: string, expected: string[], options: SetupOptions = {}) {
  it(`${JSON.stringify(input)} → ${expected.join(', ') || 'nowhere'}`, () => {
    const s = setup(input, options);
    assert.deepEqual(findDefinition(s.doc, s.position, s.ctx).map((l) => where(l.uri, l.range)), expected);
  });
}

describe('definition: variables', () => {
  goesTo('X = 1\nport: $|X', ['nats.conf:1:0-1']);
  goesTo('X = 1\nport: |$X', ['nats.conf:1:0-1']);
  goesTo('X = 1\nport: $X|', ['nats.conf:1:0-1']);
  goesTo('XY = 1\nport: $X|Y', ['nats.conf:1:0-2']);
  goesTo('X = 1\nX = 2\nport: $|X', ['nats.conf:2:0-1']);
  goesTo('X = 1\nport: $|X\nX = 2', ['nats.conf:1:0-1']);
  goesTo('port: $|X\nX = 2', []);
  goesTo('X = 1\nc {\n  X = 2\n  port: $|X\n}', ['nats.conf:3:2-3']);
  goesTo('X = 1\nc {\n  port: $|X\n  X = 2\n}', ['nats.conf:1:0-1']);
  goesTo('X = 1\nc {\n  d {\n    port: $|X\n  }\n}', ['nats.conf:1:0-1']);
  goesTo('c {\n  X = 2\n}\nport: $|X', []);
  goesTo('X = 1\nc [\n  { port: $|X }\n]', ['nats.conf:1:0-1']);
  goesTo('X = 1\nc [ $|X ]', ['nats.conf:1:0-1']);
  goesTo('X = 1\nc { X = [1 ], y { port: $|X } }', ['nats.conf:2:4-5']);
  goesTo('x = 1\nport: $|X', []);
  goesTo('X = 1\nY = $X\nport: $|Y', ['nats.conf:2:0-1']);
  goesTo('X = 1\nY = $|X', ['nats.conf:1:0-1']);
  goesTo('X = $|X', []);
  goesTo('"X" = 1\nport: $|X', ['nats.conf:1:0-3']);
  goesTo('X: 1; port: $|X', ['nats.conf:1:0-1']);
  goesTo('port: $|HOME', [], { env: { HOME: '/root' } });
  goesTo('X = 1\nport: 4|222', []);
  goesTo('X| = 1\nport: $X', []);
  goesTo('authorization { password: $2a$11$|abc }', [], { env: { '2a$11$abc': 'x' } });
  goesTo('include "v.conf"\nport: $|P', ['v.conf:1:0-1'], { files: { 'v.conf': 'P = 1\n' } });
  goesTo('include "v.conf"\nport: $|P', ['v.conf:2:0-1'], { files: { 'v.conf': 'Q = 0\nP = 1\n' } });
  goesTo('include "v.conf"\nP = 2\nport: $|P', ['nats.conf:2:0-1'], { files: { 'v.conf': 'P = 1\n' } });
  goesTo('P = 2\ninclude "v.conf"\nport: $|P', ['v.conf:1:0-1'], { files: { 'v.conf': 'P = 1\n' } });
  goesTo('include "v.conf"\nport: $|P', ['w.conf:1:0-1'], { files: { 'v.conf': 'include "w.conf"\n', 'w.conf': 'P = 1' } });
  goesTo('include "v.conf"\nport: $|P', [], { files: { 'v.conf': 'c { P = 1 }\n' } });
  goesTo('c { include "v.conf" }\nport: $|P', [], { files: { 'v.conf': 'P = 1\n' } });
  goesTo('c { include "v.conf"\n port: $|P }', ['v.conf:1:0-1'], { files: { 'v.conf': 'P = 1\n' } });
  goesTo('include "self.conf"\nport: $|P', [], { files: { 'self.conf': 'include "self.conf"\n' } });
  goesTo('P = 1\nport: $|P', ['x.conf:1:0-1'], { file: 'sub/x.conf' });
  goesTo('P = 1\nport: $|P', ['v.conf:1:0-1'], { file: 'v.conf' });
});

describe('definition: includes', () => {
  goesTo('include "a.|conf"', ['a.conf:1:0-0'], { files: { 'a.conf': 'port: 1' } });
  goesTo('inc|lude a.conf', ['a.conf:1:0-0'], { files: { 'a.conf': 'port: 1' } });
  goesTo("include 'sub/b.|conf'", ['b.conf:1:0-0'], { files: { 'sub/b.conf': '' } });
  goesTo('include "mis|sing.conf"', []);
  goesTo('c {\n  include "a.c|onf"\n}', ['a.conf:1:0-0'], { files: { 'a.conf': '' } });
});
