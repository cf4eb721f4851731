import { MESSAGES } from '../i18n/messages';
import { RULES_LIMIT, rulesOption } from './rules.option';

type Message = { invisible: boolean; style: { text: string } };
const messageOf = (option: ReturnType<typeof rulesOption>) => (option.graphic as { elements: Message[] }).elements[0];

describe('rulesOption', () => {
  it('shows the most frequent rules on top, by display name', () => {
    const option = rulesOption(
      [
        { ruleCode: 'DEADLINE_NEAR', count: 4 },
        { ruleCode: 'STATUTORY_OVERDUE', count: 9 },
        { ruleCode: 'SOMETHING_NEW', count: 1 },
      ],
      true,
      MESSAGES.zh,
      'zh',
    );
    expect((option.yAxis as { data: string[] }).data).toEqual(['SOMETHING_NEW', '临近时限', '超法定时限']);
    expect((option.series as { data: number[] }[])[0].data).toEqual([1, 4, 9]);
    expect(messageOf(option).invisible).toBe(true);
  });

  it('keeps the panel readable with many rules', () => {
    const counts = Array.from({ length: RULES_LIMIT + 4 }, (_, i) => ({ ruleCode: `R${i}`, count: i + 1 }));
    expect((rulesOption(counts, true, MESSAGES.en, 'en').series as { data: number[] }[])[0].data).toHaveLength(RULES_LIMIT);
  });

  it('says cards are not measured yet, instead of implying there are none', () => {
    expect(messageOf(rulesOption([], false, MESSAGES.zh, 'zh'))).toMatchObject({ invisible: false, style: { text: MESSAGES.zh.cardsNotMeasured } });
    expect(messageOf(rulesOption([], true, MESSAGES.zh, 'zh'))).toMatchObject({ invisible: false, style: { text: MESSAGES.zh.noCards } });
  });
});
