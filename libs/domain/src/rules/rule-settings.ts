import { CASE_RULE_CODES, CaseRuleCode, DecisionOutcome, RuleCode, SuspensionReason } from '@app/contracts';
import { ClockKind } from '../clock/clock-types';

/**
 * Thresholds of every rule, keyed by rule code. Defaults follow domain.md §6 and the law; a city
 * can override them centrally and an item can override them in the catalogue (`item.thresholds`,
 * same shape, any subset). `enabled: false` switches a rule off.
 */
export interface RuleSettingsByCode {
  DEADLINE_NEAR: {
    enabled: boolean;
    /** Warn when at most this many working days remain… */
    warnAtRemainingWorkingDays: number;
    /** …or when at least this fraction of the limit is used (0.9 = 90 %). */
    warnAtUsedFraction: number;
    /** The clocks warned about. */
    clockKinds: ClockKind[];
    /** Clocks with a shorter limit (IMMEDIATE items: 0) are not warned about: they would warn at once. */
    minLimitWorkingDays: number;
  };
  PROMISED_OVERDUE: { enabled: boolean };
  STATUTORY_OVERDUE: { enabled: boolean };
  STEP_OVERDUE: {
    enabled: boolean;
    /** PROMPT when a step is overdue by fewer working days than this, YELLOW from then on. */
    yellowAfterOverdueWorkingDays: number;
    /** Art. 45 time (testing, expert review…) inside a step does not count against its limit either. */
    excludeSuspendedTime: boolean;
  };
  FORWARD_LATE: {
    enabled: boolean;
    /** Art. 45 time (hearing, testing, expert review…) does not count against the lower-level review (art. 43) either. */
    excludeSuspendedTime: boolean;
  };
  CORRECTION_LATE: { enabled: boolean };
  CORRECTION_REPEATED: {
    enabled: boolean;
    /** Art. 32(4) asks for one notice listing everything missing. */
    maxNotices: number;
  };
  NOT_ACCEPTED_NO_REASON: { enabled: boolean; requireLegalBasis: boolean };
  DENIED_NO_REASON: { enabled: boolean; requireLegalBasis: boolean };
  DOCUMENTS_MISSING: { enabled: boolean };
  STEP_SKIPPED: {
    enabled: boolean;
    /** Decisions checked. */
    outcomes: DecisionOutcome[];
    /** A mandatory step counts as done only when completed before the decision (not merely started). */
    requireCompletion: boolean;
    /** Mandatory steps must start in catalogue order. */
    checkOrder: boolean;
    /** Catalogued steps that happen after the decision (issuance), so are not required before it. */
    notCheckedAtDecision: string[];
  };
  FEE_IRREGULAR: { enabled: boolean; toleranceFen: number };
  SUSPENSION_IRREGULAR: {
    enabled: boolean;
    /** Art. 45 procedures; OTHER is not one of them. */
    allowedReasons: SuspensionReason[];
    requireWrittenNotice: boolean;
    /** Working days a suspension may run past the time declared to the applicant. */
    graceWorkingDays: number;
  };
  EXTENSION_IRREGULAR: {
    enabled: boolean;
    /** Art. 42: at most +10 working days; +15 for unified / joint handling. */
    capDays: number;
    jointCapDays: number;
    maxExtensions: number;
    /** Art. 42: the reason for the extension must be told to the applicant (应当将延长期限的理由告知申请人). */
    requireReason: boolean;
    /**
     * Art. 42: only the head the law names may approve (本行政机关负责人; for ¶2 本级人民政府负责人).
     * Off, any named approver is accepted (and the clock credits it).
     */
    requireHeadApproval: boolean;
  };
  CERTIFICATE_LATE: {
    enabled: boolean;
    /** Art. 45 time (e.g. an inspection before issuing) does not count against issuance (art. 44) either. */
    excludeSuspendedTime: boolean;
  };
  RETURN_VOID_NO_REASON: { enabled: boolean };
  LATE_REPORTING: {
    enabled: boolean;
    maxDelayHours: number;
    /** ISO instant: events that happened before the department was connected are not judged. */
    monitoredSince: string | null;
  };
  OFFLINE_HANDLING: {
    enabled: boolean;
    /** Catalogued steps done outside acceptance → decision; others are expected in between. */
    stepsOutsideHandling: string[];
    /** A burst: at least this many back-dated events of the case received within the window. */
    burstMinEvents: number;
    burstWindowMinutes: number;
    /** An event is back-dated when received more than this long after it happened. */
    burstMinBackdatingHours: number;
    /** ISO instant: history from before the department was connected is not a burst. */
    monitoredSince: string | null;
  };
  FEED_SILENT: {
    enabled: boolean;
    /** Silent after this much working time (working days count 24 h, other days 0) without an event. */
    silentAfterWorkingHours: number;
    /** …or after this many times the department's typical gap, whichever is longer. */
    typicalGapMultiplier: number;
    /** A department "normally reports" with at least this many events in the lookback… */
    minRecentEvents: number;
    /** …of this many working days before its last event. */
    lookbackWorkingDays: number;
    /** Time-driven findings of these rules are inhibited while the feed is silent. */
    inhibits: CaseRuleCode[];
  };
}

/**
 * How a case rule's cards are issued: at once (the default), or held for a supervisor's
 * confirmation (待发 → 确认发牌) — stored PENDING, announced to nobody until confirmed.
 */
export interface IssuanceSetting {
  holdForConfirmation: boolean;
}

/** A rule's settings as resolved: case rules also say how their cards are issued. */
export type SettingsOf<C extends RuleCode> = C extends CaseRuleCode ? RuleSettingsByCode[C] & IssuanceSetting : RuleSettingsByCode[C];

export type RuleSettings = { readonly [C in RuleCode]: Readonly<SettingsOf<C>> };
export type RuleSettingsOverrides = { [C in RuleCode]?: Partial<SettingsOf<C>> };

export const isCaseRuleCode = (code: string): code is CaseRuleCode => (CASE_RULE_CODES as readonly string[]).includes(code);

/** Rules whose result can change with time alone (a clock crossing a threshold). */
export const TIME_DRIVEN_RULE_CODES: readonly CaseRuleCode[] = [
  'DEADLINE_NEAR',
  'PROMISED_OVERDUE',
  'STATUTORY_OVERDUE',
  'STEP_OVERDUE',
  'FORWARD_LATE',
  'CORRECTION_LATE',
  'SUSPENSION_IRREGULAR',
  'CERTIFICATE_LATE',
];

function freeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) if (typeof inner === 'object' && inner !== null) freeze(inner as object);
  return Object.freeze(value);
}

const THRESHOLD_DEFAULTS: RuleSettingsByCode = {
  DEADLINE_NEAR: {
    enabled: true,
    warnAtRemainingWorkingDays: 1,
    warnAtUsedFraction: 0.9,
    clockKinds: ['DECISION_PROMISED', 'DECISION_STATUTORY'],
    minLimitWorkingDays: 1,
  },
  PROMISED_OVERDUE: { enabled: true },
  STATUTORY_OVERDUE: { enabled: true },
  STEP_OVERDUE: { enabled: true, yellowAfterOverdueWorkingDays: 3, excludeSuspendedTime: true },
  FORWARD_LATE: { enabled: true, excludeSuspendedTime: true },
  CORRECTION_LATE: { enabled: true },
  CORRECTION_REPEATED: { enabled: true, maxNotices: 1 },
  NOT_ACCEPTED_NO_REASON: { enabled: true, requireLegalBasis: true },
  DENIED_NO_REASON: { enabled: true, requireLegalBasis: true },
  DOCUMENTS_MISSING: { enabled: true },
  STEP_SKIPPED: {
    enabled: true,
    outcomes: ['APPROVED', 'DENIED'],
    requireCompletion: true,
    checkOrder: true,
    notCheckedAtDecision: ['ISSUE'],
  },
  FEE_IRREGULAR: { enabled: true, toleranceFen: 0 },
  SUSPENSION_IRREGULAR: {
    enabled: true,
    allowedReasons: ['HEARING', 'BIDDING', 'AUCTION', 'INSPECTION', 'TESTING', 'QUARANTINE', 'APPRAISAL', 'EXPERT_REVIEW'],
    requireWrittenNotice: true,
    graceWorkingDays: 0,
  },
  EXTENSION_IRREGULAR: { enabled: true, capDays: 10, jointCapDays: 15, maxExtensions: 1, requireReason: true, requireHeadApproval: true },
  CERTIFICATE_LATE: { enabled: true, excludeSuspendedTime: true },
  RETURN_VOID_NO_REASON: { enabled: true },
  LATE_REPORTING: { enabled: true, maxDelayHours: 24, monitoredSince: null },
  OFFLINE_HANDLING: {
    enabled: true,
    stepsOutsideHandling: ['ACCEPT', 'ISSUE'],
    burstMinEvents: 3,
    burstWindowMinutes: 60,
    burstMinBackdatingHours: 24,
    monitoredSince: null,
  },
  FEED_SILENT: {
    enabled: true,
    silentAfterWorkingHours: 24,
    typicalGapMultiplier: 4,
    minRecentEvents: 50,
    lookbackWorkingDays: 10,
    inhibits: [...TIME_DRIVEN_RULE_CODES],
  },
};

export const DEFAULT_RULE_SETTINGS: RuleSettings = freeze(
  Object.fromEntries(
    Object.entries(THRESHOLD_DEFAULTS).map(([code, settings]) => [code, isCaseRuleCode(code) ? { ...settings, holdForConfirmation: false } : settings]),
  ) as unknown as RuleSettings,
);

/** Card settings the lifecycle uses (domain.md §6: escalation). */
export interface SupervisionSettings {
  /** A YELLOW card not rectified or answered within this many working days escalates to RED. */
  yellowCardDeadlineWorkingDays: number;
}

export const DEFAULT_SUPERVISION_SETTINGS: Readonly<SupervisionSettings> = Object.freeze({
  yellowCardDeadlineWorkingDays: 5,
});
