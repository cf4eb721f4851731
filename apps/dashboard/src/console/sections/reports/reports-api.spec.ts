import { periodQuery, previousQuarters, quarterOf, reportPath } from './reports-api';

describe('report requests', () => {
  it('names the quarter of a local date and the quarters before it, across a year end', () => {
    expect(quarterOf('2026-12-04')).toBe('2026Q4');
    expect(quarterOf('2026-01-01')).toBe('2026Q1');
    expect(quarterOf('2026-06-30')).toBe('2026Q2');
    expect(previousQuarters('2026Q2', 4)).toEqual(['2026Q2', '2026Q1', '2025Q4', '2025Q3']);
  });

  it('builds the API path and period query of a subject', () => {
    expect(reportPath({ kind: 'city' })).toBe('/api/v1/reports/city');
    expect(reportPath({ kind: 'region', code: 'R1' })).toBe('/api/v1/reports/regions/R1');
    expect(reportPath({ kind: 'department', code: 'A B' })).toBe('/api/v1/reports/departments/A%20B');
    expect(periodQuery({ quarter: '2025Q4' })).toEqual({ quarter: '2025Q4' });
    expect(periodQuery({ from: '2025-09-01', to: '2025-10-31' })).toEqual({ from: '2025-09-01', to: '2025-10-31' });
  });
});
