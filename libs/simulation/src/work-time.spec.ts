import fc from 'fast-check';
import { Rng, mulberry32 } from './prng';
import { OFFICE_CLOSE, OFFICE_OPEN, Timeline, WorkClock, formatShanghai, localDate, localDayStart } from './work-time';

const at = (iso: string) => Date.parse(iso);

describe('Shanghai wall-clock helpers', () => {
  it('formats with the +08:00 offset and finds the local date across midnight UTC', () => {
    expect(formatShanghai(at('2025-09-26T01:30:45.678Z'))).toBe('2025-09-26T09:30:45+08:00');
    expect(localDate(at('2025-09-26T16:30:00Z'))).toBe('2025-09-27');
    expect(formatShanghai(localDayStart(at('2025-09-26T16:30:00Z')))).toBe('2025-09-27T00:00:00+08:00');
  });

  it('counts working days Monday–Friday by default, or by the calendar it is given', () => {
    const friday = at('2025-09-26T02:00:00Z');
    const clock = new WorkClock();
    expect(localDate(clock.addWorkingDays(friday, 1))).toBe('2025-09-29');
    expect(clock.workingDaysBetween(friday, at('2025-10-03T02:00:00Z'))).toBe(5);
    const goldenWeek = new WorkClock((date) => date === '2025-09-28' || (!(date >= '2025-10-01' && date <= '2025-10-08') && new WorkClock().isWorkingDay(at(`${date}T04:00:00Z`))));
    expect(localDate(goldenWeek.addWorkingDays(friday, 1))).toBe('2025-09-28');
    expect(localDate(goldenWeek.addWorkingDays(friday, 3))).toBe('2025-09-30');
    expect(localDate(goldenWeek.addWorkingDays(friday, 4))).toBe('2025-10-09');
    expect(() => new WorkClock(() => false).addWorkingDays(friday, 1)).toThrow(RangeError);
  });

  it('moves instants outside office hours to the next opening', () => {
    const clock = new WorkClock();
    expect(formatShanghai(clock.toOffice(at('2025-09-26T00:15:00Z')))).toBe('2025-09-26T09:00:00+08:00');
    expect(formatShanghai(clock.toOffice(at('2025-09-26T03:15:00Z')))).toBe('2025-09-26T11:15:00+08:00');
    expect(formatShanghai(clock.toOffice(at('2025-09-26T10:00:00Z')))).toBe('2025-09-29T09:00:00+08:00');
  });
});

describe('Timeline', () => {
  it('always moves forward, lands on working days in office hours, and keeps same-day moves on the day', () => {
    const clock = new WorkClock();
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: at('2024-01-01T00:00:00Z'), max: at('2027-01-01T00:00:00Z') }), fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 30 }), (seed, start, moves) => {
        const timeline = new Timeline(start, clock, new Rng(seed));
        timeline.toOffice();
        for (const days of moves) {
          const before = timeline.at;
          const after = days === 0 ? timeline.minutes(5, 90) : timeline.days(days);
          expect(after).toBeGreaterThanOrEqual(before + 60_000);
          expect(clock.isWorkingDay(after)).toBe(true);
          const intoDay = after - localDayStart(after);
          expect(intoDay).toBeGreaterThanOrEqual(OFFICE_OPEN);
          if (days > 0) expect(intoDay).toBeLessThan(OFFICE_CLOSE);
          if (days > 0) expect(clock.workingDaysBetween(before, after)).toBe(days);
          else if (before - localDayStart(before) < OFFICE_CLOSE) expect(localDate(after)).toBe(localDate(before));
        }
      }),
    );
  });
});

describe('mulberry32', () => {
  it('is reproducible and roughly uniform', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const values = Array.from({ length: 10_000 }, () => a());
    expect(values.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
  });
});
