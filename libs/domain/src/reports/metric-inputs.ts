import { CardFigures, ComplaintFigures, DepartmentSanctionFigures, FaultFigures, MetricInputs, StockAt, SupervisionOrderFigures } from './compliance-metrics';
import { addCounters, zeroCounters } from './daily-counters';

export const emptyStock = (): StockAt => ({ inProgress: 0, promisedOverdueOpen: 0, statutoryOverdueOpen: 0 });
export const emptyCards = (): CardFigures => ({ byLevel: {}, byRule: {}, withDeadline: 0, rectifiedOnTime: 0, revoked: 0 });
export const emptyComplaints = (): ComplaintFigures => ({ received: 0, accepted: 0, refused: 0, concluded: 0, substantiated: 0, overdue: 0 });
export const emptyOrders = (): SupervisionOrderFigures => ({ issued: 0, replied: 0, repliedOnTime: 0, overdue: 0 });
export const emptyFaults = (): FaultFigures => ({ total: 0, bySeverity: {} });
export const emptyDepartmentSanctions = (): DepartmentSanctionFigures => ({ circulatedCriticism: 0, warning: 0 });

export function emptyMetricInputs(): MetricInputs {
  return {
    period: zeroCounters(),
    stockAtStart: emptyStock(),
    stockAtEnd: emptyStock(),
    items: [],
    cards: emptyCards(),
    complaints: emptyComplaints(),
    supervisionOrders: emptyOrders(),
    faults: emptyFaults(),
    departmentSanctions: emptyDepartmentSanctions(),
  };
}

const addNumbers = <T extends object>(target: T, source: T): void => {
  for (const key of Object.keys(source) as (keyof T)[]) (target[key] as number) += source[key] as number;
};

const addCounts = (target: Record<string, number>, source: Record<string, number>): void => {
  for (const [key, n] of Object.entries(source)) target[key] = (target[key] ?? 0) + n;
};

/** Several departments' inputs as one (a region, the city): counts add up, rates are computed after. */
export function mergeMetricInputs(all: readonly MetricInputs[]): MetricInputs {
  const out = emptyMetricInputs();
  for (const input of all) {
    addCounters(out.period, input.period);
    addNumbers(out.stockAtStart, input.stockAtStart);
    addNumbers(out.stockAtEnd, input.stockAtEnd);
    out.items = [...out.items, ...input.items];
    addCounts(out.cards.byLevel, input.cards.byLevel);
    for (const [rule, levels] of Object.entries(input.cards.byRule)) addCounts((out.cards.byRule[rule] ??= {}), levels);
    out.cards.withDeadline += input.cards.withDeadline;
    out.cards.rectifiedOnTime += input.cards.rectifiedOnTime;
    out.cards.revoked += input.cards.revoked;
    addNumbers(out.complaints, input.complaints);
    addNumbers(out.supervisionOrders, input.supervisionOrders);
    out.faults.total += input.faults.total;
    addCounts(out.faults.bySeverity, input.faults.bySeverity);
    addNumbers(out.departmentSanctions!, input.departmentSanctions ?? emptyDepartmentSanctions());
  }
  return out;
}
