import { lastEndedQuarter, parseQuarter, previousQuarter, quarterOf } from './quarters';

describe('quarters', () => {
  it('parses keys into local date ranges', () => {
    expect(parseQuarter('2025Q4')).toEqual({ key: '2025Q4', year: 2025, quarter: 4, from: '2025-10-01', to: '2025-12-31' });
    expect(parseQuarter('2024Q1')?.to).toBe('2024-03-31');
    expect(parseQuarter('2025Q5')).toBeNull();
    expect(parseQuarter('25Q1')).toBeNull();
    // A year the quarters do not cover is bad input (the routes answer 400), not an exception.
    expect(parseQuarter('1999Q1')).toBeNull();
    expect(parseQuarter('2101Q1')).toBeNull();
  });

  it('finds the last ended quarter in Shanghai time, across the new year', () => {
    // 2026-01-01 00:30 in Shanghai is still 2025-12-31 in UTC.
    expect(lastEndedQuarter('2025-12-31T16:30:00Z').key).toBe('2025Q4');
    expect(lastEndedQuarter('2025-12-31T15:30:00Z').key).toBe('2025Q3');
    expect(previousQuarter(quarterOf('2026-02-10')).key).toBe('2025Q4');
  });
});
