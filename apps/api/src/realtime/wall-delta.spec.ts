import { WallCard } from '@app/contracts';
import { diffWallState, toSnapshot } from './wall-delta';
import { WallState } from './wall-state.assembler';

const card = (id: string, level: WallCard['level'] = 'YELLOW'): WallCard => ({
  id,
  level,
  departmentCode: 'A',
  itemCode: 'I',
  itemName: '事项',
  ruleCode: 'PROMISED_OVERDUE',
  raisedAt: '2026-11-30T03:00:00Z',
  caseId: id,
});

const state = (overrides: Partial<WallState['panels']> = {}, cards: WallCard[] = [], day = '2026-11-30'): WallState => ({
  day,
  serverTime: '2026-11-30T04:00:00.000Z',
  panels: {
    kpis: { acceptedToday: 1, completedToday: 0, inProgress: 1, overdue: 0, openYellow: null, openRed: null, onTimeRate: null },
    departments: [],
    regions: [],
    trend: [{ day, accepted: 1, completed: 0, overdue: 0 }],
    ruleCounts: [],
    cardsMeasured: false,
    ...overrides,
  },
  cards,
});

describe('diffWallState', () => {
  it('is null when nothing the screen shows changed (no message for a no-op)', () => {
    expect(diffWallState(state(), { ...state(), serverTime: 'later' })).toBeNull();
  });

  it('carries only the panels that changed', () => {
    const before = state();
    const after = state({ kpis: { ...before.panels.kpis, acceptedToday: 2 } });
    expect(diffWallState(before, after)).toEqual({ kpis: after.panels.kpis });
  });

  it('sends new and changed cards only, not the whole feed', () => {
    const before = state({}, [card('a'), card('b')]);
    const after = state({}, [card('c'), card('a', 'RED'), card('b')]);
    expect(diffWallState(before, after)).toEqual({ cards: [card('c'), card('a', 'RED')] });
  });

  it('announces a new day', () => {
    const changes = diffWallState(state(), state({}, [], '2026-12-01'));
    expect(changes?.day).toBe('2026-12-01');
    expect(changes?.trend).toBeDefined();
  });

  it('builds a snapshot from a state, its sequence and protocol', () => {
    const s = state({}, [card('a')]);
    expect(toSnapshot(s, 12, 1)).toMatchObject({ protocol: 1, sequence: 12, day: '2026-11-30', cards: [card('a')], kpis: s.panels.kpis });
  });
});
