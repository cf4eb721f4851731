import { clockText, parseDurationSeconds, SlidingRate } from './sliding-rate';

describe('the simulator’s progress figures', () => {
  it('gives the rate of the last window, not the average since the start', () => {
    const rate = new SlidingRate(10_000);
    // 60 s at 200/s, then the sender slows to 50/s for 20 s.
    let total = 0;
    for (let s = 0; s <= 60; s++) rate.record(s * 1000, (total = s * 200));
    expect(rate.perSecond()).toBeCloseTo(200);
    for (let s = 61; s <= 80; s++) rate.record(s * 1000, (total += 50));
    expect(rate.perSecond()).toBeCloseTo(50);
    // The cumulative average would still read 162.5/s.
    expect(total / 80).toBeCloseTo(162.5);
  });

  it('reads 0 before it has two samples, and a stall as 0', () => {
    const rate = new SlidingRate(5_000);
    expect(rate.perSecond()).toBe(0);
    rate.record(0, 100);
    expect(rate.perSecond()).toBe(0);
    rate.record(1000, 300);
    expect(rate.perSecond()).toBe(200);
    for (let s = 2; s <= 10; s++) rate.record(s * 1000, 300);
    expect(rate.perSecond()).toBe(0);
  });

  it('reads durations with units, and refuses what is not one', () => {
    expect(parseDurationSeconds('90')).toBe(90);
    expect(parseDurationSeconds('90s')).toBe(90);
    expect(parseDurationSeconds('10m')).toBe(600);
    expect(parseDurationSeconds('1h30m')).toBe(5400);
    expect(parseDurationSeconds('ten')).toBeNull();
    expect(parseDurationSeconds('')).toBeNull();
    expect(clockText(83)).toBe('1:23');
    expect(clockText(3723)).toBe('1:02:03');
  });
});
