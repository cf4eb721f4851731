import { MESSAGES } from '../i18n/messages';
import { department } from '../testing/wall-fixtures.spec-helper';
import { RANKING_LIMIT, rankDepartments, rankingOption } from './ranking.option';
import { PALETTE } from './palette';

type Bar = { value: number; itemStyle: { color: string }; label: { formatter: string } };

describe('rankingOption', () => {
  const departments = [
    department('A', { name: '甲局', onTimeRate: 0.8, decided: 10 }),
    department('B', { name: '乙局', onTimeRate: 0.99, decided: 50 }),
    department('C', { name: '丙局', onTimeRate: null, decided: 0 }),
    department('D', { name: '丁局', onTimeRate: 0.9, decided: 20 }),
    department('E', { name: '戊局', onTimeRate: 0.9, decided: 40 }),
  ];

  it('ranks departments with a rate, best first, ties by number of decisions, leaving out those without', () => {
    expect(rankDepartments(departments).map((d) => d.code)).toEqual(['B', 'E', 'D', 'A']);
  });

  it('draws the best on top (category axes run bottom-up), coloured by band, labelled as percentages', () => {
    const option = rankingOption(departments, MESSAGES.zh);
    const yAxis = option.yAxis as { data: string[] };
    expect(yAxis.data).toEqual(['甲局', '丁局', '戊局', '乙局']);
    const bars = (option.series as { data: Bar[] }[])[0].data;
    expect(bars.map((b) => b.label.formatter)).toEqual(['80.0%', '90.0%', '90.0%', '99.0%']);
    expect(bars.map((b) => b.itemStyle.color)).toEqual([PALETTE.poor, PALETTE.fair, PALETTE.fair, PALETTE.good]);
    const message = (option.graphic as { elements: { invisible: boolean }[] }).elements[0];
    expect(message.invisible).toBe(true);
  });

  it('keeps at most the panel’s rows', () => {
    const many = Array.from({ length: RANKING_LIMIT + 5 }, (_, i) => department(`D${i}`, { onTimeRate: i / 100, decided: 1 }));
    expect((rankingOption(many, MESSAGES.en).yAxis as { data: string[] }).data).toHaveLength(RANKING_LIMIT);
  });

  it('says there is nothing to rank rather than drawing empty bars', () => {
    const option = rankingOption([department('C')], MESSAGES.en);
    const message = (option.graphic as { elements: { invisible: boolean; style: { text: string } }[] }).elements[0];
    expect(message.invisible).toBe(false);
    expect(message.style.text).toBe(MESSAGES.en.noDecisions);
  });
});
