import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sameJson } from '../../../server/src/sameJson';

// [a, b, same]: whether publishing b after a would send nothing new.
const cases: [unknown, unknown, boolean][] = [
  [[], [], true],
  [[{ a: 1 }], [{ a: 1 }], true],
  [[{ a: 1 }], [{ a: 2 }], false],
  [{ a: 1, b: 2 }, { b: 2, a: 1 }, true],
  [{ a: 1, b: undefined }, { a: 1 }, true],
  [{ a: 1 }, { a: 1, b: 0 }, false],
  [{ a: [1, 2] }, { a: [1, 2, 3] }, false],
  [{ a: null }, { a: null }, true],
  [{ a: null }, { a: {} }, false],
  [[1], { 0: 1 }, false],
  [{ range: { start: { line: 1, character: 2 } }, message: 'x' }, { range: { start: { line: 1, character: 2 } }, message: 'x' }, true],
  [{ range: { start: { line: 1, character: 2 } } }, { range: { start: { line: 1, character: 3 } } }, false],
  ['a', 'a', true],
  [1, '1', false],
];

for (const [a, b, same] of cases) {
  test(`sameJson ${JSON.stringify(a)} vs ${JSON.stringify(b)}: ${same}`, () => {
    assert.equal(sameJson(a, b), same);
    assert.equal(sameJson(b, a), same);
  });
}
