import { canMoveResolution, countyReportActionAllowedIn, countyReportDueOn, countyReportStanding, quarterTrend, resolutionIsLate, resolutionStateOn } from './index';

describe('county report periods', () => {
  it('falls due a set number of calendar days after the quarter ends, across the year end', () => {
    expect(countyReportDueOn('2026Q3', 15)).toBe('2026-10-15');
    expect(countyReportDueOn('2026Q4', 15)).toBe('2027-01-15');
    expect(countyReportDueOn('2026Q1', 0)).toBe('2026-03-31');
    expect(countyReportDueOn('2026Q5', 15)).toBeNull();
    expect(() => countyReportDueOn('2026Q1', -1)).toThrow(RangeError);
  });

  it('is late only when nothing is submitted and the due day is over', () => {
    expect(countyReportStanding('2026-10-15', null, '2026-10-15')).toBe('NOT_YET_DUE');
    expect(countyReportStanding('2026-10-15', null, '2026-10-16')).toBe('LATE');
    expect(countyReportStanding('2026-10-15', '2026-10-15', '2026-12-01')).toBe('SUBMITTED_ON_TIME');
    expect(countyReportStanding('2026-10-15', '2026-10-16', '2026-12-01')).toBe('SUBMITTED_LATE');
  });

  it('allows editing and sign-off only in draft, acknowledging only once submitted', () => {
    expect(countyReportActionAllowedIn('submit')).toEqual(['DRAFT']);
    expect(countyReportActionAllowedIn('acknowledge')).toEqual(['SUBMITTED']);
    expect(countyReportActionAllowedIn('guide')).not.toContain('DRAFT');
  });
});

describe('resolution state', () => {
  const open = { state: 'OPEN' as const, dueOn: '2026-11-30', doneOn: null };

  it('becomes overdue the day after its due day, not on it', () => {
    expect(resolutionStateOn(open, '2026-11-30')).toBe('OPEN');
    expect(resolutionStateOn(open, '2026-12-01')).toBe('OVERDUE');
    expect(resolutionStateOn({ state: 'DONE', dueOn: '2026-11-30', doneOn: '2026-11-01' }, '2027-01-01')).toBe('DONE');
  });

  it('knows a late completion from a timely one', () => {
    expect(resolutionIsLate({ state: 'DONE', dueOn: '2026-11-30', doneOn: '2026-11-30' }, '2027-01-01')).toBe(false);
    expect(resolutionIsLate({ state: 'DONE', dueOn: '2026-11-30', doneOn: '2026-12-02' }, '2027-01-01')).toBe(true);
    expect(resolutionIsLate(open, '2026-11-29')).toBe(false);
  });

  it('moves open → done | overdue, overdue → done, and never out of done', () => {
    expect(canMoveResolution('OPEN', 'DONE')).toBe(true);
    expect(canMoveResolution('OPEN', 'OVERDUE')).toBe(true);
    expect(canMoveResolution('OVERDUE', 'DONE')).toBe(true);
    expect(canMoveResolution('DONE', 'OPEN')).toBe(false);
    expect(canMoveResolution('OVERDUE', 'OPEN')).toBe(false);
  });
});

describe('quarter trend', () => {
  it('compares with the previous quarter, or says nothing without one', () => {
    expect([quarterTrend(3, 1), quarterTrend(1, 3), quarterTrend(2, 2), quarterTrend(2, null)]).toEqual(['UP', 'DOWN', 'SAME', null]);
  });
});
