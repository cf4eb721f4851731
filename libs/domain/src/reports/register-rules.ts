/**
 * The accountability register (岗位责任和行政责任追究信息库, domain.md §7): what may be recorded,
 * with which measures, and what a year of records means for an officer. Pure.
 */
export const REGISTER_KINDS = ['FAULT', 'HEAD_ACCOUNTABILITY', 'REPRIMAND', 'ADMONITORY_TALK', 'WARNING_TALK', 'DEPARTMENT_SANCTION', 'DISCIPLINE_FUNDS'] as const;
export type RegisterKind = (typeof REGISTER_KINDS)[number];

/** Whom a record concerns: an officer (the head, for head accountability) or a department as a whole. */
export const REGISTER_SUBJECTS = ['OFFICER', 'DEPARTMENT'] as const;
export type RegisterSubject = (typeof REGISTER_SUBJECTS)[number];

/** Records whose subject is the department itself. */
export const DEPARTMENT_KINDS = ['DEPARTMENT_SANCTION', 'DISCIPLINE_FUNDS'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

/** 对部门: 通报批评 (circulated criticism) or 警告 (warning); both count in the quarterly grade. */
export const DEPARTMENT_SANCTION_MEASURES = ['CIRCULATED_CRITICISM', 'WARNING'] as const;

/** 违纪所得款项: funds gained in breach of discipline are recovered (追缴) or handed over to the treasury (上缴国库). */
export const DISCIPLINE_FUNDS_MEASURES = ['RECOVERED', 'HANDED_TO_TREASURY'] as const;

/** The measure of a head-accountability proposal until the supervisor decides it. */
export const PROPOSED_MEASURE = 'TO_BE_DECIDED';

export const FAULT_SEVERITIES = ['MINOR', 'SERIOUS', 'GRAVE'] as const;
export type FaultSeverity = (typeof FAULT_SEVERITIES)[number];

/**
 * The opinion's ladder: 情节较轻 → 批评教育 or 通报批评; 情节较重 → 告诫 (CAUTION) or 调离岗位; 情节严重 →
 * 停职 or 免职. 告诫 is the opinion's word; 诫勉谈话 is a different measure (ADMONITORY_TALK, its own
 * kind of record), which may be decided beside it.
 */
export const FAULT_MEASURES: Readonly<Record<FaultSeverity, readonly string[]>> = {
  MINOR: ['CRITICISM_EDUCATION', 'CIRCULATED_CRITICISM'],
  SERIOUS: ['CAUTION', 'TRANSFER'],
  GRAVE: ['SUSPENSION', 'REMOVAL'],
};

/** 行政首长问责: measures for a department head answering for a department-level failure. */
export const HEAD_MEASURES = ['ORDERED_APOLOGY', 'SUSPENSION_FOR_REVIEW', 'RESIGNATION', 'ORDERED_RESIGNATION', 'REMOVAL'] as const;

/**
 * CONFIRMED and APPEALED records stand. PROPOSED is a head-accountability proposal raised by a
 * failed 限期 order, waiting for a centre supervisor; it counts for nothing until CONFIRMED, and a
 * DISMISSED one never does. REVOKED: an upheld appeal.
 */
export const REGISTER_STATES = ['CONFIRMED', 'APPEALED', 'REVOKED', 'PROPOSED', 'DISMISSED'] as const;
export type RegisterState = (typeof REGISTER_STATES)[number];

/** Whether a record counts: decided and not revoked (an appeal does not suspend it). */
export const isStanding = (state: RegisterState): boolean => state === 'CONFIRMED' || state === 'APPEALED';

export const REGISTER_NAMES: Readonly<Record<string, { zh: string; en: string }>> = {
  FAULT: { zh: '过错', en: 'Fault' },
  HEAD_ACCOUNTABILITY: { zh: '行政首长问责', en: 'Department head accountability' },
  REPRIMAND: { zh: '训诫', en: 'Reprimand (minor lapse)' },
  ADMONITORY_TALK: { zh: '诫勉谈话', en: 'Admonitory talk' },
  WARNING_TALK: { zh: '警醒谈话', en: 'Warning talk' },
  MINOR: { zh: '情节较轻', en: 'Minor' },
  SERIOUS: { zh: '情节较重', en: 'Serious' },
  GRAVE: { zh: '情节严重', en: 'Grave' },
  CRITICISM_EDUCATION: { zh: '批评教育', en: 'Criticism and education' },
  CIRCULATED_CRITICISM: { zh: '通报批评', en: 'Circulated criticism' },
  CAUTION: { zh: '告诫', en: 'Caution' },
  TRANSFER: { zh: '调离岗位', en: 'Transfer from post' },
  SUSPENSION: { zh: '停职', en: 'Suspension' },
  REMOVAL: { zh: '免职', en: 'Removal' },
  ORDERED_APOLOGY: { zh: '责令公开道歉', en: 'Ordered public apology' },
  SUSPENSION_FOR_REVIEW: { zh: '停职检查', en: 'Suspension for review' },
  RESIGNATION: { zh: '引咎辞职', en: 'Resignation taking responsibility' },
  ORDERED_RESIGNATION: { zh: '责令辞职', en: 'Ordered resignation' },
  CONFIRMED: { zh: '已认定', en: 'Confirmed' },
  APPEALED: { zh: '申诉中', en: 'Under appeal' },
  REVOKED: { zh: '已撤销', en: 'Revoked' },
  PROPOSED: { zh: '拟问责待确认', en: 'Proposed, awaiting decision' },
  DISMISSED: { zh: '不予问责', en: 'Dismissed' },
  DEPARTMENT_SANCTION: { zh: '部门处理', en: 'Sanction on the department' },
  DISCIPLINE_FUNDS: { zh: '违纪所得款项', en: 'Funds gained in breach of discipline' },
  WARNING: { zh: '警告', en: 'Warning' },
  RECOVERED: { zh: '追缴', en: 'Recovered' },
  HANDED_TO_TREASURY: { zh: '上缴国库', en: 'Handed over to the treasury' },
  TO_BE_DECIDED: { zh: '待定', en: 'To be decided' },
  OFFICER: { zh: '个人', en: 'Officer' },
  DEPARTMENT: { zh: '部门', en: 'Department' },
  INCOMPETENT: { zh: '不称职', en: 'Incompetent' },
  DEPARTMENT_HEAD: { zh: '本行政机关负责人', en: 'Head of the department' },
  GOVERNMENT_HEAD: { zh: '本级人民政府负责人', en: 'Head of the government at that level' },
};

/** The measure a record of this kind (and severity) may carry, or why not. */
export function measureError(kind: RegisterKind, severity: FaultSeverity | null, measure: string): string | null {
  switch (kind) {
    case 'FAULT':
      if (severity === null) return 'a fault needs a severity (MINOR, SERIOUS or GRAVE)';
      if (measure === 'ADMONITION') return 'ADMONITION (诫勉) is not a measure of the opinion: a SERIOUS fault takes CAUTION (告诫) or TRANSFER; record 诫勉谈话 as an ADMONITORY_TALK entry';
      return FAULT_MEASURES[severity].includes(measure) ? null : `a ${severity} fault takes ${FAULT_MEASURES[severity].join(' or ')}`;
    case 'HEAD_ACCOUNTABILITY':
      return (HEAD_MEASURES as readonly string[]).includes(measure) ? null : `must be one of ${HEAD_MEASURES.join(', ')}`;
    case 'REPRIMAND':
    case 'ADMONITORY_TALK':
    case 'WARNING_TALK':
      return measure === kind ? null : `a ${kind} record's measure is ${kind}`;
    case 'DEPARTMENT_SANCTION':
      return (DEPARTMENT_SANCTION_MEASURES as readonly string[]).includes(measure) ? null : `a sanction on a department is ${DEPARTMENT_SANCTION_MEASURES.join(' or ')}`;
    case 'DISCIPLINE_FUNDS':
      return (DISCIPLINE_FUNDS_MEASURES as readonly string[]).includes(measure) ? null : `funds in breach of discipline are ${DISCIPLINE_FUNDS_MEASURES.join(' or ')}`;
  }
}

/**
 * "一般过错达3次": which faults count towards 不称职. The opinion counts general (一般) faults — the
 * lowest grade, 情节较轻 — each with the officer's direct responsibility established; graver faults
 * carry their own measures. A city may count other grades too.
 */
export interface RegisterSettings {
  /** The number of counted faults in one year that makes the annual assessment 不称职 (default 3). */
  incompetentAfterFaults: number;
  /** The grades counted (default MINOR: the opinion's 一般过错). */
  incompetentCountsSeverities: FaultSeverity[];
}

export const DEFAULT_REGISTER_SETTINGS: Readonly<RegisterSettings> = Object.freeze({
  incompetentAfterFaults: 3,
  incompetentCountsSeverities: Object.freeze(['MINOR']) as unknown as FaultSeverity[],
});

/** Records that are 过错责任追究 (fault accountability): any of them standing withholds awards that year. */
export const ACCOUNTABILITY_KINDS: readonly RegisterKind[] = ['FAULT', 'HEAD_ACCOUNTABILITY'];

export interface YearEntry {
  kind: RegisterKind;
  severity: FaultSeverity | null;
  state: RegisterState;
  directResponsibility: boolean;
}

export interface YearlyConsequences {
  faults: number;
  bySeverity: Record<FaultSeverity, number>;
  directResponsibilityFaults: number;
  /** Faults of the counted grades with direct responsibility: the "一般过错" of the three-faults rule. */
  countedTowardsIncompetent: number;
  /** 取消评优评先资格: false when any fault or head accountability stands that year. */
  awardEligible: boolean;
  /** The kinds of record that withheld the award (empty when eligible). */
  awardWithheldBy: RegisterKind[];
  /** 'INCOMPETENT' when the three-faults rule applies; otherwise the register decides nothing. */
  assessment: 'INCOMPETENT' | null;
  headAccountabilities: number;
  reprimands: number;
  admonitoryTalks: number;
  warningTalks: number;
}

/**
 * What one officer's year of records means (the year a fault was committed, not decided). A record
 * stands while it is under appeal (an appeal does not suspend the decision); a revoked one (appeal
 * upheld), a proposal not yet confirmed and a dismissed one count for nothing. Anyone subject to fault accountability that year — an officer's fault
 * or a head's accountability — loses award eligibility; only general faults with direct
 * responsibility count towards 不称职.
 */
export function yearlyConsequences(entries: readonly YearEntry[], settings: RegisterSettings = DEFAULT_REGISTER_SETTINGS): YearlyConsequences {
  const standing = entries.filter((e) => isStanding(e.state));
  const count = (kind: RegisterKind) => standing.filter((e) => e.kind === kind).length;
  const faults = standing.filter((e) => e.kind === 'FAULT');
  const bySeverity: Record<FaultSeverity, number> = { MINOR: 0, SERIOUS: 0, GRAVE: 0 };
  for (const fault of faults) if (fault.severity) bySeverity[fault.severity]++;
  const direct = faults.filter((f) => f.directResponsibility);
  const counted = direct.filter((f) => f.severity !== null && settings.incompetentCountsSeverities.includes(f.severity)).length;
  const awardWithheldBy = ACCOUNTABILITY_KINDS.filter((kind) => count(kind) > 0);
  return {
    faults: faults.length,
    bySeverity,
    directResponsibilityFaults: direct.length,
    countedTowardsIncompetent: counted,
    awardEligible: awardWithheldBy.length === 0,
    awardWithheldBy,
    assessment: counted >= settings.incompetentAfterFaults ? 'INCOMPETENT' : null,
    headAccountabilities: count('HEAD_ACCOUNTABILITY'),
    reprimands: count('REPRIMAND'),
    admonitoryTalks: count('ADMONITORY_TALK'),
    warningTalks: count('WARNING_TALK'),
  };
}

/** Why register settings are not valid; empty when valid. */
export function registerSettingsErrors(settings: RegisterSettings): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  if (!Number.isInteger(settings.incompetentAfterFaults) || settings.incompetentAfterFaults < 1) {
    errors.push({ path: 'register.incompetentAfterFaults', message: 'must be a whole number ≥ 1' });
  }
  const unknown = settings.incompetentCountsSeverities.filter((s) => !(FAULT_SEVERITIES as readonly string[]).includes(s));
  if (unknown.length > 0 || settings.incompetentCountsSeverities.length === 0) {
    errors.push({ path: 'register.incompetentCountsSeverities', message: `must list one or more of ${FAULT_SEVERITIES.join(', ')}` });
  }
  return errors;
}

export interface WarningTalkCoverage {
  /** Officers of the department. */
  officers: number;
  /** Of them, officers with at least one standing warning talk in the year. */
  talkedTo: number;
  /** talkedTo ÷ officers; null for a department without officers. */
  coverage: number | null;
  /** Officers without a warning talk that year, by id. */
  notYetTalkedTo: string[];
  full: boolean;
}

/**
 * 各部门每年要对本部门工作人员进行警醒谈话: how far a department is with this year's warning talks.
 * Talks with officers no longer in the department do not count; a revoked record counts for nothing.
 */
export function warningTalkCoverage(
  officerIds: readonly string[],
  talks: readonly { officerId: string; state: RegisterState }[],
): WarningTalkCoverage {
  const talked = new Set(talks.filter((t) => isStanding(t.state)).map((t) => t.officerId));
  const notYetTalkedTo = officerIds.filter((id) => !talked.has(id));
  const talkedTo = officerIds.length - notYetTalkedTo.length;
  return {
    officers: officerIds.length,
    talkedTo,
    coverage: officerIds.length === 0 ? null : talkedTo / officerIds.length,
    notYetTalkedTo,
    full: officerIds.length > 0 && notYetTalkedTo.length === 0,
  };
}
