import { eventDateRange } from './event-date-range';
import { WorkingCalendar } from './working-calendar';

describe('the dates a case event may carry', () => {
  it('runs from 2000 to the year after the last published notice', () => {
    const calendar = WorkingCalendar.fromYearFiles([
      { year: 2025, papers: ['p'], days: [{ name: '元旦', date: '2025-01-01', isOffDay: true }] },
      { year: 2026, papers: ['p'], days: [{ name: '元旦', date: '2026-01-01', isOffDay: true }] },
      { year: 2027, papers: [], days: [] },
    ]);
    expect(eventDateRange(calendar)).toEqual({ from: '2000-01-01', through: '2027-12-31' });
  });

  it('never beyond 2099, the calendar\'s last year', () => {
    const calendar = WorkingCalendar.fromYearFiles([{ year: 2099, papers: ['p'], days: [{ name: '元旦', date: '2099-01-01', isOffDay: true }] }]);
    expect(eventDateRange(calendar).through).toBe('2099-12-31');
  });
});
