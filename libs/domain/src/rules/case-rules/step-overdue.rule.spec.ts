import { readFileSync, readdirSync } from 'fs';
import { amend, caseEvents, contextAt, findingsOf, loadHolidayCalendar } from '../rules.spec-helper';
import { stepOverdueRule } from './step-overdue.rule';

const calendar = loadHolidayCalendar({ readdirSync, readFileSync });
// REVIEW (limit 5) started Monday 2025-09-29: 09-30, 10-09, 10-10, 10-11 (make-up Saturday), 10-13 → due 2025-10-13.
const started = amend(
  caseEvents(
    ['ACCEPTED', '2025-09-26 10:00', {}],
    ['STEP_STARTED', '2025-09-29 10:00', { step: 'REVIEW' }],
    ['FEE_CHARGED', '2025-10-10 10:00', { amountFen: 0 }],
  ),
  { e2: { officerId: 'O-REVIEWER' }, e3: { officerId: 'O-WINDOW' } },
);
const twoSteps = amend(
  caseEvents(
    ['ACCEPTED', '2025-09-26 10:00', {}],
    ['STEP_STARTED', '2025-09-29 10:00', { step: 'REVIEW' }],
    ['STEP_STARTED', '2025-10-10 10:00', { step: 'DECIDE' }],
  ),
  { e2: { officerId: 'O-REVIEWER' }, e3: { officerId: 'O-HEAD' } },
);

describe('STEP_OVERDUE', () => {
  it.each([
    ['2025-10-13 23:59', null, 0],
    ['2025-10-14 00:00', 'PROMPT', 1],
    ['2025-10-15 12:00', 'PROMPT', 2],
    ['2025-10-16 00:00', 'YELLOW', 3],
  ])('an open step at %s: %s, %i working days over', (now, level, over) => {
    const findings = findingsOf(stepOverdueRule, calendar, started, now);
    if (level === null) return expect(findings).toHaveLength(0);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      level,
      breachedAt: '2025-10-13T16:00:00.000Z',
      timeDriven: true,
      responsibleOfficerId: 'O-REVIEWER', // who held the step, not O-WINDOW who acted last
      evidence: { eventIds: ['e2'], clock: { kind: 'STEP', step: 'REVIEW', dueOn: '2025-10-13' }, facts: { overdueWorkingDays: over } },
    });
  });

  it('names the step', () => {
    expect(findingsOf(stepOverdueRule, calendar, started, '2025-10-14 09:00')[0].summary.zh).toBe(
      '环节超时：审查环节应于2025-10-13完成，已用6个工作日',
    );
  });

  it('the level change is a threshold: 2025-10-16 00:00 local', () => {
    const instants = stepOverdueRule.thresholdInstants?.(contextAt(calendar, started, '2025-10-14 09:00')) ?? [];
    expect(instants.map((ms) => new Date(ms).toISOString())).toContain('2025-10-15T16:00:00.000Z');
  });

  it.each([
    ['2025-10-13 18:00', 0],
    ['2025-10-15 09:00', 1],
  ])('a step completed at %s finds %i', (completedAt, count) => {
    const events = [...started, ...caseEvents(['STEP_COMPLETED', completedAt, { step: 'REVIEW' }]).map((e) => ({ ...e, eventId: 'e4', seq: 4 }))];
    const findings = findingsOf(stepOverdueRule, calendar, events, '2025-11-20 10:00');
    expect(findings).toHaveLength(count);
    if (count === 1) expect(findings[0]).toMatchObject({ level: 'PROMPT', timeDriven: false, responsibleOfficerId: 'O-REVIEWER', evidence: { eventIds: ['e2', 'e4'] } });
  });

  it('does not count art. 45 time inside the step (by default)', () => {
    const events = [
      ...started,
      ...caseEvents(
        ['SUSPENDED', '2025-10-09 10:00', { reason: 'EXPERT_REVIEW', expectedDays: 5, noticeIssued: true }],
        ['RESUMED', '2025-10-16 10:00', {}],
      ).map((e, i) => ({ ...e, eventId: `e${4 + i}`, seq: 4 + i })),
    ];
    // 10-10, 10-11 (make-up Saturday), 10-13…10-16 are not counted: 09-30, 10-09, 10-17, 10-20, 10-21 → due 2025-10-21.
    expect(findingsOf(stepOverdueRule, calendar, events, '2025-10-21 23:59')).toHaveLength(0);
    expect(findingsOf(stepOverdueRule, calendar, events, '2025-10-22 00:00')[0].evidence.clock).toMatchObject({ dueOn: '2025-10-21', suspendedWorkingDays: 6 });
    const counted = { thresholds: { STEP_OVERDUE: { excludeSuspendedTime: false } } };
    expect(findingsOf(stepOverdueRule, calendar, events, '2025-10-14 00:00', counted)).toHaveLength(1);
  });

  it('takes the YELLOW threshold from the item', () => {
    const findings = findingsOf(stepOverdueRule, calendar, started, '2025-10-14 00:00', { thresholds: { STEP_OVERDUE: { yellowAfterOverdueWorkingDays: 1 } } });
    expect(findings[0].level).toBe('YELLOW');
  });

  it('reports the most severe of several overdue steps and lists them all', () => {
    const findings = findingsOf(stepOverdueRule, calendar, twoSteps, '2025-10-20 10:00'); // DECIDE (3) due 10-14
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ level: 'YELLOW', evidence: { clock: { step: 'REVIEW' } } });
    expect(findings[0].evidence.facts.breachedClocks).toEqual([
      { step: 'REVIEW', startedOn: '2025-09-29', dueOn: '2025-10-13', usedWorkingDays: 10, level: 'YELLOW' },
      { step: 'DECIDE', startedOn: '2025-10-10', dueOn: '2025-10-14', usedWorkingDays: 7, level: 'YELLOW' },
    ]);
  });
});
