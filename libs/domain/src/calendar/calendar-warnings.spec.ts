import { readdirSync, readFileSync } from 'node:fs';
import { calendarWarnings } from './calendar-warnings';
import { loadYearFiles } from './holiday-files.spec-helper';
import { WorkingCalendar } from './working-calendar';

const files = loadYearFiles({ readdirSync, readFileSync });
const shipped = WorkingCalendar.fromYearFiles(files);

describe('calendarWarnings', () => {
  it('is quiet in October when the current year is published', () => {
    expect(calendarWarnings(shipped, new Date('2026-10-31T15:59:00Z'))).toEqual([]);
  });

  it('warns from 1 November (Asia/Shanghai) that next year is missing', () => {
    // 2026-10-31T16:00Z is 2026-11-01 00:00 in Shanghai.
    const warnings = calendarWarnings(shipped, new Date('2026-10-31T16:00:00Z'));
    expect(warnings).toEqual([expect.objectContaining({ code: 'CALENDAR_NOT_PUBLISHED', year: 2027 })]);
    expect(warnings[0].message).toContain('PUT /api/v1/calendars/2027');
  });

  it('warns about the current year itself when it is not published', () => {
    expect(calendarWarnings(shipped, new Date('2027-03-01T00:00:00Z')).map((w) => w.year)).toEqual([2027]);
  });

  it('is quiet once next year is loaded', () => {
    const loaded = shipped.withYearFile({ year: 2027, papers: [], days: [{ name: '元旦', date: '2027-01-01', isOffDay: true }] });
    expect(calendarWarnings(loaded, new Date('2026-11-30T00:00:00Z'))).toEqual([]);
  });
});
