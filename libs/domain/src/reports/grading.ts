import { ComplianceMetrics } from './compliance-metrics';

/** Joint-meeting grades, best first: 优秀 / 良好 / 合格 / 不合格. */
export const GRADES = ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_NAMES: Readonly<Record<Grade, { zh: string; en: string }>> = {
  EXCELLENT: { zh: '优秀', en: 'Excellent' },
  GOOD: { zh: '良好', en: 'Good' },
  PASS: { zh: '合格', en: 'Pass' },
  FAIL: { zh: '不合格', en: 'Fail' },
};

export const SCORE_COMPONENTS = ['onTime', 'statutoryCompliance', 'cards', 'rectification', 'reporting'] as const;
export type ScoreComponent = (typeof SCORE_COMPONENTS)[number];

/**
 * How a department's quarter becomes a score out of 100 and a grade. Every number is configurable
 * (PUT /api/v1/reports/settings); the defaults weigh keeping promises most.
 */
export interface GradingSettings {
  /** Relative weights of the component scores (each 0…1); components without data are left out. */
  weights: Record<ScoreComponent, number>;
  /** Weight of a card of each level in the cards component (cards per handled case). */
  cardWeights: { PROMPT: number; YELLOW: number; RED: number };
  /**
   * Points taken off the weighted score for each of these in the quarter. The two department
   * sanctions are optional so settings stored before them still apply (their defaults then).
   */
  deductions: { overdueSupervisionOrder: number; overdueComplaint: number; fault: number; circulatedCriticism?: number; departmentWarning?: number };
  /** Lowest score of each grade; below `pass` is FAIL. */
  thresholds: { excellent: number; good: number; pass: number };
}

/** A sanction on the whole department weighs more than one officer's fault; 警告 more than 通报批评. */
const DEFAULT_SANCTION_DEDUCTIONS = { circulatedCriticism: 5, departmentWarning: 10 };

export const DEFAULT_GRADING_SETTINGS: GradingSettings = Object.freeze({
  weights: { onTime: 40, statutoryCompliance: 20, cards: 20, rectification: 10, reporting: 10 },
  cardWeights: { PROMPT: 0, YELLOW: 1, RED: 3 },
  deductions: { overdueSupervisionOrder: 2, overdueComplaint: 1, fault: 1, ...DEFAULT_SANCTION_DEDUCTIONS },
  thresholds: { excellent: 90, good: 80, pass: 60 },
});

export interface DepartmentScore {
  /** 0…100, one decimal; null when the department had nothing to judge in the period. */
  score: number | null;
  grade: Grade | null;
  components: Record<ScoreComponent, number | null>;
  deducted: number;
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/** Each component 0…1 (1 = best), or null when the quarter gives nothing to judge it by. */
export function scoreComponents(m: ComplianceMetrics, settings: GradingSettings): Record<ScoreComponent, number | null> {
  const handled = m.completed + m.inProgressAtEnd;
  const weightedCards =
    (m.cards.byLevel.PROMPT ?? 0) * settings.cardWeights.PROMPT +
    (m.cards.byLevel.YELLOW ?? 0) * settings.cardWeights.YELLOW +
    (m.cards.byLevel.RED ?? 0) * settings.cardWeights.RED;
  return {
    onTime: m.onTime.rate,
    statutoryCompliance: m.overdue.statutory.rate === null ? null : 1 - m.overdue.statutory.rate,
    cards: handled === 0 ? (weightedCards > 0 ? 0 : null) : clamp01(1 - weightedCards / handled),
    rectification: m.cards.rectifiedOnTimeRate,
    reporting: m.reporting.timelyRate,
  };
}

export function gradeOf(score: number, thresholds: GradingSettings['thresholds']): Grade {
  if (score >= thresholds.excellent) return 'EXCELLENT';
  if (score >= thresholds.good) return 'GOOD';
  if (score >= thresholds.pass) return 'PASS';
  return 'FAIL';
}

/**
 * score = 100 × Σ weight·component ÷ Σ weight (over components with data)
 *         − deductions for overdue supervision orders, overdue complaints, faults and sanctions on the
 *           department (通报批评, 警告) decided in the quarter; clamped to 0…100.
 */
export function scoreDepartment(m: ComplianceMetrics, settings: GradingSettings = DEFAULT_GRADING_SETTINGS): DepartmentScore {
  const components = scoreComponents(m, settings);
  let weighted = 0;
  let weights = 0;
  for (const name of SCORE_COMPONENTS) {
    const value = components[name];
    if (value === null || settings.weights[name] <= 0) continue;
    weighted += settings.weights[name] * value;
    weights += settings.weights[name];
  }
  const d = settings.deductions;
  const sanctions = m.departmentSanctions ?? { circulatedCriticism: 0, warning: 0 };
  const deducted =
    m.supervisionOrders.overdue * d.overdueSupervisionOrder +
    m.complaints.overdue * d.overdueComplaint +
    m.faults.total * d.fault +
    sanctions.circulatedCriticism * (d.circulatedCriticism ?? DEFAULT_SANCTION_DEDUCTIONS.circulatedCriticism) +
    sanctions.warning * (d.departmentWarning ?? DEFAULT_SANCTION_DEDUCTIONS.departmentWarning);
  if (weights === 0) return { score: null, grade: null, components, deducted };
  const score = Math.round(Math.min(100, Math.max(0, (100 * weighted) / weights - deducted)) * 10) / 10;
  return { score, grade: gradeOf(score, settings.thresholds), components, deducted };
}

export interface RankedDepartment<T> {
  departmentCode: string;
  score: DepartmentScore;
  /** 1 = best; equal scores share a rank (1, 2, 2, 4); null when not rated. */
  rank: number | null;
  row: T;
}

/** Best score first; ties by on-time rate, then by code so the order is stable. Unrated last. */
export function rankDepartments<T>(rows: readonly { departmentCode: string; metrics: ComplianceMetrics; row: T }[], settings: GradingSettings = DEFAULT_GRADING_SETTINGS): RankedDepartment<T>[] {
  const scored = rows.map((r) => ({ departmentCode: r.departmentCode, score: scoreDepartment(r.metrics, settings), onTime: r.metrics.onTime.rate ?? -1, row: r.row }));
  scored.sort((a, b) => {
    const sa = a.score.score ?? -1;
    const sb = b.score.score ?? -1;
    if (sa !== sb) return sb - sa;
    if (a.onTime !== b.onTime) return b.onTime - a.onTime;
    return a.departmentCode < b.departmentCode ? -1 : a.departmentCode > b.departmentCode ? 1 : 0;
  });
  return scored.map((s) => ({
    departmentCode: s.departmentCode,
    score: s.score,
    rank: s.score.score === null ? null : 1 + scored.filter((o) => o.score.score !== null && o.score.score > s.score.score!).length,
    row: s.row,
  }));
}

/** Problems with proposed settings, by field; empty when they can be used. */
export function gradingSettingsErrors(s: GradingSettings): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  const t = s.thresholds;
  if (!(t.excellent > t.good && t.good > t.pass)) errors.push({ path: 'grading.thresholds', message: 'must satisfy excellent > good > pass' });
  for (const [name, value] of Object.entries(t)) if (value < 0 || value > 100) errors.push({ path: `grading.thresholds.${name}`, message: 'must be between 0 and 100' });
  if (SCORE_COMPONENTS.every((name) => s.weights[name] === 0)) errors.push({ path: 'grading.weights', message: 'at least one weight must be positive' });
  return errors;
}
