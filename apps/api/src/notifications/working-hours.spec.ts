import fc from 'fast-check';
import { readBundledCalendars } from '../calendar/bundled-calendars';
import { addWorkingHours, isWorkingTime, nextWorkingTime, OfficeHours, officeOpeningOf, parseWorkingWindows, WorkingCalendar } from '@app/domain';

const hours: OfficeHours = {
  calendar: WorkingCalendar.fromYearFiles(readBundledCalendars()),
  windows: parseWorkingWindows('08:30-12:00,14:00-17:30'),
  utcOffsetMinutes: 480,
};
const at = (local: string): number => Date.parse(`${local}+08:00`);
const local = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16);

describe('office hours on the working-day calendar', () => {
  it.each([
    ['2025-09-30T10:00', true, 'a Tuesday morning'],
    ['2025-09-30T12:30', false, 'the lunch break'],
    ['2025-09-30T17:30', false, 'closing time itself'],
    ['2025-10-01T10:00', false, 'National Day'],
    ['2025-10-08T10:00', false, 'a weekday inside the holiday break'],
    ['2025-09-28T09:00', true, 'a make-up working Sunday'],
    ['2025-10-12T09:00', false, 'an ordinary Sunday'],
  ])('%s is working time: %s (%s)', (when, expected) => {
    expect(isWorkingTime(hours, at(when))).toBe(expected);
  });

  it.each([
    ['2025-09-30T10:00', '2025-09-30T10:00', 'already open: at once'],
    ['2025-09-30T12:30', '2025-09-30T14:00', 'after lunch'],
    ['2025-09-30T18:00', '2025-10-09T08:30', 'evening before the National Day break: the first morning after it'],
    ['2025-10-01T10:00', '2025-10-09T08:30', 'on the holiday'],
    ['2025-09-27T23:00', '2025-09-28T08:30', 'Saturday night before a make-up working Sunday'],
  ])('the next working time after %s is %s (%s)', (from, expected) => {
    expect(local(nextWorkingTime(hours, at(from)))).toBe(expected);
  });

  it.each([
    ['2025-09-30T16:00', 4, '2025-10-09T11:00', '1.5 h before closing, 2.5 h after the break'],
    ['2025-09-30T10:00', 2.5, '2025-09-30T14:30', 'the lunch break does not count'],
    ['2025-09-30T14:00', 3.5, '2025-10-09T08:30', 'ending exactly at closing carries to the next opening'],
    ['2025-10-03T03:00', 1, '2025-10-09T09:30', 'counting starts at the next opening'],
    ['2025-09-26T17:00', 8, '2025-09-29T09:00', 'Friday 17:00 + 8 h works the make-up Sunday: 0.5 + 7 + 0.5'],
  ])('%s + %d working hours = %s (%s)', (from, n, expected) => {
    expect(local(addWorkingHours(hours, at(from), n))).toBe(expected);
  });

  it('opens each working day at its first window; a rest day has no opening', () => {
    expect(officeOpeningOf(hours, at('2025-09-30T07:00'))).toEqual({ day: '2025-09-30', opensAt: at('2025-09-30T08:30') });
    expect(officeOpeningOf(hours, at('2025-10-02T09:00'))).toBeNull();
  });

  it('always lands inside office hours, never before the start, and adds up over splits', () => {
    const start = at('2024-01-01T00:00');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 365 * 24 * 60 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 40 }), (minutes, a, b) => {
        const from = start + minutes * 60_000;
        const end = addWorkingHours(hours, from, a + b);
        expect(isWorkingTime(hours, end)).toBe(true);
        expect(end).toBeGreaterThan(from);
        expect(addWorkingHours(hours, addWorkingHours(hours, from, a), b)).toBe(end);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['9:00-17:00', /look like/],
    ['09:00-08:00', /end after it starts/],
    ['08:30-12:00,11:00-17:30', /not overlap/],
    ['25:00-26:00', /does not exist/],
  ])('refuses the office hours %s', (text, reason) => {
    expect(() => parseWorkingWindows(text)).toThrow(reason);
  });
});
