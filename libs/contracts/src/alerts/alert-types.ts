/**
 * Irregularity findings: what the rules engine (libs/domain/src/rules) says about a case or a
 * department feed. The alert (card) lifecycle turns findings into cards; the wall screen and the
 * register show them. Codes are fixed; new rules may be added, never renamed.
 */

/** Card levels, mildest first: 预警 prompt → 黄牌 yellow card → 红牌 red card. */
export const ALERT_LEVELS = ['PROMPT', 'YELLOW', 'RED'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

/** 0 for PROMPT, 1 for YELLOW, 2 for RED: compare levels without spelling them out. */
export function alertLevelRank(level: AlertLevel): number {
  return ALERT_LEVELS.indexOf(level);
}

/** The more severe of two levels. */
export function higherAlertLevel(a: AlertLevel, b: AlertLevel): AlertLevel {
  return alertLevelRank(a) >= alertLevelRank(b) ? a : b;
}

/** Rules evaluated per case, in catalogue order (domain.md §6). */
export const CASE_RULE_CODES = [
  'DEADLINE_NEAR',
  'PROMISED_OVERDUE',
  'STATUTORY_OVERDUE',
  'STEP_OVERDUE',
  'FORWARD_LATE',
  'CORRECTION_LATE',
  'CORRECTION_REPEATED',
  'NOT_ACCEPTED_NO_REASON',
  'DENIED_NO_REASON',
  'DOCUMENTS_MISSING',
  'STEP_SKIPPED',
  'FEE_IRREGULAR',
  'SUSPENSION_IRREGULAR',
  'EXTENSION_IRREGULAR',
  'CERTIFICATE_LATE',
  'RETURN_VOID_NO_REASON',
  'LATE_REPORTING',
  'OFFLINE_HANDLING',
] as const;
export type CaseRuleCode = (typeof CASE_RULE_CODES)[number];

/** Rules evaluated per department rather than per case. */
export const DEPARTMENT_RULE_CODES = ['FEED_SILENT'] as const;
export type DepartmentRuleCode = (typeof DEPARTMENT_RULE_CODES)[number];

export const RULE_CODES = [...CASE_RULE_CODES, ...DEPARTMENT_RULE_CODES] as const;
export type RuleCode = CaseRuleCode | DepartmentRuleCode;

/** Display names for lists, filters and the wall screen. */
export const RULE_NAMES: Readonly<Record<RuleCode, { zh: string; en: string }>> = {
  DEADLINE_NEAR: { zh: '临近时限', en: 'Deadline near' },
  PROMISED_OVERDUE: { zh: '超承诺时限', en: 'Promised limit exceeded' },
  STATUTORY_OVERDUE: { zh: '超法定时限', en: 'Statutory limit exceeded' },
  STEP_OVERDUE: { zh: '环节超时', en: 'Step overdue' },
  FORWARD_LATE: { zh: '上报超时', en: 'Forwarding late' },
  CORRECTION_LATE: { zh: '补正告知超时', en: 'Correction notice late' },
  CORRECTION_REPEATED: { zh: '非一次性告知', en: 'Correction requested more than once' },
  NOT_ACCEPTED_NO_REASON: { zh: '不予受理未说明理由', en: 'Not accepted without reason' },
  DENIED_NO_REASON: { zh: '不予许可未说明理由', en: 'Denied without reason' },
  DOCUMENTS_MISSING: { zh: '要件不全受理', en: 'Accepted with documents missing' },
  STEP_SKIPPED: { zh: '违反程序', en: 'Procedure step skipped' },
  FEE_IRREGULAR: { zh: '违规收费', en: 'Irregular fee' },
  SUSPENSION_IRREGULAR: { zh: '特别程序滥用', en: 'Irregular suspension' },
  EXTENSION_IRREGULAR: { zh: '违规延期', en: 'Irregular extension' },
  CERTIFICATE_LATE: { zh: '发证超时', en: 'Certificate late' },
  RETURN_VOID_NO_REASON: { zh: '退回/作废未说明理由', en: 'Returned or voided without reason' },
  LATE_REPORTING: { zh: '数据报送不及时', en: 'Late reporting' },
  OFFLINE_HANDLING: { zh: '体外循环', en: 'Handled outside the system' },
  FEED_SILENT: { zh: '数据中断', en: 'Department feed silent' },
};

/**
 * Cards the centre's own registers raise (a supervision order or a complaint left past its limit).
 * They are not evaluated from case events and have no rule settings, but they are cards: lists,
 * filters, messages, reports and the wall name them like any other.
 */
export const OVERSIGHT_RULE_CODES = ['SUPERVISION_ORDER_OVERDUE', 'COMPLAINT_ACCEPTANCE_OVERDUE', 'COMPLAINT_HANDLING_OVERDUE', 'MEETING_RESOLUTION_OVERDUE', 'CLUE_INVESTIGATION_OVERDUE'] as const;
export type OversightRuleCode = (typeof OVERSIGHT_RULE_CODES)[number];

/**
 * A card raised by hand (人工发牌) by a centre or region supervisor, with a written reason. Not a
 * rule of the catalogue: the rules never raise, change or close it; it follows the same lifecycle
 * and appeal path as every card.
 */
export const MANUAL_RULE_CODE = 'MANUAL' as const;
export type ManualRuleCode = typeof MANUAL_RULE_CODE;

/** Every code a card (alerts row) can carry. */
export const CARD_RULE_CODES = [...RULE_CODES, ...OVERSIGHT_RULE_CODES, MANUAL_RULE_CODE] as const;
export type CardRuleCode = RuleCode | OversightRuleCode | ManualRuleCode;

export const OVERSIGHT_RULE_NAMES: Readonly<Record<OversightRuleCode, { zh: string; en: string }>> = {
  SUPERVISION_ORDER_OVERDUE: { zh: '督办逾期未复', en: 'Supervision order overdue' },
  COMPLAINT_ACCEPTANCE_OVERDUE: { zh: '投诉受理超时', en: 'Complaint not accepted in time' },
  COMPLAINT_HANDLING_OVERDUE: { zh: '投诉办理超时', en: 'Complaint not answered in time' },
  MEETING_RESOLUTION_OVERDUE: { zh: '联席会议决议逾期未落实', en: 'Joint-meeting resolution not carried out in time' },
  CLUE_INVESTIGATION_OVERDUE: { zh: '线索核查超时', en: 'Clue not investigated in time' },
};

export const CARD_RULE_NAMES: Readonly<Record<CardRuleCode, { zh: string; en: string }>> = {
  ...RULE_NAMES,
  ...OVERSIGHT_RULE_NAMES,
  MANUAL: { zh: '人工发牌', en: 'Raised by hand' },
};

/**
 * The part of a statutory clock a finding cites. The domain's `CaseClock` satisfies it; kept
 * structural here so contracts do not depend on the domain.
 */
export interface ClockEvidence {
  kind: string;
  step?: string;
  limitWorkingDays: number;
  startedOn: string;
  dueOn: string;
  dueAt: string;
  stoppedAt?: string;
  usedWorkingDays: number;
  remainingWorkingDays: number;
  state: string;
  provisional: boolean;
  /** Counted ranges, skipped days with reasons, suspensions, extensions, notes. */
  explanation: object;
}

export interface FindingEvidence<TClock extends ClockEvidence = ClockEvidence> {
  /** The events that prove the finding, in case order. */
  eventIds: string[];
  /** The clock that was breached or is close to it, for clock rules. */
  clock?: TClock;
  /** Rule-specific facts and the thresholds applied: plain JSON. */
  facts: Record<string, unknown>;
}

/**
 * One irregularity as found at one evaluation. A rule gives at most one finding per case (a card
 * is keyed by case and rule); a condition that no longer holds gives none.
 */
export interface Finding<TClock extends ClockEvidence = ClockEvidence> {
  rule: RuleCode;
  level: AlertLevel;
  /** The rule set that produced it: a card is always explained by the rules in force. */
  rulesetVersion: string;
  /** Who held the case or step when the breach happened; else the department contact; else null. */
  responsibleOfficerId: string | null;
  /** ISO instant (UTC) at which the irregularity happened, e.g. the due instant that passed. */
  breachedAt: string;
  /**
   * true when the finding rests on something *not* having happened by now (an open clock past its
   * threshold): a silent feed makes such findings unreliable, so they can be inhibited.
   */
  timeDriven: boolean;
  evidence: FindingEvidence<TClock>;
  summary: { zh: string; en: string };
}
