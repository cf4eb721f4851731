import { formatClock, formatCount, formatPercent, shortDay, withoutRegionPrefix } from './format';

describe('wall formatting', () => {
  it('shows times in the centre’s zone (Asia/Shanghai), whatever the screen’s zone', () => {
    expect(formatClock('2026-11-30T16:05:09Z', 'zh')).toBe('00:05:09');
    expect(formatClock('2026-11-30T01:02:03Z', 'en', false)).toBe('09:02');
  });

  it('shows a missing rate as a dash, never as 0%', () => {
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(0.9753)).toBe('97.5%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatCount(null)).toBe('—');
    expect(formatCount(12345)).toBe('12,345');
  });

  it('shortens days and names for small spaces', () => {
    expect(shortDay('2026-11-30')).toBe('11-30');
    expect(withoutRegionPrefix('鼓楼区市场监督管理局', '鼓楼区')).toBe('市场监督管理局');
    expect(withoutRegionPrefix('市公安局新城分局', '新城区')).toBe('市公安局新城分局');
    expect(withoutRegionPrefix('鼓楼区', '鼓楼区')).toBe('鼓楼区');
  });
});
