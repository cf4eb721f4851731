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

  it('ranks departments with a rate, worst first, ties by number of decisions, leaving out those without', () => {
    expect(rankDepartments(departments).map((d) => d.code)).toEqual(['A', 'E', 'D', 'B']);
  });

  it('draws the worst on top (category axes run bottom-up), coloured by band, labelled as percentages', () => {
    const option = rankingOption(departments, MESSAGES.zh);
    const yAxis = option.yAxis as { data: string[] };
    expect(yAxis.data).toEqual(['乙局', '丁局', '戊局', '甲局']);
    const bars = (option.series as { data: Bar[] }[])[0].data;
    expect(bars.map((b) => b.label.formatter)).toEqual(['99.0%', '90.0%', '90.0%', '80.0%']);
    expect(bars.map((b) => b.itemStyle.color)).toEqual([PALETTE.good, PALETTE.fair, PALETTE.fair, PALETTE.poor]);
    expect((option.aria as { label: { description: string } }).label.description).toContain('甲局 80.0%；戊局 90.0%');
    const message = (option.graphic as { elements: { invisible: boolean }[] }).elements[0];
    expect(message.invisible).toBe(true);
  });

  it('never hides the worst of a city: 58 departments at 100 % and two that are not, one with an overdue case', () => {
    const city = Array.from({ length: 60 }, (_, i) => department(`D${String(i).padStart(2, '0')}`, { onTimeRate: 1, decided: 30 }));
    city[17] = department('D17', { onTimeRate: 0.5, decided: 4 });
    city[42] = department('D42', { onTimeRate: 1, decided: 2, overdue: 1, inProgress: 1 });
    city[50] = department('D50', { onTimeRate: 0.9, decided: 10 });
    expect(rankDepartments(city).slice(0, 3).map((d) => d.code)).toEqual(['D17', 'D50', 'D42']);
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
