import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getFoldingRanges } from '../../../server/src/features/folding';
import { setup } from './helpers';

/** Folding ranges as `start-end` (0-based lines), `c` marking comment runs. */
function folds(input: string, expected: string[]) {
  it(`${JSON.stringify(input)} → ${expected.join(' ') || 'none'}`, () => {
    const s = setup(input);
    const got = getFoldingRanges(s.doc).map((r) => `${r.startLine}-${r.endLine}${r.kind === 'comment' ? 'c' : ''}`);
    assert.deepEqual(got, expected);
  });
}

describe('folding ranges', () => {
  folds('', []);
  folds('port: 4222', []);
  folds('a { b: 1 }', []);
  folds('a {\n  b: 1\n}', ['0-1']);
  folds('a {\n  b: 1\n  c: 2\n}', ['0-2']);
  folds('a {\n  b: 1 }', ['0-1']);
  folds('a {\n  b {\n    c: 1\n  }\n}', ['0-3', '1-2']);
  folds('a: [\n  1\n  2\n]', ['0-2']);
  folds('a: [\n  {\n    b: 1\n  }\n]', ['0-3', '1-2']);
  folds('a: [ 1, 2 ]', []);
  folds('a {\n  b: 1\n', ['0-1']);
  folds('# one\n# two\nport: 1', ['0-1c']);
  folds('# one\nport: 1\n# two', []);
  folds('# one\n# two\n# three\n\n# four\n# five', ['0-2c', '4-5c']);
  folds('port: 1 # trailing\n# alone', []);
  folds('// one\n# two', ['0-1c']);
  folds('a {\n  # x\n  # y\n  b: 1\n}', ['0-3', '1-2c']);
  folds('text: (\nline one\nline two\n)', ['0-2']);
  folds('text: (one line)', []);
  folds('{\n  port: 1\n}', ['0-1']);
  folds('leafnodes {\n  remotes [\n    { url: a }\n    { url: b }\n  ]\n}', ['0-4', '1-3']);
  folds('a {\n}', []);
  folds('a {\n\n}', ['0-1']);
});
