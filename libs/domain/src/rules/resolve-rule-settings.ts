import { CASE_RULE_CODES, DECISION_OUTCOMES, ItemInput, RULE_CODES, RuleCode, SUSPENSION_REASONS } from '@app/contracts';
import { CLOCK_KINDS, ClockKind, ClockSettings, DEFAULT_CLOCK_SETTINGS } from '../clock/clock-types';
import { ExtensionApprovers } from '../clock/extension-approvers';
import { DEFAULT_RULE_SETTINGS, isCaseRuleCode, RuleSettings, RuleSettingsByCode, RuleSettingsOverrides } from './rule-settings';

/** What a setting may hold; overrides come from catalogue JSON, so every value is checked. */
type SettingKind =
  | { type: 'boolean' }
  | { type: 'integer' }
  | { type: 'number' }
  | { type: 'fraction' }
  | { type: 'instantOrNull' }
  | { type: 'strings'; allowed?: readonly string[] };

const BOOL: SettingKind = { type: 'boolean' };
const INT: SettingKind = { type: 'integer' };
const NUM: SettingKind = { type: 'number' };
const STRINGS: SettingKind = { type: 'strings' };
const INSTANT: SettingKind = { type: 'instantOrNull' };

// Typed against RuleSettingsByCode so a new setting cannot be added without saying how to check it.
const SETTING_KINDS: { [C in RuleCode]: { [K in keyof RuleSettingsByCode[C]]: SettingKind } } = {
  DEADLINE_NEAR: {
    enabled: BOOL,
    warnAtRemainingWorkingDays: INT,
    warnAtUsedFraction: { type: 'fraction' },
    clockKinds: { type: 'strings', allowed: CLOCK_KINDS },
    minLimitWorkingDays: INT,
  },
  PROMISED_OVERDUE: { enabled: BOOL },
  STATUTORY_OVERDUE: { enabled: BOOL },
  STEP_OVERDUE: { enabled: BOOL, yellowAfterOverdueWorkingDays: INT, excludeSuspendedTime: BOOL },
  FORWARD_LATE: { enabled: BOOL, excludeSuspendedTime: BOOL },
  CORRECTION_LATE: { enabled: BOOL },
  CORRECTION_REPEATED: { enabled: BOOL, maxNotices: INT },
  NOT_ACCEPTED_NO_REASON: { enabled: BOOL, requireLegalBasis: BOOL },
  DENIED_NO_REASON: { enabled: BOOL, requireLegalBasis: BOOL },
  DOCUMENTS_MISSING: { enabled: BOOL },
  STEP_SKIPPED: {
    enabled: BOOL,
    outcomes: { type: 'strings', allowed: DECISION_OUTCOMES },
    requireCompletion: BOOL,
    checkOrder: BOOL,
    notCheckedAtDecision: STRINGS,
  },
  FEE_IRREGULAR: { enabled: BOOL, toleranceFen: INT },
  SUSPENSION_IRREGULAR: {
    enabled: BOOL,
    allowedReasons: { type: 'strings', allowed: SUSPENSION_REASONS },
    requireWrittenNotice: BOOL,
    graceWorkingDays: INT,
  },
  EXTENSION_IRREGULAR: { enabled: BOOL, capDays: INT, jointCapDays: INT, maxExtensions: INT, requireReason: BOOL, requireHeadApproval: BOOL },
  CERTIFICATE_LATE: { enabled: BOOL, excludeSuspendedTime: BOOL },
  RETURN_VOID_NO_REASON: { enabled: BOOL },
  LATE_REPORTING: { enabled: BOOL, maxDelayHours: NUM, monitoredSince: INSTANT },
  OFFLINE_HANDLING: {
    enabled: BOOL,
    stepsOutsideHandling: STRINGS,
    burstMinEvents: INT,
    burstWindowMinutes: NUM,
    burstMinBackdatingHours: NUM,
    monitoredSince: INSTANT,
  },
  FEED_SILENT: {
    enabled: BOOL,
    silentAfterWorkingHours: NUM,
    typicalGapMultiplier: NUM,
    minRecentEvents: INT,
    lookbackWorkingDays: INT,
    inhibits: { type: 'strings', allowed: CASE_RULE_CODES },
  },
};

/** The settings of one rule and how each is checked; every case rule also has `holdForConfirmation`. */
function kindsOf(code: RuleCode): Record<string, SettingKind> {
  const kinds = SETTING_KINDS[code] as Record<string, SettingKind>;
  return isCaseRuleCode(code) ? { ...kinds, holdForConfirmation: BOOL } : kinds;
}

function valueProblem(kind: SettingKind, value: unknown): string | undefined {
  switch (kind.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'integer':
      return Number.isInteger(value) && (value as number) >= 0 ? undefined : 'must be a whole number ≥ 0';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? undefined : 'must be a number ≥ 0';
    case 'fraction':
      return typeof value === 'number' && value > 0 && value <= 1 ? undefined : 'must be a number in (0, 1]';
    case 'instantOrNull':
      return value === null || (typeof value === 'string' && !Number.isNaN(Date.parse(value)))
        ? undefined
        : 'must be an ISO instant or null';
    case 'strings': {
      if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) return 'must be a list of strings';
      const unknown = kind.allowed ? value.filter((entry: string) => !kind.allowed?.includes(entry)) : [];
      return unknown.length === 0 ? undefined : `has unknown values: ${unknown.join(', ')}`;
    }
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Why an overrides object (an item's `thresholds`, or central configuration) is not valid, one
 * message per problem; empty when valid. The catalogue loader can reject an item with these.
 */
export function ruleThresholdProblems(overrides: unknown): string[] {
  if (overrides === undefined || overrides === null) return [];
  if (!isRecord(overrides)) return ['thresholds must be an object keyed by rule code'];
  const problems: string[] = [];
  for (const [code, ruleOverrides] of Object.entries(overrides)) {
    if (!(RULE_CODES as readonly string[]).includes(code)) {
      problems.push(`${code}: not a rule code`);
      continue;
    }
    if (!isRecord(ruleOverrides)) {
      problems.push(`${code}: must be an object of settings`);
      continue;
    }
    const kinds = kindsOf(code as RuleCode);
    for (const [key, value] of Object.entries(ruleOverrides)) {
      const kind = kinds[key];
      const problem = kind ? valueProblem(kind, value) : 'not a setting of this rule';
      if (problem) problems.push(`${code}.${key}: ${problem}`);
    }
  }
  return problems;
}

function applyOverrides(target: Record<RuleCode, Record<string, unknown>>, overrides: unknown): void {
  if (!isRecord(overrides)) return;
  for (const code of RULE_CODES) {
    const ruleOverrides = overrides[code];
    if (!isRecord(ruleOverrides)) continue;
    const kinds = kindsOf(code);
    for (const [key, value] of Object.entries(ruleOverrides)) {
      const kind = kinds[key];
      // Invalid values are skipped, not fatal: one bad catalogue entry must not stop the rules.
      if (kind && valueProblem(kind, value) === undefined) {
        target[code][key] = Array.isArray(value) ? [...(value as unknown[])] : value;
      }
    }
  }
}

/**
 * The settings in force for one case: the defaults, then the centre's overrides, then the item's
 * `thresholds`. Invalid override values are ignored (see `ruleThresholdProblems` to report them).
 */
export function resolveRuleSettings(
  item?: Pick<ItemInput, 'thresholds'>,
  centreOverrides?: RuleSettingsOverrides,
): RuleSettings {
  const resolved = Object.fromEntries(
    RULE_CODES.map((code) => [code, structuredClone(DEFAULT_RULE_SETTINGS[code]) as Record<string, unknown>]),
  ) as Record<RuleCode, Record<string, unknown>>;
  applyOverrides(resolved, centreOverrides);
  applyOverrides(resolved, item?.thresholds);
  return resolved as unknown as RuleSettings;
}

/**
 * The clock settings that agree with the rule settings, so that a clock's own warning point,
 * extension credit and pauses match what DEADLINE_NEAR, EXTENSION_IRREGULAR and STEP_OVERDUE judge.
 * Pass them to computeCaseClocks (over any other clock settings).
 */
export function clockSettingsFor(
  settings: RuleSettings,
): Pick<
  ClockSettings,
  'warnAtRemainingWorkingDays' | 'warnAtUsedFraction' | 'extensionCapDays' | 'jointExtensionCapDays' | 'pausedBySuspension'
> {
  // Art. 45 excludes suspended time from every limit of arts. 42–44; an item may say otherwise for
  // the lower-level review, issuance and its steps (a local rule), never for the decision clocks.
  const optional: [ClockKind, boolean][] = [
    ['LOWER_REVIEW', settings.FORWARD_LATE.excludeSuspendedTime],
    ['ISSUANCE', settings.CERTIFICATE_LATE.excludeSuspendedTime],
    ['STEP', settings.STEP_OVERDUE.excludeSuspendedTime],
  ];
  const paused: ClockKind[] = DEFAULT_CLOCK_SETTINGS.pausedBySuspension.filter((kind) => !optional.some(([k]) => k === kind));
  for (const [kind, excluded] of optional) if (excluded) paused.push(kind);
  return {
    warnAtRemainingWorkingDays: settings.DEADLINE_NEAR.warnAtRemainingWorkingDays,
    warnAtUsedFraction: settings.DEADLINE_NEAR.warnAtUsedFraction,
    extensionCapDays: settings.EXTENSION_IRREGULAR.capDays,
    jointExtensionCapDays: settings.EXTENSION_IRREGULAR.jointCapDays,
    pausedBySuspension: paused,
  };
}

/**
 * The list of heads the clocks check extension approvers against: the given one while the rules
 * require the head's approval (the default, art. 42); none when a city or item switched that off, so
 * any named approver extends the limit as the rule then accepts.
 */
export function clockApproversFor(settings: RuleSettings, approvers: ExtensionApprovers | undefined): ExtensionApprovers | undefined {
  return settings.EXTENSION_IRREGULAR.requireHeadApproval ? approvers : undefined;
}
