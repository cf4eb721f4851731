import { readFileSync, readdirSync } from 'fs';
import { EventLine, amend, caseEvents, findingsOf, item, loadHolidayCalendar, utc } from '../rules.spec-helper';
import { offlineHandlingRule } from './offline-handling.rule';

const calendar = loadHolidayCalendar({ readdirSync, readFileSync });
const accept: EventLine[] = [
  ['SUBMITTED', '2025-10-13 09:00', { channel: 'WINDOW', documents: ['application'] }],
  ['STEP_STARTED', '2025-10-13 09:10', { step: 'ACCEPT' }],
  ['STEP_COMPLETED', '2025-10-13 09:30', { step: 'ACCEPT' }],
  ['ACCEPTED', '2025-10-13 09:40', {}],
];
const decided: EventLine = ['DECIDED', '2025-10-16 12:00', { outcome: 'APPROVED' }];
const withSteps = item({
  steps: [
    { code: 'ACCEPT', name: '受理', limitDays: 5, mandatory: true },
    { code: 'REVIEW', name: '审查', limitDays: 5, mandatory: true },
    { code: 'ISSUE', name: '发证', limitDays: 5, mandatory: false },
  ],
});
const offline = (events: ReturnType<typeof caseEvents>, options = {}) =>
  findingsOf(offlineHandlingRule, calendar, events, '2025-10-20 10:00', { item: withSteps, ...options });

describe('OFFLINE_HANDLING: a decision with no intermediate steps', () => {
  it('fires when nothing happened between acceptance and the decision', () => {
    const [finding] = offline(caseEvents(...accept, decided));
    expect(finding).toMatchObject({ level: 'YELLOW', breachedAt: utc('2025-10-16 12:00'), evidence: { eventIds: ['e5'], facts: { patterns: [{ kind: 'DECIDED_WITHOUT_STEPS' }] } } });
  });

  it('is quiet when a step was recorded in between', () => {
    expect(offline(caseEvents(...accept, ['STEP_STARTED', '2025-10-14 10:00', { step: 'REVIEW' }], decided))).toHaveLength(0);
  });

  it('is quiet for items with no step expected in between, and for uncatalogued items', () => {
    const outsideOnly = item({ steps: [{ code: 'ACCEPT', name: '受理', limitDays: 0, mandatory: true }] });
    expect(offline(caseEvents(...accept, decided), { item: outsideOnly })).toHaveLength(0);
    expect(offline(caseEvents(...accept, decided), { item: null })).toHaveLength(0);
  });
});

describe('OFFLINE_HANDLING: a burst of back-dated events', () => {
  const history = caseEvents(...accept, ['STEP_STARTED', '2025-10-14 10:00', { step: 'REVIEW' }]);
  const entered = (receipts: Record<string, string>) =>
    amend(history, Object.fromEntries(Object.entries(receipts).map(([id, at]) => [id, { receivedAt: at }])));

  it.each<[string, Record<string, string>, number]>([
    ['three events typed in within the hour, all over 24 h old', { e1: '2025-10-16 15:00', e2: '2025-10-16 15:01', e4: '2025-10-16 15:30' }, 1],
    ['only two back-dated', { e1: '2025-10-16 15:00', e2: '2025-10-16 15:01' }, 0],
    ['three, but spread over hours', { e1: '2025-10-16 09:00', e2: '2025-10-16 11:00', e4: '2025-10-16 13:00' }, 0],
  ])('%s finds %i', (_label, receipts, count) => {
    const findings = offline(entered(receipts));
    expect(findings).toHaveLength(count);
    if (count === 1) {
      expect(findings[0]).toMatchObject({ breachedAt: utc('2025-10-16 15:00'), evidence: { eventIds: ['e1', 'e2', 'e4'], facts: { patterns: [{ kind: 'BACKDATED_BURST', eventCount: 3 }] } } });
    }
  });

  it('does not take the backlog uploaded when a department is connected for a burst', () => {
    const receipts = { e1: '2025-10-16 15:00', e2: '2025-10-16 15:01', e4: '2025-10-16 15:30' };
    const thresholds = { OFFLINE_HANDLING: { monitoredSince: utc('2025-10-16 00:00') } };
    expect(offline(entered(receipts), { thresholds })).toHaveLength(0);
  });
});
