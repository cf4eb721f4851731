import { caseContributions, sumContributions } from './case-contributions';
import { computeComplianceMetrics, MetricInputs, stockFrom } from './compliance-metrics';
import { NOVEMBER } from './report-fixtures.spec-helper';
import { emptyMetricInputs, mergeMetricInputs } from './metric-inputs';
import { sumDays, sumThrough } from './rollup-ranges';

const NONE = {
  cards: { byLevel: {}, byRule: {}, withDeadline: 0, rectifiedOnTime: 0, revoked: 0 },
  complaints: { received: 0, accepted: 0, refused: 0, concluded: 0, substantiated: 0, overdue: 0 },
  supervisionOrders: { issued: 0, replied: 0, repliedOnTime: 0, overdue: 0 },
  faults: { total: 0, bySeverity: {} },
};

function novemberInputs(): MetricInputs {
  const days = sumContributions(Object.values(NOVEMBER).map((c) => caseContributions(c)));
  return {
    period: sumDays(days, '2025-11-01', '2025-11-30'),
    stockAtStart: stockFrom(sumThrough(days, '2025-10-31')),
    stockAtEnd: stockFrom(sumThrough(days, '2025-11-30')),
    items: [
      { kind: 'PROMISED', statutoryDays: 20, promisedDays: 10 },
      { kind: 'IMMEDIATE', statutoryDays: 10, promisedDays: 1 },
      { kind: 'JOINT', statutoryDays: 0, promisedDays: 30 },
    ],
    ...NONE,
  };
}

describe('computeComplianceMetrics on the hand-built November', () => {
  const m = computeComplianceMetrics(novemberInputs());

  it('counts accepted, completed, terminated and in progress', () => {
    expect(m).toMatchObject({ accepted: 7, completed: 4, terminated: 1, inProgressAtStart: 1, inProgressAtEnd: 3 });
  });

  it('rates on-time and early completion against the completed cases', () => {
    expect(m.onTime).toEqual({ count: 3, rate: 0.75 });
    expect(m.early).toEqual({ count: 1, rate: 0.25 });
  });

  it('counts overdue as completed late plus open past the limit at the end, over completed + in progress', () => {
    expect(m.overdue.promised).toEqual({ completedLate: 1, openAtEnd: 1, count: 2, rate: 2 / 7 });
    expect(m.overdue.statutory).toEqual({ completedLate: 0, openAtEnd: 1, count: 1, rate: 1 / 7 });
  });

  it('averages working days used and limits over the completed cases', () => {
    expect(m.workingDays.averageUsed).toBe(8);
    expect(m.workingDays.averagePromisedLimit).toBeCloseTo(20 / 3, 10);
    expect(m.workingDays.averageStatutoryLimit).toBe(17.5);
  });

  it('computes compression over the catalogue: (20−10) + (10−0) + (45−30) over 20 + 10 + 45', () => {
    expect(m.promisedLimitCompression).toEqual({ rate: 35 / 75, items: 3 });
  });

  it('gives the immediate share, event counts and reporting timeliness', () => {
    expect(m.immediate).toEqual({ count: 1, rate: 1 / 7 });
    expect(m).toMatchObject({ submissions: 8, suspensions: 1, corrections: 1 });
    expect(m.reporting).toEqual({ events: 22, late: 2, timelyRate: 20 / 22 });
  });

  it('says null, not 0, for rates with nothing to rate', () => {
    const empty = computeComplianceMetrics({ ...novemberInputs(), period: sumDays(new Map(), '2025-11-01', '2025-11-30'), items: [] });
    expect(empty.onTime.rate).toBeNull();
    expect(empty.reporting.timelyRate).toBeNull();
    expect(empty.promisedLimitCompression.rate).toBeNull();
    expect(empty.cards.rectifiedOnTimeRate).toBeNull();
  });

  it('totals cards by level and rates rectification on time', () => {
    const withCards = computeComplianceMetrics({
      ...novemberInputs(),
      cards: { byLevel: { PROMPT: 2, YELLOW: 3, RED: 1 }, byRule: { PROMISED_OVERDUE: { YELLOW: 3 } }, withDeadline: 4, rectifiedOnTime: 3, revoked: 1 },
    });
    // A revoked card is counted apart: not in the total, not in any level.
    expect(withCards.cards.total).toBe(6);
    expect(withCards.cards.revoked).toBe(1);
    expect(withCards.cards.rectifiedOnTimeRate).toBe(0.75);
  });
});

describe('提前 / 按时 / 超期 and 提速率', () => {
  it('split the completed cases three ways against each limit, and measure the speed-up against the law', () => {
    const inputs = emptyMetricInputs();
    Object.assign(inputs.period, {
      completed: 10, completedOnTime: 7, completedEarly: 4, completedPromisedLate: 3,
      completedStatutoryEarly: 6, completedStatutoryLate: 1, usedWorkingDays: 80, statutoryLimitDays: 200,
    });
    inputs.items.push({ kind: 'PROMISED', statutoryDays: 20, promisedDays: 10 });
    const m = computeComplianceMetrics(inputs);
    expect(m.timeliness.promised).toEqual({ early: { count: 4, rate: 0.4 }, onTime: { count: 3, rate: 0.3 }, late: { count: 3, rate: 0.3 } });
    expect(m.timeliness.statutory).toEqual({ early: { count: 6, rate: 0.6 }, onTime: { count: 3, rate: 0.3 }, late: { count: 1, rate: 0.1 } });
    expect(m.speedUp).toEqual({ promised: 0.5, actual: 0.6 });
    const none = computeComplianceMetrics(emptyMetricInputs());
    expect([none.timeliness.promised.early.rate, none.speedUp.actual, none.speedUp.promised]).toEqual([null, null, null]);
  });
});

describe('mergeMetricInputs', () => {
  it('adds two departments so that the merged rates are the pooled rates, not averages of rates', () => {
    const a = novemberInputs();
    const b = { ...novemberInputs(), cards: { byLevel: { RED: 2 }, byRule: { STATUTORY_OVERDUE: { RED: 2 } }, withDeadline: 1, rectifiedOnTime: 0, revoked: 2 } };
    const m = computeComplianceMetrics(mergeMetricInputs([a, b]));
    expect(m).toMatchObject({ accepted: 14, completed: 8, inProgressAtEnd: 6 });
    expect(m.onTime).toEqual({ count: 6, rate: 0.75 });
    expect(m.overdue.promised.rate).toBeCloseTo(4 / 14, 12);
    expect(m.cards).toMatchObject({ total: 2, byRule: { STATUTORY_OVERDUE: { RED: 2 } }, rectifiedOnTimeRate: 0, revoked: 2 });
    expect(m.promisedLimitCompression.items).toBe(6);
  });
});
