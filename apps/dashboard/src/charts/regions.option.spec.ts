import type { WallRegion } from '@app/contracts/realtime/wall';
import { MESSAGES } from '../i18n/messages';
import { department } from '../testing/wall-fixtures.spec-helper';
import { HALO_SCALE, regionsOption } from './regions.option';
import { LEVEL_COLOURS } from './palette';

type Series = { id: string; type: string; name?: string; silent?: boolean; label?: { show: boolean }; data: { name: string; value: [number, number]; symbolSize: number }[]; itemStyle?: { color: string; borderColor?: string }; markArea?: { data: [{ name: string; label: { formatter: string } }, unknown][] } };

describe('regionsOption', () => {
  const none = { PROMPT: 0, YELLOW: 0, RED: 0 };
  const regions: WallRegion[] = [
    { code: 'R1', name: '鼓楼区', departmentCodes: ['A', 'B'], acceptedToday: 4, inProgress: 9, openCards: { PROMPT: 1, YELLOW: 2, RED: 1 } },
    { code: 'R2', name: '江北区', departmentCodes: ['C'], acceptedToday: 0, inProgress: 1, openCards: none },
  ];
  const departments = [
    department('A', { name: '鼓楼区市场监督管理局', regionCode: 'R1', inProgress: 8, worstOpenLevel: 'RED', openCards: 3 }),
    department('B', { name: '鼓楼区教育局', regionCode: 'R1', inProgress: 1, worstOpenLevel: 'PROMPT', openCards: 1 }),
    department('C', { name: '江北区交通运输局', regionCode: 'R2', inProgress: 1 }),
  ];

  it('draws one box per district with its name and today’s figures', () => {
    const series = regionsOption(regions, departments, true, MESSAGES.zh).series as Series[];
    const areas = series.find((s) => s.id === 'districts')!.markArea!.data;
    expect(areas.map((a) => a[0].name)).toEqual(['鼓楼区', '江北区']);
    expect(areas[0][0].label.formatter).toContain('受理 4 · 在办 9');
    expect(areas[0][0].label.formatter).toContain('红牌 1');
  });

  it('groups markers by worst open card, red and yellow haloed, names without the district prefix', () => {
    const series = regionsOption(regions, departments, true, MESSAGES.zh).series as Series[];
    const byId = new Map(series.map((s) => [s.id, s]));
    expect(byId.get('level-RED')!.itemStyle!.color).toBe(LEVEL_COLOURS.RED);
    expect(byId.get('level-RED')!.data.map((m) => m.name)).toEqual(['市场监督管理局']);
    const halo = byId.get('level-RED-halo')!;
    expect(halo.itemStyle!.borderColor).toBe(LEVEL_COLOURS.RED);
    expect(halo.data.map((m) => m.value)).toEqual(byId.get('level-RED')!.data.map((m) => m.value));
    expect(halo.data[0].symbolSize).toBe(Math.round(byId.get('level-RED')!.data[0].symbolSize * HALO_SCALE));
    expect(byId.has('level-YELLOW-halo')).toBe(true);
    expect(byId.get('level-PROMPT')!.type).toBe('scatter');
    expect(byId.has('level-PROMPT-halo')).toBe(false);
    expect(byId.get('level-PROMPT')!.data.map((m) => m.name)).toEqual(['教育局']);
    expect(byId.get('level-NONE')!.data.map((m) => m.name)).toEqual(['交通运输局']);
  });

  it('uses one neutral series and no card figures while cards are not measured', () => {
    const option = regionsOption(regions, departments, false, MESSAGES.en);
    const series = option.series as Series[];
    expect(series.map((s) => s.id)).toEqual(['districts', 'departments']);
    expect(series[1].data).toHaveLength(3);
    expect(series[0].markArea!.data[0][0].label.formatter).not.toContain(MESSAGES.en.levels.RED);
    expect((option.legend as { show: boolean }).show).toBe(false);
  });

  it('draws nothing that animates by itself: no ripple effect, halos ignore the pointer', () => {
    const series = regionsOption(regions, departments, true, MESSAGES.zh).series as Series[];
    expect(series.map((s) => s.type)).not.toContain('effectScatter');
    expect(series.filter((s) => s.id.endsWith('-halo')).every((s) => s.silent && s.label!.show === false)).toBe(true);
  });
});
