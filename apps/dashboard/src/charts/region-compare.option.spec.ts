import { MESSAGES } from '../i18n/messages';
import { regionCompareOption } from './region-compare.option';

describe('regionCompareOption', () => {
  it('puts each district on the axis with today’s accepted and in-progress counts', () => {
    const none = { PROMPT: 0, YELLOW: 0, RED: 0 };
    const option = regionCompareOption(
      [
        { code: 'R1', name: '鼓楼区', departmentCodes: ['A'], acceptedToday: 4, inProgress: 10, overdue: 0, openCards: none },
        { code: 'R2', name: '江北区', departmentCodes: ['B'], acceptedToday: 1, inProgress: 3, overdue: 0, openCards: none },
      ],
      MESSAGES.zh,
    );
    expect((option.xAxis as { data: string[] }).data).toEqual(['鼓楼区', '江北区']);
    expect((option.series as { name: string; data: number[] }[]).map((s) => [s.name, s.data])).toEqual([
      ['受理', [4, 1]],
      ['在办', [10, 3]],
    ]);
  });

  it('lays a city’s eleven districts down as rows, every name on its own row, the first on top', () => {
    const none = { PROMPT: 0, YELLOW: 0, RED: 0 };
    const regions = Array.from({ length: 11 }, (_, i) => ({ code: `R${i}`, name: `区${i}`, departmentCodes: [], acceptedToday: i, inProgress: 2 * i, overdue: 0, openCards: none }));
    const option = regionCompareOption(regions, MESSAGES.zh);
    const axis = option.yAxis as { type: string; data: string[]; axisLabel: { interval: number; fontSize: number } };
    expect(axis.type).toBe('category');
    expect(axis.data[0]).toBe('区10');
    expect(axis.data[10]).toBe('区0');
    expect(axis.axisLabel).toMatchObject({ interval: 0, fontSize: 14 });
    expect((option.series as { data: number[] }[])[0].data[10]).toBe(0);
  });
});
