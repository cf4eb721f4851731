import fc from 'fast-check';
import { readFileSync, readdirSync } from 'fs';
import { loadYearFiles } from './holiday-files.spec-helper';
import { WorkingCalendar } from './working-calendar';


const DAY_MS = 86_400_000;
const files = loadYearFiles({ readdirSync, readFileSync });
const calendar = WorkingCalendar.fromYearFiles(files);

/**
 * The reference: the rule as the domain brief states it, walked one day at a time with `Date`, sharing
 * no code with the calendar under test.
 */
const listedOffDay = new Map<string, boolean>();
for (const file of files) for (const day of file.days) listedOffDay.set(day.date, day.isOffDay);
const isoOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
function referenceIsWorking(ms: number): boolean {
  const listed = listedOffDay.get(isoOf(ms));
  if (listed !== undefined) return !listed;
  const weekday = new Date(ms).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}
function referenceAdd(date: string, n: number): string {
  let ms = Date.parse(`${date}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    ms += DAY_MS;
    if (referenceIsWorking(ms)) left--;
  }
  return isoOf(ms);
}
/** Working days in (a, b], a ≤ b: a plain loop over the reference's verdict for each day. */
const REFERENCE_FROM_MS = Date.UTC(2006, 11, 1);
const referenceWorking = Array.from({ length: 7400 }, (_, i) => referenceIsWorking(REFERENCE_FROM_MS + i * DAY_MS));
function referenceBetween(a: string, b: string): number {
  const from = (Date.parse(`${a}T00:00:00Z`) - REFERENCE_FROM_MS) / DAY_MS;
  const to = (Date.parse(`${b}T00:00:00Z`) - REFERENCE_FROM_MS) / DAY_MS;
  let count = 0;
  for (let i = from + 1; i <= to; i++) if (referenceWorking[i]) count++;
  return count;
}

const FIRST_MS = Date.UTC(2007, 0, 1);
const LAST_MS = Date.UTC(2026, 11, 31);
const dateIn2007To2026 = fc.integer({ min: 0, max: (LAST_MS - FIRST_MS) / DAY_MS }).map((i) => isoOf(FIRST_MS + i * DAY_MS));
const RUNS = { numRuns: 2000 };

describe('WorkingCalendar properties (2007–2026)', () => {
  it('classifies every day like the reference', () => {
    const wrong: string[] = [];
    for (let ms = FIRST_MS - 31 * DAY_MS; ms <= LAST_MS; ms += DAY_MS) {
      if (calendar.isWorkingDay(isoOf(ms)) !== referenceIsWorking(ms)) wrong.push(isoOf(ms));
    }
    expect(wrong).toEqual([]);
  });

  it('addWorkingDays equals the day-by-day reference', () => {
    fc.assert(
      fc.property(dateIn2007To2026, fc.integer({ min: 0, max: 400 }), (date, n) => {
        expect(calendar.addWorkingDays(date, n)).toBe(referenceAdd(date, n));
      }),
      RUNS,
    );
  });

  it('workingDaysBetween equals the day-by-day reference, and is antisymmetric', () => {
    fc.assert(
      fc.property(dateIn2007To2026, dateIn2007To2026, (x, y) => {
        const [a, b] = x <= y ? [x, y] : [y, x];
        expect(calendar.workingDaysBetween(a, b)).toBe(referenceBetween(a, b));
        expect(calendar.workingDaysBetween(b, a) + referenceBetween(a, b)).toBe(0);
      }),
      RUNS,
    );
  });

  it('workingDaysBetween(a, addWorkingDays(a, n)) === n, forwards and backwards', () => {
    fc.assert(
      fc.property(dateIn2007To2026, fc.integer({ min: -1000, max: 1000 }), (a, n) => {
        expect(calendar.workingDaysBetween(a, calendar.addWorkingDays(a, n))).toBe(n);
      }),
      RUNS,
    );
  });

  it('lands on a working day for n ≠ 0', () => {
    fc.assert(
      fc.property(dateIn2007To2026, fc.integer({ min: -400, max: 400 }).filter((n) => n !== 0), (a, n) =>
        calendar.isWorkingDay(calendar.addWorkingDays(a, n)),
      ),
      RUNS,
    );
  });

  it('is monotonic in the start date and in n', () => {
    fc.assert(
      fc.property(dateIn2007To2026, dateIn2007To2026, fc.nat(300), fc.nat(300), (x, y, m, n) => {
        const [a, b] = x <= y ? [x, y] : [y, x];
        const [small, large] = m <= n ? [m, n] : [n, m];
        expect(calendar.addWorkingDays(a, small) <= calendar.addWorkingDays(b, small)).toBe(true);
        expect(calendar.addWorkingDays(a, small) <= calendar.addWorkingDays(a, large)).toBe(true);
        expect(calendar.workingDaysBetween(a, b)).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });

  it('adds in steps: (a + m) + n === a + (m + n)', () => {
    fc.assert(
      fc.property(dateIn2007To2026, fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 300 }), (a, m, n) => {
        expect(calendar.addWorkingDays(calendar.addWorkingDays(a, m), n)).toBe(calendar.addWorkingDays(a, m + n));
      }),
      RUNS,
    );
  });

  it('only changes answers that touch the replaced year when a year file is replaced', () => {
    const updated = calendar.withYearFile({
      year: 2027,
      papers: [],
      days: [{ name: '元旦', date: '2027-01-01', isOffDay: true }],
    });
    fc.assert(
      fc.property(dateIn2007To2026, fc.integer({ min: 0, max: 300 }), (a, n) => {
        const before = calendar.addWorkingDays(a, n);
        if (before < '2027-01-01') expect(updated.addWorkingDays(a, n)).toBe(before);
        else expect(updated.addWorkingDays(a, n) >= before).toBe(true);
      }),
      RUNS,
    );
  });
});
