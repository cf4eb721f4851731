import { CASE_RULE_CODES } from '@app/contracts';
import { readFileSync, readdirSync } from 'fs';
import { CASE_RULES, caseRule } from './rule-registry';
import { caseEvents, evaluateAt, item, loadHolidayCalendar } from './rules.spec-helper';
import { RULESET_VERSION } from './ruleset-version';

const calendar = loadHolidayCalendar({ readdirSync, readFileSync });
const accepted = caseEvents(
  ['SUBMITTED', '2025-09-26 09:00', { channel: 'WINDOW', documents: ['application'] }],
  ['ACCEPTED', '2025-09-26 10:00', {}],
);

describe('the rule registry', () => {
  it('holds every per-case rule of the catalogue, in catalogue order, each with its defaults and levels', () => {
    expect(CASE_RULES.map((rule) => rule.code)).toEqual([...CASE_RULE_CODES]);
    for (const rule of CASE_RULES) {
      expect(rule.defaults.enabled).toBe(true);
      expect(rule.levels.length).toBeGreaterThan(0);
      expect(caseRule(rule.code)).toBe(rule);
    }
  });
});

describe('evaluateCase', () => {
  it('the headline case on 2025-11-03: promised and statutory limits passed, one finding per rule', () => {
    const evaluation = evaluateAt(calendar, accepted, '2025-11-03 10:00');
    expect(evaluation.findings.map((f) => [f.rule, f.level])).toEqual([
      ['PROMISED_OVERDUE', 'YELLOW'],
      ['STATUTORY_OVERDUE', 'RED'],
    ]);
    expect(evaluation.findings.every((f) => f.rulesetVersion === RULESET_VERSION)).toBe(true);
    expect(evaluation).toMatchObject({ rulesetVersion: RULESET_VERSION, nextEvaluationAt: null });
  });

  it('is deterministic: the same inputs give identical results', () => {
    const first = evaluateAt(calendar, accepted, '2025-11-03 10:00');
    const second = evaluateAt(calendar, accepted.map((e) => ({ ...e })), '2025-11-03 10:00');
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it.each([
    ['2025-09-26 11:00', '2025-10-14T16:00:00.000Z'], // DEADLINE_NEAR on the promised limit (10-15 00:00)
    ['2025-10-13 10:00', '2025-10-14T16:00:00.000Z'], // DEADLINE_NEAR on the promised limit (10-15 00:00)
    ['2025-10-15 10:00', '2025-10-16T16:00:00.000Z'], // the promised due instant
    ['2025-10-20 10:00', '2025-10-27T16:00:00.000Z'], // DEADLINE_NEAR on the statutory limit
    ['2025-10-29 10:00', '2025-10-30T16:00:00.000Z'], // the statutory due instant
  ])('at %s the next evaluation is due at %s', (now, next) => {
    expect(evaluateAt(calendar, accepted, now).nextEvaluationAt).toBe(next);
  });

  it("includes the clocks' own thresholds: an unanswered application is looked at again at its notice warning", () => {
    expect(evaluateAt(calendar, accepted.slice(0, 1), '2025-09-26 11:00').nextEvaluationAt).toBe('2025-10-08T16:00:00.000Z');
  });

  it('at the next evaluation instant the result has changed', () => {
    const before = evaluateAt(calendar, accepted, '2025-10-29 10:00');
    expect(before.findings.map((f) => f.rule)).toEqual(['DEADLINE_NEAR', 'PROMISED_OVERDUE']);
    const at = evaluateAt(calendar, accepted, '2025-10-31 00:00');
    expect(at.findings.map((f) => f.rule)).toEqual(['PROMISED_OVERDUE', 'STATUTORY_OVERDUE']);
  });

  it('skips rules switched off for the item', () => {
    const evaluation = evaluateAt(calendar, accepted, '2025-11-03 10:00', { thresholds: { STATUTORY_OVERDUE: { enabled: false } } });
    expect(evaluation.findings.map((f) => f.rule)).toEqual(['PROMISED_OVERDUE']);
  });

  it('a decided case has nothing left to wait for', () => {
    const decided = [...accepted, ...caseEvents(['DECIDED', '2025-10-10 10:00', { outcome: 'DENIED', reason: '不符合条件', legalBasis: '第三十八条' }]).map((e) => ({ ...e, eventId: 'e3', seq: 3 }))];
    expect(evaluateAt(calendar, decided, '2025-10-13 10:00', { item: item({ steps: [] }) })).toMatchObject({ findings: [], nextEvaluationAt: null });
  });
});
