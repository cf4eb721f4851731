import * as fs from 'fs';
import { DEFAULT_COUNTING_POLICY } from '../calendar/counting-policy';
import { caseEvents, item, loadHolidayCalendar, shanghai } from './rules.spec-helper';
import { dryRunRuleSettings, DryRunInput } from './rule-settings-dry-run';

describe('rule settings dry run', () => {
  const calendar = loadHolidayCalendar(fs);
  // Accepted Friday 2025-09-26: promised (10 days) due 2025-10-16, statutory (20) due 2025-10-30.
  const accepted = caseEvents(['SUBMITTED', '2025-09-26 09:00', { channel: 'WINDOW', documents: ['application'] }], ['ACCEPTED', '2025-09-26 10:00', {}]);
  const otherDepartment = accepted.map((e) => ({ ...e, departmentCode: 'D02', caseId: 'C-2' }));
  const base = (proposed: DryRunInput['proposed'], windowStart = '2025-10-21 00:00'): DryRunInput => ({
    cases: [{ events: accepted, item: item() }, { events: otherDepartment, item: item() }],
    current: {},
    proposed,
    calendar,
    policy: DEFAULT_COUNTING_POLICY,
    clockSettings: {},
    now: shanghai('2025-11-20 12:00'),
    windowStart: shanghai(windowStart),
  });

  it('counts, per rule and department, the cards whose breach falls in the window, under both settings', () => {
    const result = dryRunRuleSettings(base({ STATUTORY_OVERDUE: { enabled: false } }));
    const statutory = result.rows.filter((r) => r.rule === 'STATUTORY_OVERDUE');
    expect(statutory).toEqual([
      { rule: 'STATUTORY_OVERDUE', departmentCode: 'D01', current: 1, proposed: 0, proposedHeld: 0 },
      { rule: 'STATUTORY_OVERDUE', departmentCode: 'D02', current: 1, proposed: 0, proposedHeld: 0 },
    ]);
    // The promised limit passed on 2025-10-16, before the window: not counted on either side.
    expect(result.rows.some((r) => r.rule === 'PROMISED_OVERDUE')).toBe(false);
    expect(result.totals.difference).toBe(-2);
    expect(result.casesEvaluated).toBe(2);
  });

  it('sees the promised breach when the window reaches it, and counts the cards a hold would keep back', () => {
    const result = dryRunRuleSettings(base({ PROMISED_OVERDUE: { holdForConfirmation: true } }, '2025-10-01 00:00'));
    const promised = result.rows.find((r) => r.rule === 'PROMISED_OVERDUE' && r.departmentCode === 'D01');
    expect(promised).toEqual({ rule: 'PROMISED_OVERDUE', departmentCode: 'D01', current: 1, proposed: 1, proposedHeld: 1 });
    expect(result.totals.proposedHeld).toBe(2);
    expect(result.totals.difference).toBe(0);
  });

  it('follows a changed threshold through the clocks: an earlier warning point raises DEADLINE_NEAR', () => {
    // Accepted 2025-11-10, read 2025-11-17: 5 of 10 promised working days used.
    const young = caseEvents(['SUBMITTED', '2025-11-10 09:00', { channel: 'WINDOW', documents: ['application'] }], ['ACCEPTED', '2025-11-10 10:00', {}]);
    const input = { ...base({ DEADLINE_NEAR: { warnAtUsedFraction: 0.4 } }), cases: [{ events: young, item: item() }], now: shanghai('2025-11-17 12:00') };
    const near = dryRunRuleSettings(input).rows.filter((r) => r.rule === 'DEADLINE_NEAR');
    expect(near.map((r) => [r.current, r.proposed])).toEqual([[0, 1]]);
  });
});
