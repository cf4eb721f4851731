import { readFileSync, readdirSync } from 'fs';
import { EventLine, caseEvents, findingsOf, item, loadHolidayCalendar } from '../rules.spec-helper';
import { stepSkippedRule } from './step-skipped.rule';

const calendar = loadHolidayCalendar({ readdirSync, readFileSync });
const catalogued = item({
  steps: [
    { code: 'ACCEPT', name: '受理', limitDays: 5, mandatory: true },
    { code: 'REVIEW', name: '审查', limitDays: 5, mandatory: true },
    { code: 'INSPECT', name: '现场核查', limitDays: 3, mandatory: false },
    { code: 'DECIDE', name: '审批决定', limitDays: 1, mandatory: true },
    { code: 'ISSUE', name: '制证发证', limitDays: 5, mandatory: true },
  ],
});
const step = (type: 'STEP_STARTED' | 'STEP_COMPLETED', code: string, at: string): EventLine => [type, at, { step: code }];
const accept: EventLine[] = [
  ['SUBMITTED', '2025-10-13 09:00', { channel: 'WINDOW', documents: ['application'] }],
  step('STEP_STARTED', 'ACCEPT', '2025-10-13 09:10'),
  step('STEP_COMPLETED', 'ACCEPT', '2025-10-13 09:30'),
  ['ACCEPTED', '2025-10-13 09:40', {}],
];
const review = [step('STEP_STARTED', 'REVIEW', '2025-10-14 10:00'), step('STEP_COMPLETED', 'REVIEW', '2025-10-15 10:00')];
const decide = [step('STEP_STARTED', 'DECIDE', '2025-10-16 10:00'), step('STEP_COMPLETED', 'DECIDE', '2025-10-16 11:00')];
const decided: EventLine = ['DECIDED', '2025-10-16 12:00', { outcome: 'APPROVED' }];
const skipped = (lines: EventLine[], options = {}) =>
  findingsOf(stepSkippedRule, calendar, caseEvents(...lines), '2025-10-20 10:00', { item: catalogued, ...options });

describe('STEP_SKIPPED', () => {
  it.each<[string, EventLine[], string[], number]>([
    ['every mandatory step, optional INSPECT left out, ISSUE after the decision', [...accept, ...review, ...decide, decided], [], 0],
    ['REVIEW missing', [...accept, ...decide, decided], ['REVIEW'], 1],
    ['REVIEW started but not completed', [...accept, review[0], ...decide, decided], ['REVIEW'], 1],
    ['REVIEW completed only after the decision', [...accept, review[0], ...decide, decided, review[1]], ['REVIEW'], 1],
    ['not decided yet', [...accept, ...decide], [], 0],
  ])('%s → missing %j', (_label, lines, missing, count) => {
    const findings = skipped(lines);
    expect(findings).toHaveLength(count);
    if (count === 1) expect(findings[0]).toMatchObject({ level: 'RED', timeDriven: false, evidence: { facts: { missingSteps: missing, outOfOrder: [] } } });
  });

  it('flags mandatory steps started out of catalogue order', () => {
    const findings = skipped([...accept, decide[0], ...review, decide[1], decided]);
    expect(findings[0]).toMatchObject({
      evidence: { facts: { missingSteps: [], outOfOrder: [{ step: 'DECIDE', startedBefore: 'REVIEW' }] } },
      summary: { zh: '违反程序：2025-10-16作出决定时环节顺序颠倒（DECIDE先于REVIEW）' },
    });
  });

  it('names the decision-maker and cites the step events and the decision', () => {
    const events = caseEvents(...accept, ...decide, decided).map((e) => (e.type === 'DECIDED' ? { ...e, officerId: 'O-HEAD' } : e));
    const [finding] = findingsOf(stepSkippedRule, calendar, events, '2025-10-20 10:00', { item: catalogued });
    expect(finding).toMatchObject({ responsibleOfficerId: 'O-HEAD', evidence: { eventIds: ['e2', 'e3', 'e5', 'e6', 'e7'] } });
    expect(finding.summary.zh).toBe('违反程序：2025-10-16作出决定时缺少必经环节审查');
  });

  it('follows the settings: started is enough, or denials are not checked', () => {
    expect(skipped([...accept, review[0], ...decide, decided], { thresholds: { STEP_SKIPPED: { requireCompletion: false } } })).toHaveLength(0);
    const denied: EventLine = ['DECIDED', '2025-10-16 12:00', { outcome: 'DENIED', reason: 'x', legalBasis: 'y' }];
    expect(skipped([...accept, ...decide, denied])).toHaveLength(1);
    expect(skipped([...accept, ...decide, denied], { thresholds: { STEP_SKIPPED: { outcomes: ['APPROVED'] } } })).toHaveLength(0);
  });
});
