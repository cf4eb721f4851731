import { cardButtons, sortParam } from './card-actions';
import { formatDateTime, formatDueDay, nextDay } from './format';

const officer = { permissions: new Set(['alerts.read', 'alerts.respond']), officerId: 'O-1', actsOnlyOnAssigned: true };
const departmentSupervisor = { permissions: new Set(['alerts.read', 'alerts.respond']), officerId: null, actsOnlyOnAssigned: false };
const centre = { permissions: new Set(['alerts.read', 'alerts.decide']), officerId: null, actsOnlyOnAssigned: false };

describe('card buttons', () => {
  it('offers the department side what the lifecycle allows from each state', () => {
    expect(cardButtons({ state: 'OPEN', responsibleOfficerId: null }, departmentSupervisor)).toEqual(['acknowledge', 'rectify', 'appeal']);
    expect(cardButtons({ state: 'ACKNOWLEDGED', responsibleOfficerId: null }, departmentSupervisor)).toEqual(['rectify', 'appeal']);
    expect(cardButtons({ state: 'APPEALED', responsibleOfficerId: null }, departmentSupervisor)).toEqual([]);
  });

  it('lets an officer act only on cards of their own cases', () => {
    expect(cardButtons({ state: 'OPEN', responsibleOfficerId: 'O-1' }, officer)).toEqual(['acknowledge', 'rectify', 'appeal']);
    expect(cardButtons({ state: 'OPEN', responsibleOfficerId: 'O-2' }, officer)).toEqual([]);
  });

  it('offers the centre held-card decisions, close, dismiss and appeal decisions where they apply', () => {
    expect(cardButtons({ state: 'RECTIFIED', responsibleOfficerId: null }, centre)).toEqual(['close', 'dismiss']);
    expect(cardButtons({ state: 'APPEALED', responsibleOfficerId: null }, centre)).toEqual(['dismiss', 'maintain', 'revoke']);
    expect(cardButtons({ state: 'PENDING', responsibleOfficerId: null }, centre)).toEqual(['confirm', 'discard']);
    expect(cardButtons({ state: 'REVOKED', responsibleOfficerId: null }, centre)).toEqual([]);
    expect(cardButtons({ state: 'CLOSED', responsibleOfficerId: null }, centre)).toEqual([]);
  });
});

describe('table sorting to the API', () => {
  const allowed = ['dueAt', 'level'];
  it('maps ascending and descending columns, and nothing else', () => {
    expect(sortParam({ prop: 'dueAt', order: 'ascending' }, allowed)).toBe('dueAt');
    expect(sortParam({ prop: 'dueAt', order: 'descending' }, allowed)).toBe('-dueAt');
    expect(sortParam({ prop: 'dueAt', order: null }, allowed)).toBeUndefined();
    expect(sortParam({ prop: 'summary', order: 'ascending' }, allowed)).toBeUndefined();
  });

  it('turns a period’s last day into the exclusive end the API wants, across months and years', () => {
    expect(nextDay('2026-12-04')).toBe('2026-12-05');
    expect(nextDay('2026-02-28')).toBe('2026-03-01');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });
});

describe('times in the centre’s zone', () => {
  it('shows instants in Asia/Shanghai whatever the machine’s zone, and a dash for nothing', () => {
    expect(formatDateTime('2025-10-30T16:00:00.000Z')).toBe('2025-10-31 00:00');
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
  });
});

describe('due days', () => {
  it('reads a limit ending at 24:00 centre time as that day', () => {
    expect(formatDueDay('2025-10-30T16:00:00.000Z')).toBe('2025-10-30');
    expect(formatDueDay('2025-10-30T15:59:00.000Z')).toBe('2025-10-30');
    expect(formatDueDay(null)).toBe('—');
  });
});
