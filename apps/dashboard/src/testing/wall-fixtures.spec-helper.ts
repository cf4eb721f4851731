import { WALL_PROTOCOL_VERSION, type WallCard, type WallDepartment, type WallSnapshot } from '@app/contracts/realtime/wall';

export function department(code: string, overrides: Partial<WallDepartment> = {}): WallDepartment {
  return {
    code,
    name: `${code}局`,
    regionCode: 'R1',
    acceptedToday: 0,
    inProgress: 0,
    onTimeRate: null,
    decided: 0,
    worstOpenLevel: null,
    openCards: 0,
    overdue: 0,
    dueSoon: 0,
    ...overrides,
  };
}

export function card(id: string, raisedAt: string, overrides: Partial<WallCard> = {}): WallCard {
  return {
    id,
    level: 'YELLOW',
    departmentCode: 'SCJG',
    itemCode: 'SCJG-001',
    itemName: '食品经营许可',
    ruleCode: 'PROMISED_OVERDUE',
    raisedAt,
    caseId: `case-${id}`,
    ...overrides,
  };
}

/** A small, complete snapshot; override any part. */
export function snapshot(overrides: Partial<WallSnapshot> = {}): WallSnapshot {
  return {
    protocol: WALL_PROTOCOL_VERSION,
    sequence: 7,
    serverTime: '2026-11-30T02:00:00.000Z',
    day: '2026-11-30',
    kpis: { acceptedToday: 3, completedToday: 1, inProgress: 5, overdue: 0, openYellow: null, openRed: null, onTimeRate: null },
    departments: [department('SCJG'), department('ZJJ')],
    regions: [{ code: 'R1', name: '东城区', departmentCodes: ['SCJG', 'ZJJ'], acceptedToday: 3, inProgress: 5, overdue: 0, openCards: { PROMPT: 0, YELLOW: 0, RED: 0 } }],
    trend: [{ day: '2026-11-30', accepted: 3, completed: 1, overdue: 0 }],
    ruleCounts: [],
    cardsMeasured: false,
    cards: [],
    ...overrides,
  };
}
