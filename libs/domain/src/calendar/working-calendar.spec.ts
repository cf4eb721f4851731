import { readFileSync, readdirSync } from 'fs';
import { HolidayYearFile } from './holiday-year-file';
import { loadYearFiles } from './holiday-files.spec-helper';
import { WorkingCalendar } from './working-calendar';
import { deadlineFor, workingDaysUsed } from './deadline';


/** The 2027 notice as a fixture: only New Year's Day, enough to show a provisional clock becoming exact. */
const PUBLISHED_2027: HolidayYearFile = {
  year: 2027,
  papers: ['fixture'],
  days: [{ name: '元旦', date: '2027-01-01', isOffDay: true }],
};

describe('WorkingCalendar', () => {
  const calendar = WorkingCalendar.fromYearFiles(loadYearFiles({ readdirSync, readFileSync }));

  it('publishes 2007–2026 and not 2027 (its file is empty)', () => {
    expect(calendar.publishedYears()).toEqual(Array.from({ length: 20 }, (_, i) => 2007 + i));
    expect(calendar.isPublishedYear(2027)).toBe(false);
    expect(calendar.yearFile(2027)?.days).toEqual([]);
  });

  it('counts the law example: accepted 2025-09-26 + 20 working days is due 2025-10-30', () => {
    expect(calendar.addWorkingDays('2025-09-26', 20)).toBe('2025-10-30');
    expect(calendar.workingDaysBetween('2025-09-26', '2025-10-30')).toBe(20);
    expect(deadlineFor(calendar, '2025-09-26', 20)).toEqual({
      dueOn: '2025-10-30',
      dueAt: '2025-10-30T16:00:00.000Z',
      provisional: false,
    });
  });

  describe.each([
    // [label, start, n, expected]
    ['National Day 2025: make-up Sunday 09-28 is day 1', '2025-09-26', 1, '2025-09-28'],
    ['National Day 2025: 10-01…10-08 are off', '2025-09-30', 1, '2025-10-09'],
    ['National Day 2025: make-up Saturday 10-11', '2025-10-10', 1, '2025-10-11'],
    ['Spring Festival 2025: make-up Sunday 01-26', '2025-01-24', 1, '2025-01-26'],
    ['Spring Festival 2025: 01-28…02-04 off', '2025-01-26', 2, '2025-02-05'],
    ['Spring Festival 2025: make-up Saturday 02-08', '2025-02-07', 1, '2025-02-08'],
    ['Spring Festival 2026: make-up Saturday 02-14, then 02-15…02-23 off', '2026-02-13', 2, '2026-02-24'],
    ['Spring Festival 2026: make-up Saturday 02-28', '2026-02-27', 1, '2026-02-28'],
    ['National Day 2026: Mid-Autumn 09-25…27 and 10-01…07 off', '2026-09-24', 1, '2026-09-28'],
    ['National Day 2026: make-up Saturday 10-10', '2026-10-09', 1, '2026-10-10'],
    ['December make-up Saturday listed in the 2019 file', '2018-12-28', 1, '2018-12-29'],
    ['…then 2018-12-30, 12-31 and 2019-01-01 are off', '2018-12-29', 1, '2019-01-02'],
    ['December make-up Saturday listed in the 2012 file', '2011-12-30', 1, '2011-12-31'],
    ['2007-12-30/31 off, listed in the 2008 file', '2007-12-29', 1, '2008-01-02'],
    ['year boundary 2025→2026: 2026-01-01…03 off, 01-04 make-up Sunday', '2025-12-31', 1, '2026-01-04'],
    ['start on a holiday: counting begins after it', '2025-10-03', 1, '2025-10-09'],
    ['n = 0 is the start day itself', '2025-10-03', 0, '2025-10-03'],
    ['going back over the National Day break', '2025-10-09', -1, '2025-09-30'],
  ])('%s', (_label, start, n, expected) => {
    it(`${start} + ${n} = ${expected}`, () => {
      expect(calendar.addWorkingDays(start, n)).toBe(expected);
      expect(calendar.workingDaysBetween(start, expected)).toBe(n);
    });
  });

  it.each([
    ['2025-09-28', { working: true, reason: 'MAKEUP_WORKDAY', holidayName: '国庆节、中秋节' }],
    ['2025-10-01', { working: false, reason: 'HOLIDAY', holidayName: '国庆节、中秋节' }],
    ['2025-10-04', { working: false, reason: 'HOLIDAY', holidayName: '国庆节、中秋节' }],
    ['2025-10-12', { working: false, reason: 'WEEKEND' }],
    ['2025-10-13', { working: true, reason: 'WORKDAY' }],
    ['2018-12-29', { working: true, reason: 'MAKEUP_WORKDAY', holidayName: '元旦' }],
    ['2018-12-31', { working: false, reason: 'HOLIDAY', holidayName: '元旦' }],
    ['2022-12-31', { working: false, reason: 'HOLIDAY', holidayName: '元旦' }],
    ['2006-12-31', { working: true, reason: 'MAKEUP_WORKDAY', holidayName: '元旦' }],
  ])('describes %s', (date, expected) => {
    expect(calendar.describeDay(date)).toEqual({ date, provisional: date < '2007-01-01', ...expected });
    expect(calendar.isWorkingDay(date)).toBe(expected.working);
  });

  it('counts a whole published year', () => {
    // 2025: 261 weekdays − 18 weekday holidays (New Year 1, Spring Festival 6, Qingming 1, Labour Day 3,
    // Dragon Boat 1, National Day 6) + 5 make-up weekend days (01-26, 02-08, 04-27, 09-28, 10-11) = 248.
    expect(calendar.workingDaysBetween('2024-12-31', '2025-12-31')).toBe(248);
    expect(calendar.workingDaysBetween('2025-12-31', '2024-12-31')).toBe(-248);
  });

  describe('provisional days', () => {
    it('marks unpublished years, and the December before one, as provisional', () => {
      expect(calendar.isProvisional('2026-11-30')).toBe(false);
      expect(calendar.isProvisional('2026-12-01')).toBe(true); // the 2027 notice may still list it
      expect(calendar.isProvisional('2027-01-01')).toBe(true);
      expect(calendar.isProvisional('2025-12-31')).toBe(false);
      expect(calendar.describeDay('2027-01-01')).toEqual({
        date: '2027-01-01',
        working: true,
        reason: 'WORKDAY',
        provisional: true,
      });
    });

    it('computes a clock running into 2027 Monday–Friday and marks it provisional', () => {
      // 12-18 (1), 12-21…25 (6), 12-28…31 (10), 2027-01-01 (11, a Friday), 01-04…08 (16), 01-11…14 (20)
      expect(deadlineFor(calendar, '2026-12-17', 20)).toEqual({
        dueOn: '2027-01-14',
        dueAt: '2027-01-14T16:00:00.000Z',
        provisional: true,
      });
      expect(deadlineFor(calendar, '2026-11-02', 10).provisional).toBe(false);
    });

    it('becomes exact, and moves, when the 2027 notice is loaded', () => {
      const updated = calendar.withYearFile(PUBLISHED_2027);
      expect(updated.publishedYears()).toContain(2027);
      expect(updated.describeDay('2027-01-01')).toEqual({
        date: '2027-01-01',
        working: false,
        reason: 'HOLIDAY',
        holidayName: '元旦',
        provisional: false,
      });
      expect(deadlineFor(updated, '2026-12-17', 20)).toEqual({
        dueOn: '2027-01-15',
        dueAt: '2027-01-15T16:00:00.000Z',
        provisional: false,
      });
      // The original calendar is untouched: calendars are values.
      expect(calendar.addWorkingDays('2026-12-17', 20)).toBe('2027-01-14');
    });
  });

  it('tells working days used, start day excluded', () => {
    expect(workingDaysUsed(calendar, '2025-09-26', '2025-09-26')).toBe(0);
    expect(workingDaysUsed(calendar, '2025-09-26', '2025-09-28')).toBe(1);
    expect(workingDaysUsed(calendar, '2025-09-26', '2025-09-20')).toBe(0);
  });

  it('refuses broken files and dates outside its range', () => {
    const bad: HolidayYearFile = { year: 2028, papers: [], days: [{ name: 'x', date: '2026-05-01', isOffDay: true }] };
    expect(() => calendar.withYearFile(bad)).toThrow(/outside 2027-12-01..2028-12-31/);
    expect(() => WorkingCalendar.fromYearFiles([PUBLISHED_2027, PUBLISHED_2027])).toThrow(/twice/);
    expect(() => calendar.addWorkingDays('1999-12-31', 1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2099-12-31', 5)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2025-01-01', 1.5)).toThrow(RangeError);
  });
});
