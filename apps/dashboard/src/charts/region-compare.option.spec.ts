import { MESSAGES } from '../i18n/messages';
import { regionCompareOption } from './region-compare.option';

describe('regionCompareOption', () => {
  it('puts each district on the axis with today’s accepted and in-progress counts', () => {
    const none = { PROMPT: 0, YELLOW: 0, RED: 0 };
    const option = regionCompareOption(
      [
        { code: 'R1', name: '鼓楼区', departmentCodes: ['A'], acceptedToday: 4, inProgress: 10, openCards: none },
        { code: 'R2', name: '江北区', departmentCodes: ['B'], acceptedToday: 1, inProgress: 3, openCards: none },
      ],
      MESSAGES.zh,
    );
    expect((option.xAxis as { data: string[] }).data).toEqual(['鼓楼区', '江北区']);
    expect((option.series as { name: string; data: number[] }[]).map((s) => [s.name, s.data])).toEqual([
      ['受理', [4, 1]],
      ['在办', [10, 3]],
    ]);
  });
});
