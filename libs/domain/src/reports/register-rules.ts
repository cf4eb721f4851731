/**
 * The accountability register (岗位责任和行政责任追究信息库, domain.md §7): what may be recorded,
 * with which measures, and what a year of records means for an officer. Pure.
 */
export const REGISTER_KINDS = ['FAULT', 'HEAD_ACCOUNTABILITY', 'REPRIMAND', 'WARNING_TALK'] as const;
export type RegisterKind = (typeof REGISTER_KINDS)[number];

export const FAULT_SEVERITIES = ['MINOR', 'SERIOUS', 'GRAVE'] as const;
export type FaultSeverity = (typeof FAULT_SEVERITIES)[number];

/** The ladder: minor → criticism; serious → admonition or transfer; grave → suspension or removal. */
export const FAULT_MEASURES: Readonly<Record<FaultSeverity, readonly string[]>> = {
  MINOR: ['CRITICISM_EDUCATION', 'CIRCULATED_CRITICISM'],
  SERIOUS: ['ADMONITION', 'TRANSFER'],
  GRAVE: ['SUSPENSION', 'REMOVAL'],
};

/** 行政首长问责: measures for a department head answering for a department-level failure. */
export const HEAD_MEASURES = ['ORDERED_APOLOGY', 'SUSPENSION_FOR_REVIEW', 'RESIGNATION', 'ORDERED_RESIGNATION', 'REMOVAL'] as const;

export const REGISTER_STATES = ['CONFIRMED', 'APPEALED', 'REVOKED'] as const;
export type RegisterState = (typeof REGISTER_STATES)[number];

export const REGISTER_NAMES: Readonly<Record<string, { zh: string; en: string }>> = {
  FAULT: { zh: '过错', en: 'Fault' },
  HEAD_ACCOUNTABILITY: { zh: '行政首长问责', en: 'Department head accountability' },
  REPRIMAND: { zh: '训诫', en: 'Reprimand (minor lapse)' },
  WARNING_TALK: { zh: '警醒谈话', en: 'Warning talk' },
  MINOR: { zh: '情节较轻', en: 'Minor' },
  SERIOUS: { zh: '情节较重', en: 'Serious' },
  GRAVE: { zh: '情节严重', en: 'Grave' },
  CRITICISM_EDUCATION: { zh: '批评教育', en: 'Criticism and education' },
  CIRCULATED_CRITICISM: { zh: '通报批评', en: 'Circulated criticism' },
  ADMONITION: { zh: '诫勉', en: 'Admonition' },
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
  INCOMPETENT: { zh: '不称职', en: 'Incompetent' },
};

/** The measure a record of this kind (and severity) may carry, or why not. */
export function measureError(kind: RegisterKind, severity: FaultSeverity | null, measure: string): string | null {
  switch (kind) {
    case 'FAULT':
      if (severity === null) return 'a fault needs a severity (MINOR, SERIOUS or GRAVE)';
      return FAULT_MEASURES[severity].includes(measure) ? null : `a ${severity} fault takes ${FAULT_MEASURES[severity].join(' or ')}`;
    case 'HEAD_ACCOUNTABILITY':
      return (HEAD_MEASURES as readonly string[]).includes(measure) ? null : `must be one of ${HEAD_MEASURES.join(', ')}`;
    case 'REPRIMAND':
    case 'WARNING_TALK':
      return measure === kind ? null : `a ${kind} record's measure is ${kind}`;
  }
}

/** After three faults in a year with the officer's direct responsibility established: 不称职. */
export const INCOMPETENT_AFTER_DIRECT_FAULTS = 3;

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
  /** 取消评优评先资格: any fault standing that year. */
  awardEligible: boolean;
  /** 'INCOMPETENT' when the three-faults rule applies; otherwise the register decides nothing. */
  assessment: 'INCOMPETENT' | null;
  reprimands: number;
  warningTalks: number;
}

/**
 * What one officer's year of records means. A fault stands while it is under appeal (an appeal does
 * not suspend the decision); a revoked one (appeal upheld) counts for nothing. Every fault counts
 * towards the three-faults rule whatever its severity, if direct responsibility was established.
 */
export function yearlyConsequences(entries: readonly YearEntry[]): YearlyConsequences {
  const standing = entries.filter((e) => e.state !== 'REVOKED');
  const faults = standing.filter((e) => e.kind === 'FAULT');
  const bySeverity: Record<FaultSeverity, number> = { MINOR: 0, SERIOUS: 0, GRAVE: 0 };
  for (const fault of faults) if (fault.severity) bySeverity[fault.severity]++;
  const direct = faults.filter((f) => f.directResponsibility).length;
  return {
    faults: faults.length,
    bySeverity,
    directResponsibilityFaults: direct,
    awardEligible: faults.length === 0,
    assessment: direct >= INCOMPETENT_AFTER_DIRECT_FAULTS ? 'INCOMPETENT' : null,
    reprimands: standing.filter((e) => e.kind === 'REPRIMAND').length,
    warningTalks: standing.filter((e) => e.kind === 'WARNING_TALK').length,
  };
}
