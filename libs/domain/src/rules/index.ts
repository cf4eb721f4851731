// Irregularity rules (domain.md §6): pure, values in, findings out.
export { RULESET_VERSION } from './ruleset-version';
export {
  DEFAULT_RULE_SETTINGS,
  DEFAULT_SUPERVISION_SETTINGS,
  TIME_DRIVEN_RULE_CODES,
  isCaseRuleCode,
} from './rule-settings';
export type { IssuanceSetting, RuleSettings, RuleSettingsByCode, RuleSettingsOverrides, SettingsOf, SupervisionSettings } from './rule-settings';
export { clockApproversFor, clockSettingsFor, resolveRuleSettings, ruleThresholdProblems } from './resolve-rule-settings';
export type { CaseFinding, CaseRule, RuleContext } from './rule-types';
export { buildRuleContext } from './build-rule-context';
export type { BuildRuleContextInput } from './build-rule-context';
export { CASE_RULES, caseRule } from './rule-registry';
export { evaluateCase } from './evaluate-case';
export type { CaseEvaluation } from './evaluate-case';
export { evaluateFeedSilence, feedLookbackStart } from './feed-silence';
export type { FeedSilenceInput, FeedSilenceResult } from './feed-silence';
export { inhibitByFeedSilence } from './feed-inhibition';
export type { FeedState, InhibitionResult } from './feed-inhibition';
export { supervisionDeadlineFor } from './supervision-deadline';
export { workingMsBetween, instantAfterWorkingMs } from './support/working-time';
export { dryRunRuleSettings } from './rule-settings-dry-run';
export type { DryRunCase, DryRunInput, DryRunResult, DryRunRow } from './rule-settings-dry-run';
