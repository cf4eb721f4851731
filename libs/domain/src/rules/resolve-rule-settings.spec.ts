import { readFileSync, readdirSync } from 'fs';
import { clockSettingsFor, resolveRuleSettings, ruleThresholdProblems } from './resolve-rule-settings';
import { DEFAULT_RULE_SETTINGS, DEFAULT_SUPERVISION_SETTINGS } from './rule-settings';
import { loadHolidayCalendar } from './rules.spec-helper';
import { supervisionDeadlineFor } from './supervision-deadline';

describe('rule settings', () => {
  it('default to domain.md §6', () => {
    const settings = resolveRuleSettings();
    expect(settings).toEqual(DEFAULT_RULE_SETTINGS);
    expect(settings.DEADLINE_NEAR).toMatchObject({ warnAtRemainingWorkingDays: 1, warnAtUsedFraction: 0.9 });
    expect(settings.LATE_REPORTING.maxDelayHours).toBe(24);
    expect(settings.EXTENSION_IRREGULAR).toMatchObject({ capDays: 10, jointCapDays: 15, maxExtensions: 1 });
    expect(settings.SUSPENSION_IRREGULAR.allowedReasons).not.toContain('OTHER');
    expect(DEFAULT_SUPERVISION_SETTINGS.yellowCardDeadlineWorkingDays).toBe(5);
  });

  it('apply the centre overrides, then the item thresholds', () => {
    const settings = resolveRuleSettings(
      { thresholds: { LATE_REPORTING: { maxDelayHours: 48 }, STEP_OVERDUE: { enabled: false } } },
      { LATE_REPORTING: { maxDelayHours: 12, monitoredSince: '2025-10-01T00:00:00Z' }, FEE_IRREGULAR: { toleranceFen: 100 } },
    );
    expect(settings.LATE_REPORTING).toEqual({ enabled: true, maxDelayHours: 48, monitoredSince: '2025-10-01T00:00:00Z', holdForConfirmation: false });
    expect(settings.FEE_IRREGULAR.toleranceFen).toBe(100);
    expect(settings.STEP_OVERDUE.enabled).toBe(false);
  });

  it('ignore invalid overrides and say why, without changing the defaults', () => {
    const thresholds = {
      DEADLINE_NEAR: { warnAtUsedFraction: 1.5, clockKinds: ['DECISION_PROMISED', 'NOPE'], colour: 'red' },
      STEP_OVERDUE: { yellowAfterOverdueWorkingDays: 2.5 },
      NO_SUCH_RULE: {},
      FEE_IRREGULAR: 5,
    };
    expect(ruleThresholdProblems(thresholds)).toEqual([
      'DEADLINE_NEAR.warnAtUsedFraction: must be a number in (0, 1]',
      'DEADLINE_NEAR.clockKinds: has unknown values: NOPE',
      'DEADLINE_NEAR.colour: not a setting of this rule',
      'STEP_OVERDUE.yellowAfterOverdueWorkingDays: must be a whole number ≥ 0',
      'NO_SUCH_RULE: not a rule code',
      'FEE_IRREGULAR: must be an object of settings',
    ]);
    expect(resolveRuleSettings({ thresholds })).toEqual(DEFAULT_RULE_SETTINGS);
    expect(ruleThresholdProblems(undefined)).toEqual([]);
    expect(ruleThresholdProblems([])).toEqual(['thresholds must be an object keyed by rule code']);
  });

  it('issue every case rule’s cards at once unless a rule (or an item) holds them for confirmation', () => {
    expect(resolveRuleSettings().STATUTORY_OVERDUE.holdForConfirmation).toBe(false);
    const held = resolveRuleSettings({ thresholds: { STEP_OVERDUE: { holdForConfirmation: false } } }, { STEP_OVERDUE: { holdForConfirmation: true }, DEADLINE_NEAR: { holdForConfirmation: true } });
    expect([held.STEP_OVERDUE.holdForConfirmation, held.DEADLINE_NEAR.holdForConfirmation, held.PROMISED_OVERDUE.holdForConfirmation]).toEqual([false, true, false]);
    expect(ruleThresholdProblems({ STEP_OVERDUE: { holdForConfirmation: 'yes' }, FEED_SILENT: { holdForConfirmation: true } })).toEqual([
      'STEP_OVERDUE.holdForConfirmation: must be true or false',
      'FEED_SILENT.holdForConfirmation: not a setting of this rule',
    ]);
  });

  it('never share state between resolutions', () => {
    const settings = resolveRuleSettings() as { STEP_SKIPPED: { notCheckedAtDecision: string[] } };
    settings.STEP_SKIPPED.notCheckedAtDecision.push('X');
    expect(resolveRuleSettings().STEP_SKIPPED.notCheckedAtDecision).toEqual(['ISSUE']);
  });

  it('give the clocks the same warning point and extension cap', () => {
    expect(clockSettingsFor(resolveRuleSettings({ thresholds: { DEADLINE_NEAR: { warnAtUsedFraction: 0.8 } } }))).toEqual({
      warnAtRemainingWorkingDays: 1,
      warnAtUsedFraction: 0.8,
      extensionCapDays: 10,
      jointExtensionCapDays: 15,
      pausedBySuspension: ['DECISION_PROMISED', 'DECISION_STATUTORY', 'LOWER_REVIEW', 'ISSUANCE', 'STEP'],
    });
    const counted = resolveRuleSettings({ thresholds: { STEP_OVERDUE: { excludeSuspendedTime: false } } });
    expect(clockSettingsFor(counted).pausedBySuspension).toEqual(['DECISION_PROMISED', 'DECISION_STATUTORY', 'LOWER_REVIEW', 'ISSUANCE']);
    const localRule = resolveRuleSettings({ thresholds: { FORWARD_LATE: { excludeSuspendedTime: false }, CERTIFICATE_LATE: { excludeSuspendedTime: false } } });
    expect(clockSettingsFor(localRule).pausedBySuspension).toEqual(['DECISION_PROMISED', 'DECISION_STATUTORY', 'STEP']);
  });
});

describe('supervision deadline of a YELLOW card', () => {
  const calendar = loadHolidayCalendar({ readdirSync, readFileSync });
  it('is 5 working days after the day it is raised: raised 2025-09-26 → due 2025-10-10', () => {
    expect(supervisionDeadlineFor(calendar, '2025-09-26T02:00:00Z')).toEqual({ dueOn: '2025-10-10', dueAt: '2025-10-10T16:00:00.000Z', provisional: false });
    expect(supervisionDeadlineFor(calendar, '2025-09-26T02:00:00Z', { yellowCardDeadlineWorkingDays: 1 }).dueOn).toBe('2025-09-28');
  });
});
