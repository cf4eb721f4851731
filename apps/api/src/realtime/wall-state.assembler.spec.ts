import { WALL_LIMITS, WALL_NO_REGION_CODE } from '@app/contracts';
import { WallCardFigures } from './wall-card-source';
import { DepartmentCaseFigures } from './wall-case-figures.query';
import { wallDayWindow } from './wall-day-window';
import { WallScope, WHOLE_CITY } from './wall-scope';
import { assembleWallState, WallReadings } from './wall-state.assembler';

const window = wallDayWindow(new Date('2026-11-30T04:00:00Z'), 3);
const figures = (overrides: Partial<DepartmentCaseFigures>): DepartmentCaseFigures => ({
  acceptedToday: 0,
  completedToday: 0,
  inProgress: 0,
  overdue: 0,
  dueSoon: 0,
  decided: 0,
  decidedOnTime: 0,
  ...overrides,
});

function readings(cards: WallCardFigures | null, scope: WallScope = WHOLE_CITY): WallReadings {
  return {
    window,
    scope,
    catalogue: {
      departments: [
        { code: 'A', name: '甲局', regionCode: 'R1' },
        { code: 'B', name: '乙局', regionCode: 'R1' },
        { code: 'C', name: '丙局', regionCode: null },
      ],
      regions: [
        { code: 'CITY', name: '全市' },
        { code: 'R1', name: '东城区' },
      ],
    },
    departments: new Map([
      ['A', figures({ acceptedToday: 2, completedToday: 1, inProgress: 5, overdue: 1, decided: 4, decidedOnTime: 3 })],
      ['C', figures({ acceptedToday: 1, inProgress: 1, decided: 1, decidedOnTime: 1 })],
    ]),
    trend: [
      { dayNumber: window.firstDayNumber, accepted: 7, completed: 6, overdue: 2 },
      // Today's row may be older than the KPI reading: the assembler takes today's from the KPIs.
      { dayNumber: window.firstDayNumber + 2, accepted: 1, completed: 0, overdue: 1 },
    ],
    cards,
  };
}

describe('assembleWallState', () => {
  it('sums the departments into the KPIs; the on-time rate is decisions on time ÷ decisions', () => {
    const { panels } = assembleWallState(readings(null));
    expect(panels.kpis).toEqual({
      acceptedToday: 3,
      completedToday: 1,
      inProgress: 6,
      overdue: 1,
      openYellow: null,
      openRed: null,
      onTimeRate: 4 / 5,
    });
  });

  it('gives every catalogued department, with no rate rather than 0 when it decided nothing', () => {
    const { panels } = assembleWallState(readings(null));
    expect(panels.departments.map((d) => [d.code, d.onTimeRate, d.decided])).toEqual([
      ['A', 0.75, 4],
      ['B', null, 0],
      ['C', 1, 1],
    ]);
  });

  it('shows only districts that have departments, with their sums, and the departments of no district as one more', () => {
    const { panels } = assembleWallState(readings(null));
    expect(panels.regions).toEqual([
      { code: 'R1', name: '东城区', departmentCodes: ['A', 'B'], acceptedToday: 2, inProgress: 5, overdue: 1, openCards: { PROMPT: 0, YELLOW: 0, RED: 0 } },
      { code: WALL_NO_REGION_CODE, name: '市直部门', departmentCodes: ['C'], acceptedToday: 1, inProgress: 1, overdue: 0, openCards: { PROMPT: 0, YELLOW: 0, RED: 0 } },
    ]);
  });

  it('adds the districts up to the headline figures of the same frame, whatever the departments hold', () => {
    const codes = Array.from({ length: 60 }, (_, i) => `D${i}`);
    const state = assembleWallState({
      ...readings(null),
      catalogue: {
        // Some departments in no district, one in a district the catalogue does not know.
        departments: codes.map((code, i) => ({ code, name: code, regionCode: i % 7 === 0 ? null : i % 11 === 0 ? 'GONE' : `R${i % 10}` })),
        regions: Array.from({ length: 10 }, (_, i) => ({ code: `R${i}`, name: `区${i}` })),
      },
      departments: new Map(codes.map((code, i) => [code, figures({ acceptedToday: i % 5, inProgress: (i * 7) % 13, overdue: i % 3 })])),
    });
    const sum = (key: 'acceptedToday' | 'inProgress' | 'overdue') => state.panels.regions.reduce((total, r) => total + r[key], 0);
    expect(sum('acceptedToday')).toBe(state.panels.kpis.acceptedToday);
    expect(sum('inProgress')).toBe(state.panels.kpis.inProgress);
    expect(sum('overdue')).toBe(state.panels.kpis.overdue);
    expect(state.panels.regions.flatMap((r) => r.departmentCodes).sort()).toEqual([...codes].sort());
  });

  it('fills every day of the trend, and takes today from the live figures', () => {
    const { panels, day } = assembleWallState(readings(null));
    expect(day).toBe('2026-11-30');
    expect(panels.trend).toEqual([
      { day: '2026-11-28', accepted: 7, completed: 6, overdue: 2 },
      { day: '2026-11-29', accepted: 0, completed: 0, overdue: 0 },
      { day: '2026-11-30', accepted: 3, completed: 1, overdue: 1 },
    ]);
  });

  it('says cards are not measured when there is no card source, instead of showing zeros', () => {
    const state = assembleWallState(readings(null));
    expect(state.panels.cardsMeasured).toBe(false);
    expect(state.panels.ruleCounts).toEqual([]);
    expect(state.cards).toEqual([]);
    expect(state.panels.departments.every((d) => d.worstOpenLevel === null)).toBe(true);
  });

  it('derives worst levels, district and KPI card counts, and rule counts from the card figures', () => {
    const recent = Array.from({ length: WALL_LIMITS.recentCards + 5 }, (_, i) => ({
      id: `c${i}`,
      level: 'YELLOW' as const,
      departmentCode: 'A',
      itemCode: 'I',
      itemName: '事项',
      ruleCode: 'PROMISED_OVERDUE',
      raisedAt: '2026-11-30T03:00:00Z',
      caseId: `k${i}`,
    }));
    const state = assembleWallState(
      readings({
        openByDepartment: { A: { YELLOW: 2, RED: 1 }, B: { PROMPT: 3 } },
        raisedByRule: { DEADLINE_NEAR: 3, STATUTORY_OVERDUE: 1, PROMISED_OVERDUE: 3, STEP_OVERDUE: 0 },
        recent,
      }),
    );
    expect(state.panels.cardsMeasured).toBe(true);
    expect(state.panels.kpis).toMatchObject({ openYellow: 2, openRed: 1 });
    expect(state.panels.departments.map((d) => [d.code, d.worstOpenLevel, d.openCards])).toEqual([
      ['A', 'RED', 3],
      ['B', 'PROMPT', 3],
      ['C', null, 0],
    ]);
    expect(state.panels.regions[0].openCards).toEqual({ PROMPT: 3, YELLOW: 2, RED: 1 });
    expect(state.panels.ruleCounts).toEqual([
      { ruleCode: 'DEADLINE_NEAR', count: 3 },
      { ruleCode: 'PROMISED_OVERDUE', count: 3 },
      { ruleCode: 'STATUTORY_OVERDUE', count: 1 },
    ]);
    expect(state.cards).toHaveLength(WALL_LIMITS.recentCards);
  });

  it('shows a scoped screen its own departments only: figures, districts, cards', () => {
    const cards: WallCardFigures = {
      openByDepartment: { A: { RED: 1 }, C: { YELLOW: 4 } },
      raisedByRule: {},
      recent: ['A', 'C'].map((departmentCode) => ({
        id: departmentCode,
        level: 'RED' as const,
        departmentCode,
        itemCode: null,
        itemName: null,
        ruleCode: 'FEED_SILENT',
        raisedAt: '2026-11-30T03:00:00Z',
        caseId: null,
      })),
    };
    const state = assembleWallState(readings(cards, { departmentCodes: ['C'] }));
    expect(state.panels.departments.map((d) => d.code)).toEqual(['C']);
    expect(state.panels.kpis).toMatchObject({ acceptedToday: 1, inProgress: 1, openRed: 0, openYellow: 4, onTimeRate: 1 });
    expect(state.panels.regions.map((r) => r.code)).toEqual([WALL_NO_REGION_CODE]);
    expect(state.cards.map((c) => c.departmentCode)).toEqual(['C']);
  });
});
