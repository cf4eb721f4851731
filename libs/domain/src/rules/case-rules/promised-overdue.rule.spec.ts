import { readFileSync, readdirSync } from 'fs';
import { caseEvents, evaluateAt, findingsOf, item, loadHolidayCalendar } from '../rules.spec-helper';
import { promisedOverdueRule } from './promised-overdue.rule';

const calendar = loadHolidayCalendar({ readdirSync, readFileSync });
const accepted = caseEvents(['ACCEPTED', '2025-09-26 10:00', {}]);

describe('PROMISED_OVERDUE', () => {
  // Promised 10 working days from Friday 2025-09-26: due 2025-10-16 (make-up 09-28 and 10-11 count).
  it.each([
    ['2025-10-16 23:59', 0],
    ['2025-10-17 00:00', 1],
  ])('open case at %s finds %i', (now, count) => {
    const findings = findingsOf(promisedOverdueRule, calendar, accepted, now);
    expect(findings).toHaveLength(count);
    if (count === 1) {
      expect(findings[0]).toMatchObject({
        level: 'YELLOW',
        breachedAt: '2025-10-16T16:00:00.000Z',
        timeDriven: true,
        evidence: { clock: { kind: 'DECISION_PROMISED', dueOn: '2025-10-16', usedWorkingDays: 11 } },
        summary: { zh: '超承诺时限：应于2025-10-16办结，已用11个工作日' },
      });
    }
  });

  it.each([
    ['2025-10-16 17:00', 0],
    ['2025-10-17 09:00', 1],
  ])('a case decided at %s finds %i (closed late stays a finding)', (decidedAt, count) => {
    const events = caseEvents(['ACCEPTED', '2025-09-26 10:00', {}], ['DECIDED', decidedAt, { outcome: 'APPROVED' }]);
    const findings = findingsOf(promisedOverdueRule, calendar, events, '2025-11-20 10:00');
    expect(findings).toHaveLength(count);
    if (count === 1) expect(findings[0].timeDriven).toBe(false);
  });

  it('IMMEDIATE items are due the same day', () => {
    const immediate = item({ kind: 'IMMEDIATE', promisedDays: 0 });
    expect(findingsOf(promisedOverdueRule, calendar, accepted, '2025-09-26 23:59', { item: immediate })).toHaveLength(0);
    expect(findingsOf(promisedOverdueRule, calendar, accepted, '2025-09-27 00:00', { item: immediate })).toHaveLength(1);
  });

  it('stays quiet for an item not in the catalogue (no promise known) and when switched off', () => {
    expect(findingsOf(promisedOverdueRule, calendar, accepted, '2025-11-03 10:00', { item: null })).toHaveLength(0);
    const rulesOf = (options = {}) => evaluateAt(calendar, accepted, '2025-11-03 10:00', options).findings.map((f) => f.rule);
    expect(rulesOf()).toContain('PROMISED_OVERDUE');
    expect(rulesOf({ thresholds: { PROMISED_OVERDUE: { enabled: false } } })).not.toContain('PROMISED_OVERDUE');
  });
});
