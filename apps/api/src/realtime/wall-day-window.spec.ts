import { wallDayWindow } from './wall-day-window';

describe('wallDayWindow', () => {
  it('takes "today" in Asia/Shanghai: 23:30 UTC is already the next local day', () => {
    const window = wallDayWindow(new Date('2026-11-29T23:30:00Z'), 30);
    expect(window.today).toBe('2026-11-30');
    expect(window.todayStart.toISOString()).toBe('2026-11-29T16:00:00.000Z');
    expect(window.todayEnd.toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });

  it('spans the trend window oldest first, ending today, with its first instant', () => {
    const window = wallDayWindow(new Date('2026-03-01T04:00:00Z'), 3);
    expect(window.trendDays).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
    expect(window.trendStart.toISOString()).toBe('2026-02-26T16:00:00.000Z');
  });
});
