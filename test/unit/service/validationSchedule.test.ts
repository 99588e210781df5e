import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SCHEDULE, ValidationSchedule } from '../../../server/src/validationSchedule';

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

/** One case: the cost of the last full check (undefined: never checked); expected: whether a change is offered to the quick check first, and the full check's delay after a quick answer. */
interface QuickCase { name: string; lastCost?: number; wantsQuick: boolean; afterQuick: number }

const quickCases: QuickCase[] = [
  { name: 'a document never checked goes straight to the full check', wantsQuick: false, afterQuick: 60 },
  { name: 'a cheap document goes straight to the full check', lastCost: 19, wantsQuick: false, afterQuick: 57 },
  { name: 'a document at the cheap limit is offered to the quick check', lastCost: 20, wantsQuick: true, afterQuick: 60 },
  { name: 'the full check waits 3x its cost after a quick answer', lastCost: 40, wantsQuick: true, afterQuick: 120 },
  { name: 'a fractional cost rounds the wait up', lastCost: 20.1, wantsQuick: true, afterQuick: 61 },
  { name: 'the wait after a quick answer never exceeds 150 ms', lastCost: 900, wantsQuick: true, afterQuick: 150 },
];

for (const c of quickCases) {
  test(`schedule, quick check: ${c.name}`, () => {
    const schedule = new ValidationSchedule();
    if (c.lastCost !== undefined) schedule.checked('doc', c.lastCost);
    assert.deepEqual({ wantsQuick: schedule.wantsQuickCheck('doc'), afterQuick: schedule.afterQuickCheck('doc') }, { wantsQuick: c.wantsQuick, afterQuick: c.afterQuick });
  });
}

test('schedule, quick check: the limits come from SCHEDULE, and forget() stops offering the quick check', () => {
  const schedule = new ValidationSchedule();
  schedule.checked('doc', SCHEDULE.cheapMs);
  assert.equal(schedule.wantsQuickCheck('doc'), true);
  schedule.checked('doc', SCHEDULE.maxQuietMs * 10);
  assert.equal(schedule.afterQuickCheck('doc'), SCHEDULE.maxQuietMs);
  schedule.forget('doc');
  assert.equal(schedule.wantsQuickCheck('doc'), false);
});
