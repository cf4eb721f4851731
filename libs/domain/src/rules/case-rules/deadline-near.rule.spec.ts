import { readFileSync, readdirSync } from 'fs';
import { caseEvents, contextAt, findingsOf, item, loadHolidayCalendar } from '../rules.spec-helper';
import { deadlineNearRule } from './deadline-near.rule';

const calendar = loadHolidayCalendar({ readdirSync, readFileSync });
const accepted = caseEvents(['ACCEPTED', '2025-09-26 10:00', {}]);
const near = (events: ReturnType<typeof caseEvents>, now: string, options = {}) => findingsOf(deadlineNearRule, calendar, events, now, options);

describe('DEADLINE_NEAR', () => {
  // Promised 10 from 2025-09-26: the 9th working day (≥ 90 % used, 1 left) is 2025-10-15; due 2025-10-16.
  it.each([
    ['2025-10-14 23:59', 0],
    ['2025-10-15 00:00', 1],
    ['2025-10-16 23:59', 1],
    ['2025-10-17 00:00', 0], // past due: PROMISED_OVERDUE takes over
  ])('promised limit, at %s finds %i', (now, count) => {
    const findings = near(accepted, now);
    expect(findings).toHaveLength(count);
    if (count === 1) {
      expect(findings[0]).toMatchObject({
        level: 'PROMPT',
        breachedAt: '2025-10-14T16:00:00.000Z',
        timeDriven: true,
        evidence: { clock: { kind: 'DECISION_PROMISED', dueOn: '2025-10-16' }, facts: { nearClocks: ['DECISION_PROMISED'] } },
      });
    }
  });

  it('says how much is left', () => {
    expect(near(accepted, '2025-10-15 09:00')[0].summary).toEqual({
      zh: '临近承诺时限：应于2025-10-16办结，剩余1个工作日（已用9/10）',
      en: 'Near the promised limit: due 2025-10-16, 1 working days left (9 of 10 used)',
    });
  });

  it('warns about the statutory limit once the promised one has passed: from its 18th day (90 % of 20)', () => {
    expect(near(accepted, '2025-10-27 23:59')).toHaveLength(0);
    expect(near(accepted, '2025-10-28 00:00')[0]).toMatchObject({
      breachedAt: '2025-10-27T16:00:00.000Z',
      evidence: { clock: { kind: 'DECISION_STATUTORY', dueOn: '2025-10-30' } },
    });
  });

  it('clears once the case is decided', () => {
    const decided = caseEvents(['ACCEPTED', '2025-09-26 10:00', {}], ['DECIDED', '2025-10-15 11:00', { outcome: 'APPROVED' }]);
    expect(near(decided, '2025-10-15 12:00')).toHaveLength(0);
  });

  it('does not warn about a same-day limit (IMMEDIATE): it would warn at once', () => {
    expect(near(accepted, '2025-09-26 12:00', { item: item({ kind: 'IMMEDIATE', promisedDays: 0 }) })).toHaveLength(0);
  });

  it('takes per-item thresholds: 50 % used warns from the 5th working day (2025-10-10)', () => {
    const thresholds = { DEADLINE_NEAR: { warnAtUsedFraction: 0.5 } };
    expect(near(accepted, '2025-10-09 23:59', { thresholds })).toHaveLength(0);
    expect(near(accepted, '2025-10-10 00:00', { thresholds })[0].breachedAt).toBe('2025-10-09T16:00:00.000Z');
  });

  it('keeps the warning through a suspension, dated from before it', () => {
    const events = caseEvents(
      ['ACCEPTED', '2025-09-26 10:00', {}],
      ['SUSPENDED', '2025-10-15 10:00', { reason: 'TESTING', expectedDays: 10, noticeIssued: true }],
    );
    expect(near(events, '2025-10-22 10:00')[0]).toMatchObject({ breachedAt: '2025-10-14T16:00:00.000Z', evidence: { clock: { state: 'paused' } } });
  });

  it('offers the warning instant and the due instant of running clocks as thresholds', () => {
    const instants = deadlineNearRule.thresholdInstants?.(contextAt(calendar, accepted, '2025-10-13 10:00')) ?? [];
    expect(instants.map((ms) => new Date(ms).toISOString())).toEqual([
      '2025-10-14T16:00:00.000Z',
      '2025-10-16T16:00:00.000Z',
      '2025-10-27T16:00:00.000Z',
      '2025-10-30T16:00:00.000Z',
    ]);
  });

  it('agrees with the explanation-free path (batch recomputation) on the warning instant', () => {
    const context = contextAt(calendar, accepted, '2025-10-15 09:00');
    const cut = { ...context, clocks: { ...context.clocks, clocks: context.clocks.clocks.map((c) => ({ ...c, explanation: { ...c.explanation, countedRanges: [] } })) } };
    expect(deadlineNearRule.evaluate(cut)[0].breachedAt).toBe('2025-10-14T16:00:00.000Z');
  });
});
