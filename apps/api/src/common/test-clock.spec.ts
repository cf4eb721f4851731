import { installTestClock } from './test-clock';

describe('installTestClock (the dated run)', () => {
  it('moves new Date() and Date.now() to TEST_NOW under NODE_ENV=test, keeping dates built from values exact', () => {
    const target = { Date };
    expect(installTestClock({ NODE_ENV: 'test', TEST_NOW: '2026-02-18T10:00:00+08:00' }, target)).not.toBeNull();
    const now = new target.Date();
    expect(Math.abs(now.getTime() - Date.parse('2026-02-18T02:00:00Z'))).toBeLessThan(60_000);
    expect(Math.abs(target.Date.now() - Date.parse('2026-02-18T02:00:00Z'))).toBeLessThan(60_000);
    expect(now).toBeInstanceOf(Date);
    expect(new target.Date('2025-01-01T00:00:00Z').toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(new target.Date(0).getTime()).toBe(0);
  });

  it('is ignored outside tests, so no environment can put a production process on a false clock', () => {
    const target = { Date };
    expect(installTestClock({ NODE_ENV: 'production', TEST_NOW: '2026-02-18T10:00:00+08:00' }, target)).toBeNull();
    expect(target.Date).toBe(Date);
  });

  it('refuses a TEST_NOW that is not a date, naming it', () => {
    expect(() => installTestClock({ NODE_ENV: 'test', TEST_NOW: 'tomorrow' }, { Date })).toThrow(/TEST_NOW: must be an ISO date-time/);
  });
});
