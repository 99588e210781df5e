import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ValidationSchedule } from '../../../server/src/validationSchedule';

/**
 * One case: the cost of the document's last check (undefined: never checked), then changes at the
 * given times; expected: the delay answered for each change.
 */
interface Case { name: string; lastCost?: number; changesAt: number[]; delays: number[] }

const cases: Case[] = [
  { name: 'a cheap document is checked at once, even mid-burst', lastCost: 5, changesAt: [0, 10, 20], delays: [0, 0, 0] },
  { name: 'the first change of a document never checked is isolated', changesAt: [1000], delays: [0] },
  { name: 'a burst on a never-checked document waits the longest quiet time', changesAt: [0, 40], delays: [0, 150] },
  { name: 'an expensive document: isolated change at once, burst waits 3x cost', lastCost: 30, changesAt: [0, 50, 200], delays: [0, 90, 0] },
  { name: 'the cheapest document that waits waits 60 ms', lastCost: 20, changesAt: [0, 10], delays: [0, 60] },
  { name: 'the quiet time never exceeds 150 ms', lastCost: 900, changesAt: [0, 100, 200, 400], delays: [0, 150, 150, 0] },
  { name: 'a change exactly one quiet time after the last is isolated', lastCost: 40, changesAt: [0, 120], delays: [0, 0] },
];

for (const c of cases) {
  test(`schedule: ${c.name}`, () => {
    const schedule = new ValidationSchedule();
    if (c.lastCost !== undefined) schedule.checked('doc', c.lastCost);
    assert.deepEqual(c.changesAt.map((at) => schedule.changed('doc', at)), c.delays);
  });
}

test('schedule: documents are independent, and forget() starts a document afresh', () => {
  const schedule = new ValidationSchedule();
  schedule.checked('a', 100);
  schedule.checked('b', 1);
  assert.deepEqual([schedule.changed('a', 0), schedule.changed('a', 10), schedule.changed('b', 10)], [0, 150, 0]);
  schedule.forget('a');
  assert.equal(schedule.changed('a', 20), 0);
});
