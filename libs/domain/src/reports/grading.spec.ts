import { computeComplianceMetrics, ComplianceMetrics, MetricInputs } from './compliance-metrics';
import { zeroCounters } from './daily-counters';
import { DEFAULT_GRADING_SETTINGS, gradeOf, gradingSettingsErrors, rankDepartments, scoreDepartment } from './grading';

function metrics(overrides: Partial<{ completed: number; onTime: number; statutoryLate: number; events: number; late: number; cards: Record<string, number>; withDeadline: number; rectifiedOnTime: number; overdueOrders: number; faults: number }>): ComplianceMetrics {
  const o = { completed: 10, onTime: 10, statutoryLate: 0, events: 100, late: 0, cards: {}, withDeadline: 0, rectifiedOnTime: 0, overdueOrders: 0, faults: 0, ...overrides };
  const input: MetricInputs = {
    period: { ...zeroCounters(), completed: o.completed, completedOnTime: o.onTime, completedStatutoryLate: o.statutoryLate, events: o.events, eventsLate: o.late },
    stockAtStart: { inProgress: 0, promisedOverdueOpen: 0, statutoryOverdueOpen: 0 },
    stockAtEnd: { inProgress: 0, promisedOverdueOpen: 0, statutoryOverdueOpen: 0 },
    items: [],
    cards: { byLevel: o.cards, byRule: {}, withDeadline: o.withDeadline, rectifiedOnTime: o.rectifiedOnTime, revoked: 0 },
    complaints: { received: 0, accepted: 0, refused: 0, concluded: 0, substantiated: 0, overdue: 0 },
    supervisionOrders: { issued: o.overdueOrders, replied: 0, repliedOnTime: 0, overdue: o.overdueOrders },
    faults: { total: o.faults, bySeverity: {} },
  };
  return computeComplianceMetrics(input);
}

describe('grading', () => {
  it('scores a flawless quarter 100 (EXCELLENT)', () => {
    expect(scoreDepartment(metrics({}))).toMatchObject({ score: 100, grade: 'EXCELLENT', deducted: 0 });
  });

  it('weighs components and deducts for overdue orders and faults (hand-computed)', () => {
    // onTime 0.8 (w40), statutory 1 − 1/10 = 0.9 (w20), cards 1 − (1×1 + 1×3)/10 = 0.6 (w20),
    // rectification 1/2 (w10), reporting 0.9 (w10): (32 + 18 + 12 + 5 + 9) / 100 = 76; − 2 − 1 = 73.
    const s = scoreDepartment(metrics({ onTime: 8, statutoryLate: 1, cards: { YELLOW: 1, RED: 1 }, withDeadline: 2, rectifiedOnTime: 1, late: 10, overdueOrders: 1, faults: 1 }));
    expect(s.components).toEqual({ onTime: 0.8, statutoryCompliance: 0.9, cards: 0.6, rectification: 0.5, reporting: 0.9 });
    expect(s).toMatchObject({ score: 73, grade: 'PASS', deducted: 3 });
  });

  it('renormalises over the components that have data, and leaves an idle department unrated', () => {
    expect(scoreDepartment(metrics({ completed: 0, onTime: 0, events: 0 }))).toMatchObject({ score: null, grade: null });
    // Only reporting has data: 0.5 → 50.
    expect(scoreDepartment(metrics({ completed: 0, onTime: 0, events: 10, late: 5 })).score).toBe(50);
  });

  it('maps scores to grades at the thresholds', () => {
    const t = DEFAULT_GRADING_SETTINGS.thresholds;
    expect([90, 89.9, 80, 79.9, 60, 59.9].map((x) => gradeOf(x, t))).toEqual(['EXCELLENT', 'GOOD', 'GOOD', 'PASS', 'PASS', 'FAIL']);
  });

  it('ranks best first, equal scores share a rank, ties broken by on-time rate then code; unrated last', () => {
    const ranked = rankDepartments([
      { departmentCode: 'B', metrics: metrics({ onTime: 9 }), row: 'b' },
      { departmentCode: 'A', metrics: metrics({ onTime: 9 }), row: 'a' },
      { departmentCode: 'Z', metrics: metrics({ completed: 0, onTime: 0, events: 0 }), row: 'z' },
      { departmentCode: 'C', metrics: metrics({}), row: 'c' },
      { departmentCode: 'D', metrics: metrics({ onTime: 5 }), row: 'd' },
    ]);
    expect(ranked.map((r) => [r.departmentCode, r.rank])).toEqual([['C', 1], ['A', 2], ['B', 2], ['D', 4], ['Z', null]]);
  });

  it('refuses thresholds out of order and all-zero weights', () => {
    const bad = { ...DEFAULT_GRADING_SETTINGS, thresholds: { excellent: 80, good: 85, pass: 60 }, weights: { onTime: 0, statutoryCompliance: 0, cards: 0, rectification: 0, reporting: 0 } };
    expect(gradingSettingsErrors(bad).map((e) => e.path)).toEqual(['grading.thresholds', 'grading.weights']);
    expect(gradingSettingsErrors(DEFAULT_GRADING_SETTINGS)).toEqual([]);
  });
});

describe('grading: sanctions on the department (通报批评, 警告)', () => {
  const withSanctions = (circulatedCriticism: number, warning: number): ComplianceMetrics => ({ ...metrics({}), departmentSanctions: { circulatedCriticism, warning } });

  it('takes 5 points per circulated criticism and 10 per warning by default', () => {
    expect(scoreDepartment(withSanctions(1, 0))).toMatchObject({ score: 95, grade: 'EXCELLENT', deducted: 5 });
    expect(scoreDepartment(withSanctions(1, 1))).toMatchObject({ score: 85, grade: 'GOOD', deducted: 15 });
  });

  it('uses the configured deductions, and the defaults for settings stored before them', () => {
    const configured = { ...DEFAULT_GRADING_SETTINGS, deductions: { ...DEFAULT_GRADING_SETTINGS.deductions, circulatedCriticism: 2, departmentWarning: 7 } };
    expect(scoreDepartment(withSanctions(2, 1), configured)).toMatchObject({ score: 89, deducted: 11 });
    const older = { ...DEFAULT_GRADING_SETTINGS, deductions: { overdueSupervisionOrder: 2, overdueComplaint: 1, fault: 1 } };
    expect(scoreDepartment(withSanctions(0, 1), older)).toMatchObject({ score: 90, deducted: 10 });
  });

  it('counts none when the metrics predate department sanctions', () => {
    const { departmentSanctions: _none, ...old } = metrics({});
    expect(scoreDepartment(old as ComplianceMetrics)).toMatchObject({ score: 100, deducted: 0 });
  });
});
