import fc from 'fast-check';
import {
  dayNumberFromParts,
  formatIsoDate,
  isIsoDate,
  localDayNumberOf,
  parseIsoDate,
  weekdayOf,
} from './calendar-date';
import { DEFAULT_COUNTING_POLICY, countingOrigin, dueInstantMs, localDateOf, toIsoInstant } from './counting-policy';

describe('calendar dates', () => {
  it('agrees with Date.UTC on every day 1990–2110', () => {
    const first = Date.UTC(1990, 0, 1) / 86_400_000;
    const last = Date.UTC(2110, 11, 31) / 86_400_000;
    const mismatches: number[] = [];
    for (let day = first; day <= last; day++) {
      const utc = new Date(day * 86_400_000);
      const iso = utc.toISOString().slice(0, 10);
      if (formatIsoDate(day) !== iso || parseIsoDate(iso) !== day || weekdayOf(day) !== utc.getUTCDay()) {
        mismatches.push(day);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('round-trips random dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (day) => parseIsoDate(formatIsoDate(day)) === day),
    );
  });

  it.each(['2025-02-29', '2025-13-01', '2025-00-10', '2025-1-01', '2025/01/01', '20250101', 'abcd-ef-gh', ''])(
    'rejects %p',
    (text) => {
      expect(isIsoDate(text)).toBe(false);
      expect(() => parseIsoDate(text)).toThrow(RangeError);
    },
  );

  it('accepts leap days', () => {
    expect(parseIsoDate('2024-02-29')).toBe(dayNumberFromParts(2024, 2, 29));
  });
});

describe('counting policy', () => {
  it('maps instants to the Asia/Shanghai date by adding 8 hours', () => {
    expect(localDateOf('2025-09-26T15:59:59Z')).toBe('2025-09-26');
    expect(localDateOf('2025-09-26T16:00:00Z')).toBe('2025-09-27');
    expect(localDateOf('2025-09-27T07:30:00+08:00')).toBe('2025-09-27');
    expect(localDayNumberOf(Date.parse('2025-09-26T16:00:00Z'), 0)).toBe(parseIsoDate('2025-09-26'));
  });

  it('is due at 24:00 Asia/Shanghai of the due day', () => {
    expect(toIsoInstant(dueInstantMs('2025-10-30', DEFAULT_COUNTING_POLICY))).toBe('2025-10-30T16:00:00.000Z');
  });

  it('counts from the start day, or from the day before when the start day counts', () => {
    expect(countingOrigin('2025-09-26', DEFAULT_COUNTING_POLICY)).toBe('2025-09-26');
    expect(countingOrigin('2025-03-01', { ...DEFAULT_COUNTING_POLICY, startDayCounted: true })).toBe('2025-02-28');
  });
});
