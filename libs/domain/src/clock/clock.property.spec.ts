import fc from 'fast-check';
import { readFileSync, readdirSync } from 'fs';
import { loadYearFiles } from '../calendar/holiday-files.spec-helper';
import { WorkingCalendar } from '../calendar/working-calendar';
import { EventLine, caseEvents, item, shanghai } from './case-events.spec-helper';
import { CaseClock } from './clock-types';
import { computeCaseClocks } from './compute-case-clocks';

const files = loadYearFiles({ readdirSync, readFileSync });
const calendar = WorkingCalendar.fromYearFiles(files);

const DAY_MS = 86_400_000;
const FIRST_MS = Date.UTC(2008, 0, 1);
const isoOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const listedOffDay = new Map<string, boolean>();
for (const file of files) for (const day of file.days) listedOffDay.set(day.date, day.isOffDay);
function referenceIsWorking(ms: number): boolean {
  const listed = listedOffDay.get(isoOf(ms));
  if (listed !== undefined) return !listed;
  const weekday = new Date(ms).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}

/** A case: accepted on day `start` (days after 2008-01-01), then suspensions as [gap, length] in days. */
const caseShape = fc.record({
  start: fc.integer({ min: 0, max: 6500 }),
  limit: fc.integer({ min: 0, max: 60 }),
  pauses: fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 30 })), { maxLength: 3 }),
  lastStaysOpen: fc.boolean(),
});
type CaseShape = typeof caseShape extends fc.Arbitrary<infer T> ? T : never;

function pauseDays(shape: CaseShape): [number, number][] {
  let day = shape.start;
  return shape.pauses.map(([gap, length]) => {
    day += gap;
    const span: [number, number] = [day, day + length];
    day += length;
    return span;
  });
}

function statutoryClock(shape: CaseShape, withPauses: boolean, nowDay: number): CaseClock {
  const local = (day: number, time: string) => `${isoOf(FIRST_MS + day * DAY_MS)} ${time}`;
  const lines: EventLine[] = [['ACCEPTED', local(shape.start, '10:00'), {}]];
  if (withPauses) {
    pauseDays(shape).forEach(([from, to], index) => {
      lines.push(['SUSPENDED', local(from, '11:00'), { reason: 'EXPERT_REVIEW', expectedDays: 5, noticeIssued: true }]);
      const open = shape.lastStaysOpen && index === shape.pauses.length - 1;
      if (!open) lines.push(['RESUMED', local(to, '15:00'), {}]);
    });
  }
  const result = computeCaseClocks({
    events: caseEvents(...lines),
    item: item({ statutoryDays: shape.limit || 1, promisedDays: 1 }),
    calendar,
    now: shanghai(local(nowDay, '12:00')),
  });
  const found = result.clocks.find((clock) => clock.kind === 'DECISION_STATUTORY');
  if (!found) throw new Error('no statutory clock');
  return found;
}

/** Reference due day: walk the days after acceptance; a day counts if working and in no (from, to]. */
function referenceDueOn(shape: CaseShape): string {
  const limit = shape.limit || 1;
  const pauses = pauseDays(shape);
  let counted = 0;
  let day = shape.start;
  while (counted < limit) {
    day++;
    const paused = pauses.some(([from, to]) => day > from && day <= to);
    if (!paused && referenceIsWorking(FIRST_MS + day * DAY_MS)) counted++;
  }
  return isoOf(FIRST_MS + day * DAY_MS);
}

describe('clock properties', () => {
  it('moves the due date by exactly the suspended working days (day-by-day reference)', () => {
    fc.assert(
      fc.property(caseShape, (shape) => {
        const closed = { ...shape, lastStaysOpen: false };
        expect(statutoryClock(closed, true, shape.start + 400).dueOn).toBe(referenceDueOn(closed));
      }),
      { numRuns: 300 },
    );
  });

  it('pauses never shorten time: due no earlier, used no larger, at any moment', () => {
    fc.assert(
      fc.property(caseShape, fc.integer({ min: 0, max: 200 }), (shape, readAfter) => {
        const nowDay = shape.start + readAfter;
        const paused = statutoryClock(shape, true, nowDay);
        const plain = statutoryClock(shape, false, nowDay);
        expect(paused.dueOn >= plain.dueOn).toBe(true);
        expect(paused.usedWorkingDays).toBeLessThanOrEqual(plain.usedWorkingDays);
        expect(paused.usedWorkingDays + paused.suspendedWorkingDays).toBe(plain.usedWorkingDays);
        if (plain.state === 'running') expect(paused.state).not.toBe('breached');
      }),
      { numRuns: 300 },
    );
  });

  it('is monotonic in time: used never decreases as now advances; a breach stays a breach', () => {
    fc.assert(
      fc.property(caseShape, fc.nat(150), fc.nat(60), (shape, first, step) => {
        const earlier = statutoryClock(shape, true, shape.start + first);
        const later = statutoryClock(shape, true, shape.start + first + step);
        expect(later.usedWorkingDays).toBeGreaterThanOrEqual(earlier.usedWorkingDays);
        if (earlier.state === 'breached') expect(later.state).toBe('breached');
        if (!earlier.explanation.suspensions.some((s) => s.resumedOn === undefined)) expect(later.dueOn).toBe(earlier.dueOn);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps its numbers consistent: used + remaining = limit; next check only while running, before due', () => {
    fc.assert(
      fc.property(caseShape, fc.nat(120), (shape, readAfter) => {
        const clock = statutoryClock(shape, true, shape.start + readAfter);
        expect(clock.usedWorkingDays + clock.remainingWorkingDays).toBe(clock.limitWorkingDays);
        expect(clock.warningAt <= clock.dueAt).toBe(true);
        if (clock.state === 'running') expect(clock.nextCheckAt !== null && clock.nextCheckAt <= clock.dueAt).toBe(true);
        else expect(clock.nextCheckAt).toBeNull();
        const counted = clock.explanation.countedRanges.reduce((sum, range) => sum + range.workingDays, 0);
        if (!clock.explanation.truncated && clock.state !== 'paused') {
          expect(counted).toBe(Math.max(clock.limitWorkingDays, clock.usedWorkingDays));
        }
      }),
      { numRuns: 300 },
    );
  });
});
