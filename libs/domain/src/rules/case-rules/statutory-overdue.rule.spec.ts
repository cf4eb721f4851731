import { readFileSync, readdirSync } from 'fs';
import { amend, caseEvents, evaluateAt, findingsOf, item, loadHolidayCalendar } from '../rules.spec-helper';
import { statutoryOverdueRule } from './statutory-overdue.rule';

const calendar = loadHolidayCalendar({ readdirSync, readFileSync });
const accepted = caseEvents(
  ['SUBMITTED', '2025-09-26 09:00', { channel: 'WINDOW', documents: ['application'] }],
  ['ACCEPTED', '2025-09-26 10:00', {}],
);
const overdue = (events = accepted, now = '2025-11-03 10:00', options = {}) =>
  findingsOf(statutoryOverdueRule, calendar, events, now, options);

describe('STATUTORY_OVERDUE', () => {
  it('the headline case: accepted 2025-09-26, 20 working days, no decision → RED, due 2025-10-30, 22 days used', () => {
    const evaluation = evaluateAt(calendar, accepted, '2025-11-03 10:00');
    const finding = evaluation.findings.find((f) => f.rule === 'STATUTORY_OVERDUE');
    expect(finding).toMatchObject({
      level: 'RED',
      breachedAt: '2025-10-30T16:00:00.000Z',
      timeDriven: true,
      evidence: {
        eventIds: ['e2'],
        clock: { kind: 'DECISION_STATUTORY', dueOn: '2025-10-30', dueAt: '2025-10-30T16:00:00.000Z', usedWorkingDays: 22, state: 'breached' },
        facts: { dueOn: '2025-10-30', limitWorkingDays: 20, usedWorkingDays: 22, overdueWorkingDays: 2 },
      },
      summary: { zh: '超法定时限：应于2025-10-30办结，已用22个工作日', en: 'Statutory limit exceeded: due 2025-10-30, 22 working days used' },
    });
    expect(finding?.evidence.clock?.explanation.countedRanges[0]).toEqual({ from: '2025-09-28', to: '2025-09-30', workingDays: 3 });
  });

  it('gives identical findings for the same inputs', () => {
    expect(evaluateAt(calendar, accepted, '2025-11-03 10:00')).toEqual(evaluateAt(calendar, accepted, '2025-11-03 10:00'));
  });

  it.each([
    ['2025-10-30 23:59', 0],
    ['2025-10-31 00:00', 1],
    ['2025-11-03 10:00', 1],
  ])('at %s (due 2025-10-30 24:00) finds %i', (now, count) => {
    expect(overdue(accepted, now)).toHaveLength(count);
  });

  it.each([
    ['2025-10-30 23:59', 0],
    ['2025-10-31 09:00', 1],
  ])('a decision at %s, read a month later, finds %i', (decidedAt, count) => {
    const events = [...accepted, ...caseEvents(['DECIDED', decidedAt, { outcome: 'APPROVED' }]).map((e) => ({ ...e, eventId: 'e3', seq: 3 }))];
    const findings = overdue(events, '2025-12-01 10:00');
    expect(findings).toHaveLength(count);
    if (count === 1) {
      expect(findings[0]).toMatchObject({ timeDriven: false, evidence: { eventIds: ['e2', 'e3'] } });
      expect(findings[0].summary.zh).toBe('超法定时限：应于2025-10-30办结，实际2025-10-31办结，用时21个工作日');
    }
  });

  it('honours an approved extension: +10 working days moves the due day to 2025-11-13', () => {
    const events = caseEvents(
      ['ACCEPTED', '2025-09-26 10:00', {}],
      ['EXTENDED', '2025-10-20 10:00', { days: 10, approvedBy: 'HEAD', reason: '案情复杂' }],
    );
    expect(overdue(events, '2025-11-13 23:59')).toHaveLength(0);
    expect(overdue(events, '2025-11-14 00:00')[0].evidence.clock).toMatchObject({ dueOn: '2025-11-13', limitWorkingDays: 30 });
  });

  it('names whoever last acted before the due instant, else the department contact, else nobody', () => {
    const events = amend(
      caseEvents(
        ['ACCEPTED', '2025-09-26 10:00', {}],
        ['STEP_STARTED', '2025-10-09 10:00', { step: 'REVIEW' }],
        ['STEP_STARTED', '2025-10-31 10:00', { step: 'DECIDE' }],
      ),
      { e1: { officerId: 'O-WINDOW' }, e2: { officerId: 'O-REVIEW' }, e3: { officerId: 'O-HEAD' } },
    );
    expect(overdue(events)[0].responsibleOfficerId).toBe('O-REVIEW');
    expect(overdue(accepted, '2025-11-03 10:00', { contact: { officerId: 'O-CONTACT' } })[0].responsibleOfficerId).toBe('O-CONTACT');
    expect(overdue(accepted)[0].responsibleOfficerId).toBeNull();
  });

  it('uses the law default (20) for an uncatalogued item and the item limit otherwise', () => {
    expect(overdue(accepted, '2025-10-31 00:00', { item: null })).toHaveLength(1);
    expect(overdue(accepted, '2025-10-31 00:00', { item: item({ statutoryDays: 30 }) })).toHaveLength(0);
  });
});

describe('STATUTORY_OVERDUE after the case ended otherwise', () => {
  it('stays a finding and says how the case ended', () => {
    const events = caseEvents(['ACCEPTED', '2025-09-26 10:00', {}], ['WITHDRAWN', '2025-11-04 10:00', { reason: '申请人撤回' }]);
    const [finding] = findingsOf(statutoryOverdueRule, calendar, events, '2025-11-20 10:00');
    expect(finding).toMatchObject({ timeDriven: false, evidence: { eventIds: ['e1', 'e2'] } });
    expect(finding.summary.zh).toBe('超法定时限：应于2025-10-30办结，2025-11-04撤回时已用23个工作日');
  });

  it('is quiet when the case was withdrawn in time', () => {
    const events = caseEvents(['ACCEPTED', '2025-09-26 10:00', {}], ['WITHDRAWN', '2025-10-20 10:00', {}]);
    expect(findingsOf(statutoryOverdueRule, calendar, events, '2025-11-20 10:00')).toHaveLength(0);
  });
});
