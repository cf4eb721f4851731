import { formatReportTime } from './report-time';

describe('formatReportTime', () => {
  it('writes an instant in Beijing time as Chinese readers expect', () => {
    expect(formatReportTime('2026-12-04T14:04:01.279Z', 'zh')).toBe('2026年12月4日 22:04');
    // After 16:00 UTC it is already the next day in Beijing.
    expect(formatReportTime('2026-12-31T16:30:00Z', 'zh')).toBe('2027年1月1日 00:30');
    expect(formatReportTime('2026-12-04T14:04:01.279Z', 'en')).toBe('4 Dec 2026 22:04 (Beijing time)');
  });
});
