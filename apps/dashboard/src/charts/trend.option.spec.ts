import { MESSAGES } from '../i18n/messages';
import { trendOption } from './trend.option';

describe('trendOption', () => {
  const trend = [
    { day: '2026-11-28', accepted: 5, completed: 3, overdue: 0 },
    { day: '2026-11-29', accepted: 7, completed: 6, overdue: 1 },
    { day: '2026-11-30', accepted: 2, completed: 1, overdue: 0 },
  ];

  it('has one line per measure, in day order, with short day labels', () => {
    const option = trendOption(trend, MESSAGES.zh);
    expect((option.xAxis as { data: string[] }).data).toEqual(['11-28', '11-29', '11-30']);
    const series = option.series as { id: string; name: string; data: number[] }[];
    expect(series.map((s) => [s.id, s.name, s.data])).toEqual([
      ['accepted', '受理', [5, 7, 2]],
      ['completed', '办结', [3, 6, 1]],
      ['overdue', '超期', [0, 1, 0]],
    ]);
    expect((option.legend as { data: string[] }).data).toEqual(['受理', '办结', '超期']);
  });

  it('labels the series in English for visitors', () => {
    const series = trendOption(trend, MESSAGES.en).series as { name: string }[];
    expect(series.map((s) => s.name)).toEqual(['Accepted', 'Completed', 'Overdue']);
  });
});
