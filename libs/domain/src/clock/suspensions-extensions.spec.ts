import { readFileSync, readdirSync } from 'fs';
import { loadYearFiles } from '../calendar/holiday-files.spec-helper';
import { WorkingCalendar } from '../calendar/working-calendar';
import { EventLine, caseEvents, item, shanghai } from './case-events.spec-helper';
import { CaseClock, CaseClocks, ClockKind } from './clock-types';
import { computeCaseClocks } from './compute-case-clocks';

const calendar = WorkingCalendar.fromYearFiles(loadYearFiles({ readdirSync, readFileSync }));

function clock(result: CaseClocks, kind: ClockKind): CaseClock {
  const found = result.clocks.find((c) => c.kind === kind);
  if (!found) throw new Error(`no ${kind} clock`);
  return found;
}

const accepted: EventLine = ['ACCEPTED', '2025-09-26 10:00', {}];
const suspended: EventLine = ['SUSPENDED', '2025-10-13 10:00', { reason: 'TESTING', expectedDays: 5, noticeIssued: true }];

describe('suspensions (art. 45)', () => {
  it('stop the decision clocks from the day after suspension through the day of resumption', () => {
    const result = computeCaseClocks({
      events: caseEvents(accepted, suspended, ['RESUMED', '2025-10-17 10:00', {}]),
      item: item(),
      calendar,
      now: shanghai('2025-10-20 10:00'),
    });
    const statutory = clock(result, 'DECISION_STATUTORY');
    // 10-14…10-17 are not counted, so the due date moves out by 4 working days: 10-30 → 11-05.
    expect(statutory).toMatchObject({ dueOn: '2025-11-05', suspendedWorkingDays: 4, usedWorkingDays: 8, state: 'running' });
    expect(statutory.explanation.suspensions).toEqual([
      { eventId: 'e2', reason: 'TESTING', suspendedOn: '2025-10-13', resumedOn: '2025-10-17', workingDaysNotCounted: 4 },
    ]);
    expect(statutory.explanation.skippedDays.filter((day) => day.reason === 'SUSPENSION').map((day) => day.date)).toEqual([
      '2025-10-14',
      '2025-10-15',
      '2025-10-16',
      '2025-10-17',
    ]);
    // promised 10: 7 days to 10-13, then 10-20, 10-21, 10-22
    expect(clock(result, 'DECISION_PROMISED')).toMatchObject({ dueOn: '2025-10-22', suspendedWorkingDays: 4 });
  });

  it('keep a clock paused while not resumed, with nothing to check until it resumes', () => {
    const result = computeCaseClocks({
      events: caseEvents(accepted, suspended),
      item: item(),
      calendar,
      now: shanghai('2025-10-20 10:00'),
    });
    const statutory = clock(result, 'DECISION_STATUTORY');
    expect(statutory).toMatchObject({
      state: 'paused',
      usedWorkingDays: 7,
      remainingWorkingDays: 13,
      dueOn: '2025-11-06', // projected: 13 working days after today
      nextCheckAt: null,
    });
    expect(statutory.explanation.suspensions[0].resumedOn).toBeUndefined();
    expect(statutory.explanation.notes.join(' ')).toMatch(/Paused since 2025-10-13.*resumed on 2025-10-20/);
  });

  it('do not rescue a clock that had already run out', () => {
    const result = computeCaseClocks({
      events: caseEvents(accepted, ['SUSPENDED', '2025-11-03 10:00', { reason: 'HEARING', expectedDays: 5, noticeIssued: true }]),
      item: item(),
      calendar,
      now: shanghai('2025-11-10 10:00'),
    });
    expect(clock(result, 'DECISION_STATUTORY')).toMatchObject({ dueOn: '2025-10-30', state: 'breached' });
  });

  it('pause the clock from the moment of a suspension on the day of acceptance, before it covers a day', () => {
    const result = computeCaseClocks({
      events: caseEvents(['ACCEPTED', '2025-10-13 09:00', {}], ['SUSPENDED', '2025-10-13 11:00', { reason: 'TESTING', expectedDays: 5, noticeIssued: true }]),
      item: item(),
      calendar,
      now: shanghai('2025-10-13 12:00'),
    });
    const statutory = clock(result, 'DECISION_STATUTORY');
    expect(statutory).toMatchObject({ state: 'paused', usedWorkingDays: 0, suspendedWorkingDays: 0 });
    expect(statutory.explanation.suspensions).toEqual([
      { eventId: 'e2', reason: 'TESTING', suspendedOn: '2025-10-13', workingDaysNotCounted: 0 },
    ]);
  });

  it('remove nothing when suspended and resumed on the same day', () => {
    const result = computeCaseClocks({
      events: caseEvents(accepted, suspended, ['RESUMED', '2025-10-13 16:00', {}]),
      item: item(),
      calendar,
      now: shanghai('2025-10-20 10:00'),
    });
    expect(clock(result, 'DECISION_STATUTORY')).toMatchObject({ dueOn: '2025-10-30', suspendedWorkingDays: 0 });
  });

  it('do not pause step clocks unless configured to', () => {
    const events = caseEvents(accepted, ['STEP_STARTED', '2025-10-09 10:00', { step: 'REVIEW' }], suspended);
    const now = shanghai('2025-10-20 10:00');
    const byDefault = computeCaseClocks({ events, item: item(), calendar, now });
    expect(clock(byDefault, 'STEP')).toMatchObject({ state: 'breached', dueOn: '2025-10-15' });
    const configured = computeCaseClocks({
      events,
      item: item(),
      calendar,
      now,
      settings: { pausedBySuspension: ['DECISION_PROMISED', 'DECISION_STATUTORY', 'STEP'] },
    });
    expect(clock(configured, 'STEP')).toMatchObject({ state: 'paused', usedWorkingDays: 3 });
  });
});

describe('extensions (art. 42)', () => {
  const now = shanghai('2025-11-20 10:00');
  const extended = (at: string, days: number, approvedBy?: string): EventLine => [
    'EXTENDED',
    at,
    { days, ...(approvedBy ? { approvedBy } : {}), reason: 'complex' },
  ];

  it('credit approved days to the statutory clock only', () => {
    const result = computeCaseClocks({
      events: caseEvents(accepted, extended('2025-10-27 10:00', 10, 'head-1')),
      item: item(),
      calendar,
      now,
    });
    const statutory = clock(result, 'DECISION_STATUTORY');
    expect(statutory).toMatchObject({ limitWorkingDays: 30, dueOn: '2025-11-13' });
    expect(statutory.explanation).toMatchObject({ baseLimitWorkingDays: 20, limitWorkingDays: 30 });
    expect(statutory.explanation.extensions).toEqual([
      {
        eventId: 'e2',
        occurredAt: '2025-10-27T10:00:00+08:00',
        requestedDays: 10,
        creditedDays: 10,
        refusedDays: 0,
        approvedBy: 'head-1',
        requiredApprover: 'DEPARTMENT_HEAD',
      },
    ]);
    expect(clock(result, 'DECISION_PROMISED').limitWorkingDays).toBe(10);
  });

  it.each([
    ['beyond the +10 cap', [extended('2025-10-20 10:00', 8, 'head-1'), extended('2025-10-21 10:00', 5, 'head-1')], 30, [0, 'OVER_CAP', 2, 3]],
    ['without an approver', [extended('2025-10-20 10:00', 10)], 20, [0, 'NO_APPROVER', 0, 10]],
    ['after the limit ran out', [extended('2025-10-31 09:00', 10, 'head-1')], 20, [0, 'AFTER_DUE', 0, 10]],
  ] as const)('refuse days %s', (_label, extensions, limit, [index, refusal, credited, refused]) => {
    const result = computeCaseClocks({ events: caseEvents(accepted, ...extensions), item: item(), calendar, now });
    const statutory = clock(result, 'DECISION_STATUTORY');
    expect(statutory.limitWorkingDays).toBe(limit);
    const decisions = statutory.explanation.extensions;
    expect(decisions[decisions.length - 1 - index]).toMatchObject({ refusal, creditedDays: credited, refusedDays: refused });
  });

  it('refuse an extension recorded after the decision', () => {
    const result = computeCaseClocks({
      events: caseEvents(accepted, ['DECIDED', '2025-10-20 10:00', { outcome: 'DENIED' }], extended('2025-10-21 10:00', 5, 'head-1')),
      item: item(),
      calendar,
      now,
    });
    expect(clock(result, 'DECISION_STATUTORY').explanation.extensions[0]).toMatchObject({ refusal: 'AFTER_STOP', creditedDays: 0 });
  });

  it('allow +15 for joint handling (45 days)', () => {
    const result = computeCaseClocks({
      events: caseEvents(accepted, extended('2025-10-20 10:00', 20, 'mayor')),
      item: item({ kind: 'JOINT', statutoryDays: 45 }),
      calendar,
      now,
    });
    expect(clock(result, 'DECISION_STATUTORY')).toMatchObject({ limitWorkingDays: 60 });
    expect(clock(result, 'DECISION_STATUTORY').explanation.extensions[0]).toMatchObject({
      creditedDays: 15,
      refusedDays: 5,
      refusal: 'OVER_CAP',
    });
  });
});
