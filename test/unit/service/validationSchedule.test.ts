import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ValidationSchedule } from '../../../server/src/validationSchedule';

/**
 * One case: the cost of the document's last check (undefined: never checked), then a series of
 * changes, each saying whether a check was still waiting when it came; expected: the delays.
 */
interface Case { name: string; lastCost?: number; waiting: boolean[]; delays: number[] }

const cases: Case[] = [
  { name: 'a cheap document is checked at once, even mid-burst', lastCost: 5, waiting: [false, true, true], delays: [0, 0, 0] },
  { name: 'a change with no check waiting is checked at once', lastCost: 400, waiting: [false], delays: [0] },
  { name: 'a burst: the first key at once, later keys wait 3x the cost', lastCost: 30, waiting: [false, true, true], delays: [0, 90, 90] },
  { name: 'the cheapest document that waits waits 60 ms', lastCost: 20, waiting: [true], delays: [60] },
  { name: 'the quiet time never exceeds 150 ms', lastCost: 900, waiting: [true], delays: [150] },
  { name: 'a document never checked waits a little, for documents opened with it', waiting: [false, true], delays: [50, 50] },
];

for (const c of cases) {
  test(`schedule: ${c.name}`, () => {
    const schedule = new ValidationSchedule();
    if (c.lastCost !== undefined) schedule.checked('doc', c.lastCost);
    assert.deepEqual(c.waiting.map((waiting) => schedule.changed('doc', waiting)), c.delays);
  });
}

test('schedule: documents are independent, and forget() starts a document afresh', () => {
  const schedule = new ValidationSchedule();
  schedule.checked('a', 100);
  schedule.checked('b', 1);
  assert.deepEqual([schedule.changed('a', true), schedule.changed('b', true)], [150, 0]);
  schedule.forget('a');
  assert.equal(schedule.changed('a', true), 50);
  schedule.checked('a', 2);
  assert.equal(schedule.changed('a', true), 0);
});
