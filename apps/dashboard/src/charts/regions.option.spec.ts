import type { WallRegion } from '@app/contracts/realtime/wall';
import { MESSAGES } from '../i18n/messages';
import { department } from '../testing/wall-fixtures.spec-helper';
import { HALO_SCALE, NAME_FONT_PX, regionsOption } from './regions.option';
import { STATE_COLOURS } from './palette';

type Series = { id: string; type: string; name?: string; silent?: boolean; label?: { show: boolean; fontSize?: number }; data: { name: string; value: [number, number]; symbolSize: number }[]; itemStyle?: { color: string; borderColor?: string }; markArea?: { data: [{ name: string; label: { formatter: string } }, unknown][] } };

const none = { PROMPT: 0, YELLOW: 0, RED: 0 };

describe('regionsOption', () => {
  const regions: WallRegion[] = [
    { code: 'R1', name: '鼓楼区', departmentCodes: ['A', 'B'], acceptedToday: 4, inProgress: 9, overdue: 2, openCards: { PROMPT: 1, YELLOW: 2, RED: 1 } },
    { code: 'R2', name: '江北区', departmentCodes: ['C'], acceptedToday: 0, inProgress: 1, overdue: 0, openCards: none },
  ];
  const departments = [
    department('A', { name: '鼓楼区市场监督管理局', regionCode: 'R1', inProgress: 8, overdue: 2, worstOpenLevel: 'RED', openCards: 3 }),
    department('B', { name: '鼓楼区教育局', regionCode: 'R1', inProgress: 1, dueSoon: 1, worstOpenLevel: 'PROMPT', openCards: 1 }),
    // A red card still open, but every case on time: green — the colour is the cases' state now.
    department('C', { name: '江北区交通运输局', regionCode: 'R2', inProgress: 1, worstOpenLevel: 'RED', openCards: 1 }),
  ];

  it('draws one box per district with its name, in-progress and overdue figures and open cards', () => {
    const series = regionsOption(regions, departments, true, MESSAGES.zh).series as Series[];
    const areas = series.find((s) => s.id === 'districts')!.markArea!.data;
    expect(areas.map((a) => a[0].name)).toEqual(['鼓楼区', '江北区']);
    expect(areas[0][0].label.formatter).toContain('在办 9 · 超期 2');
    expect(areas[0][0].label.formatter).toContain('红牌 1');
  });

  it('colours departments by the state of their open cases now; overdue and due soon haloed; names without the district prefix', () => {
    const series = regionsOption(regions, departments, true, MESSAGES.zh).series as Series[];
    const byId = new Map(series.map((s) => [s.id, s]));
    expect(byId.get('state-OVERDUE')!.itemStyle!.color).toBe(STATE_COLOURS.OVERDUE);
    expect(byId.get('state-OVERDUE')!.data.map((m) => m.name)).toEqual(['市场监督管理局']);
    const halo = byId.get('state-OVERDUE-halo')!;
    expect(halo.data[0].symbolSize).toBe(Math.round(byId.get('state-OVERDUE')!.data[0].symbolSize * HALO_SCALE));
    expect(byId.get('state-DUE_SOON')!.data.map((m) => m.name)).toEqual(['教育局']);
    expect(byId.get('state-ON_TIME')!.data.map((m) => m.name)).toEqual(['交通运输局']);
    expect(byId.has('state-ON_TIME-halo')).toBe(false);
    expect(byId.get('state-OVERDUE')!.label).toMatchObject({ show: true, fontSize: NAME_FONT_PX });
  });

  it('describes what it shows for screen readers: every district with its figures', () => {
    const option = regionsOption(regions, departments, true, MESSAGES.zh);
    const aria = option.aria as { enabled: boolean; label: { description: string } };
    expect(aria.enabled).toBe(true);
    expect(aria.label.description).toContain('鼓楼区：受理4件，在办9件，超期2件；有超期件的部门1个，共2个部门。');
    expect(aria.label.description).toContain('江北区：受理0件，在办1件');
  });

  it('at a city’s size (10 districts of 6) draws no department name rather than names on top of each other', () => {
    const bigRegions: WallRegion[] = Array.from({ length: 10 }, (_, r) => ({
      code: `R${r}`,
      name: r === 3 ? '高新技术产业开发区' : `第${r}区`,
      departmentCodes: Array.from({ length: 6 }, (_, k) => `D${r}-${k}`),
      acceptedToday: 1,
      inProgress: 6,
      overdue: 1,
      openCards: none,
    }));
    const many = bigRegions.flatMap((region) => region.departmentCodes.map((code) => department(code, { name: `${region.name}市场监督管理局`, regionCode: region.code, inProgress: 1 })));
    const series = regionsOption(bigRegions, many, true, MESSAGES.zh).series as Series[];
    const markers = series.filter((s) => s.id.startsWith('state-') && !s.id.endsWith('-halo'));
    expect(markers.flatMap((s) => s.data)).toHaveLength(60);
    expect(markers.every((s) => s.label!.show === false)).toBe(true);
    const areas = series.find((s) => s.id === 'districts')!.markArea!.data;
    // The long county name keeps a title style of at least 16 px.
    expect(areas[3][0].label.formatter).toMatch(/^\{title(1[6-9]|2[0-2])\|高新技术产业开发区\}/);
  });

  it('draws nothing that animates by itself: no ripple effect, halos ignore the pointer', () => {
    const series = regionsOption(regions, departments, true, MESSAGES.zh).series as Series[];
    expect(series.map((s) => s.type)).not.toContain('effectScatter');
    expect(series.filter((s) => s.id.endsWith('-halo')).every((s) => s.silent && s.label!.show === false)).toBe(true);
  });

  it('shows no card figures while cards are not measured', () => {
    const option = regionsOption(regions, departments, false, MESSAGES.en);
    const series = option.series as Series[];
    expect(series[0].markArea!.data[0][0].label.formatter).not.toContain(MESSAGES.en.levels.RED);
  });
});
