import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findReferences } from '../../../server/src/features/references';
import { setup, SetupOptions, where } from './helpers';

/** References at `|` (declaration included unless told otherwise), as `file:line:start-end`. */
function refers(input: string, expected: string[], options: SetupOptions & { withoutDeclaration?: boolean } = {}) {
  it(`${JSON.stringify(input)} → ${expected.join(', ') || 'none'}`, () => {
    const s = setup(input, options);
    const got = findReferences(s.doc, s.position, s.ctx, !options.withoutDeclaration).map((l) => where(l.uri, l.range));
    assert.deepEqual(got, expected);
  });
}

describe('references', () => {
  refers('X = 1\nport: $|X', ['nats.conf:1:0-1', 'nats.conf:2:6-8']);
  refers('X| = 1\nport: $X', ['nats.conf:1:0-1', 'nats.conf:2:6-8']);
  refers('X| = 1\nport: $X', ['nats.conf:2:6-8'], { withoutDeclaration: true });
  refers('X| = 1', ['nats.conf:1:0-1']);
  refers('X| = 1', [], { withoutDeclaration: true });
  refers('X = 1\na: $X\nb: $|X\nc { d: $X }', ['nats.conf:1:0-1', 'nats.conf:2:3-5', 'nats.conf:3:3-5', 'nats.conf:4:7-9']);
  refers('X = 1\na: $|X\nX = 2\nb: $X', ['nats.conf:1:0-1', 'nats.conf:2:3-5']);
  refers('X = 1\na: $X\nX| = 2\nb: $X', ['nats.conf:3:0-1', 'nats.conf:4:3-5']);
  refers('X| = 1\nc { X = 2, a: $X }\nb: $X', ['nats.conf:1:0-1', 'nats.conf:3:3-5']);
  refers('X = 1\nc { X| = 2, a: $X }\nb: $X', ['nats.conf:2:4-5', 'nats.conf:2:14-16']);
  refers('X| = 1\nc [ $X, { a: $X } ]', ['nats.conf:1:0-1', 'nats.conf:2:4-6', 'nats.conf:2:13-15']);
  refers('a: $|HOME\nb: $HOME', ['nats.conf:1:3-8', 'nats.conf:2:3-8'], { env: { HOME: '/root' } });
  refers('a: $|NOPE\nb: $NOPE', []);
  refers('port: 4|222', []);
  refers('po|rt: 4222', ['nats.conf:1:0-4']);
  refers('include "v.conf"\nport: $|P', ['v.conf:1:0-1', 'nats.conf:2:6-8'], { files: { 'v.conf': 'P = 1\n' } });
  refers('P| = 1\nhttp_port: $P', ['v.conf:1:0-1', 'v.conf:2:11-13', 'nats.conf:2:6-8'], { file: 'v.conf', files: { 'nats.conf': 'include "v.conf"\nport: $P\n' } });
  refers('P| = 1', ['v.conf:1:0-1'], { file: 'v.conf', files: { 'nats.conf': 'port: $P\ninclude "v.conf"\n' } });
  refers('P| = 1', ['v.conf:1:0-1', 'nats.conf:3:6-8'], { file: 'v.conf', files: { 'nats.conf': 'P = 0\ninclude "v.conf"\nport: $P\n' } });
  refers('P| = 1', ['v.conf:1:0-1'], { file: 'v.conf', files: { 'nats.conf': 'include "v.conf"\nP = 0\nport: $P\n' } });
  // An included file is parsed on its own: it cannot see the includer's variables.
  refers('P| = 1\ninclude "u.conf"', ['nats.conf:1:0-1'], { files: { 'u.conf': 'port: $P' } });
});
