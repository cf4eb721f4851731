import { DailyCounters } from './daily-counters';

/** Running totals at the end of a day (see the *Delta counters): stocks, not flows. */
export interface StockAt {
  /** Accepted and not yet ended: accepted − completed − terminated, summed over every day up to it. */
  inProgress: number;
  promisedOverdueOpen: number;
  statutoryOverdueOpen: number;
}

export interface CardFigures {
  byLevel: Record<string, number>;
  /** rule → level → count. */
  byRule: Record<string, Record<string, number>>;
  /** Cards that carried a supervision deadline (督办期限, YELLOW when raised). */
  withDeadline: number;
  /** …answered with a rectification by that deadline. */
  rectifiedOnTime: number;
  /** Cards raised in the period and revoked on appeal: counted apart, in none of the figures above. */
  revoked: number;
}

export interface ComplaintFigures {
  received: number;
  accepted: number;
  refused: number;
  concluded: number;
  substantiated: number;
  /** Not accepted/refused within the acceptance limit, or not answered within the handling limit. */
  overdue: number;
}

export interface SupervisionOrderFigures {
  issued: number;
  replied: number;
  repliedOnTime: number;
  /** Past the deadline without a reply, or replied after it. */
  overdue: number;
}

export interface FaultFigures {
  total: number;
  bySeverity: Record<string, number>;
}

/**
 * Sanctions on the department itself decided in the period that stand (not revoked on appeal):
 * 通报批评 (circulated criticism) and 警告 (warning). Each takes points off the quarterly grade.
 */
export interface DepartmentSanctionFigures {
  circulatedCriticism: number;
  warning: number;
}

/** The catalogue's limits, for the promised-limit compression. */
export interface ItemLimits {
  kind: string;
  statutoryDays: number;
  promisedDays: number;
}

export interface MetricInputs {
  period: DailyCounters;
  stockAtStart: StockAt;
  stockAtEnd: StockAt;
  items: ItemLimits[];
  cards: CardFigures;
  complaints: ComplaintFigures;
  supervisionOrders: SupervisionOrderFigures;
  faults: FaultFigures;
  /** Optional so inputs built before department sanctions existed still compute (as none). */
  departmentSanctions?: DepartmentSanctionFigures;
}

export interface Rate {
  count: number;
  /** count ÷ base; null when the base is 0 (nothing to rate). */
  rate: number | null;
}

export interface OverdueFigures {
  completedLate: number;
  openAtEnd: number;
  count: number;
  rate: number | null;
}

/** Completed cases split three ways against one limit: 提前 early, 按时 on time (not early), 超期 late. */
export interface TimelinessSplit {
  early: Rate;
  onTime: Rate;
  late: Rate;
}

export interface ComplianceMetrics {
  accepted: number;
  completed: number;
  terminated: number;
  inProgressAtStart: number;
  inProgressAtEnd: number;
  onTime: Rate;
  early: Rate;
  overdue: { promised: OverdueFigures; statutory: OverdueFigures };
  workingDays: { averageUsed: number | null; averagePromisedLimit: number | null; averageStatutoryLimit: number | null };
  promisedLimitCompression: { rate: number | null; items: number };
  /** 提前 / 按时 / 超期 of the completed cases, against the promised and against the statutory limit. */
  timeliness: { promised: TimelinessSplit; statutory: TimelinessSplit };
  /**
   * 提速率: how much faster than the law. `promised` = the promised-limit compression of the
   * catalogue; `actual` = 1 − working days used ÷ statutory limit, over the completed cases.
   */
  speedUp: { promised: number | null; actual: number | null };
  immediate: Rate;
  submissions: number;
  suspensions: number;
  corrections: number;
  reporting: { events: number; late: number; timelyRate: number | null };
  cards: CardFigures & { total: number; rectifiedOnTimeRate: number | null };
  complaints: ComplaintFigures;
  supervisionOrders: SupervisionOrderFigures;
  faults: FaultFigures;
  departmentSanctions: DepartmentSanctionFigures;
}

export const ratio = (count: number, base: number): number | null => (base === 0 ? null : count / base);

/** The law's default statutory limits apply to items that record none (art. 42: 20; joint handling 45). */
const defaultStatutoryDays = (kind: string): number => (kind === 'JOINT' ? 45 : 20);

/**
 * The metrics of domain.md §8 from the period's summed counters and the stocks at its ends.
 * Definitions (docs/reports.md has the same, for readers):
 * - on-time rate = completed within the promised limit ÷ completed;
 * - early-completion rate = completed with a working day or more to spare ÷ completed;
 * - overdue (promised / statutory) = completed late in the period + open and past the limit at its
 *   end; overdue rate = that ÷ (completed + in progress at the end);
 * - average working days used = working days used by the completed ÷ completed, beside the average
 *   promised and statutory limit of the same cases;
 * - promised-limit compression = Σ(statutory − promised) ÷ Σ statutory over the catalogued items
 *   (an IMMEDIATE item promises 0 days);
 * - immediate-item share = accepted IMMEDIATE ÷ accepted;
 * - reporting timeliness = events received within 24 h of happening ÷ events happened in the period;
 * - cards rectified on time = rectified by the supervision deadline ÷ cards that carried one.
 */
export function computeComplianceMetrics(input: MetricInputs): ComplianceMetrics {
  const p = input.period;
  const end = input.stockAtEnd;
  const handled = p.completed + end.inProgress;
  const overdue = (completedLate: number, openAtEnd: number): OverdueFigures => ({
    completedLate,
    openAtEnd,
    count: completedLate + openAtEnd,
    rate: ratio(completedLate + openAtEnd, handled),
  });
  const cardsTotal = Object.values(input.cards.byLevel).reduce((sum, n) => sum + n, 0);
  return {
    accepted: p.accepted,
    completed: p.completed,
    terminated: p.terminated,
    inProgressAtStart: input.stockAtStart.inProgress,
    inProgressAtEnd: end.inProgress,
    onTime: { count: p.completedOnTime, rate: ratio(p.completedOnTime, p.completed) },
    early: { count: p.completedEarly, rate: ratio(p.completedEarly, p.completed) },
    overdue: {
      promised: overdue(p.completedPromisedLate, end.promisedOverdueOpen),
      statutory: overdue(p.completedStatutoryLate, end.statutoryOverdueOpen),
    },
    workingDays: {
      averageUsed: ratio(p.usedWorkingDays, p.completed),
      averagePromisedLimit: ratio(p.promisedLimitDays, p.promisedLimitCases),
      averageStatutoryLimit: ratio(p.statutoryLimitDays, p.completed),
    },
    promisedLimitCompression: compression(input.items),
    timeliness: {
      // Against the promise (the law where an item has none), as the on-time rate judges it.
      promised: split(p.completedEarly, p.completedOnTime - p.completedEarly, p.completed - p.completedOnTime, p.completed),
      statutory: split(p.completedStatutoryEarly, p.completed - p.completedStatutoryEarly - p.completedStatutoryLate, p.completedStatutoryLate, p.completed),
    },
    speedUp: {
      promised: compression(input.items).rate,
      actual: p.statutoryLimitDays === 0 ? null : 1 - p.usedWorkingDays / p.statutoryLimitDays,
    },
    immediate: { count: p.acceptedImmediate, rate: ratio(p.acceptedImmediate, p.accepted) },
    submissions: p.submissions,
    suspensions: p.suspensions,
    corrections: p.corrections,
    reporting: { events: p.events, late: p.eventsLate, timelyRate: ratio(p.events - p.eventsLate, p.events) },
    cards: { ...input.cards, total: cardsTotal, rectifiedOnTimeRate: ratio(input.cards.rectifiedOnTime, input.cards.withDeadline) },
    complaints: input.complaints,
    supervisionOrders: input.supervisionOrders,
    faults: input.faults,
    departmentSanctions: input.departmentSanctions ?? { circulatedCriticism: 0, warning: 0 },
  };
}

function split(early: number, onTime: number, late: number, completed: number): TimelinessSplit {
  return {
    early: { count: early, rate: ratio(early, completed) },
    onTime: { count: onTime, rate: ratio(onTime, completed) },
    late: { count: late, rate: ratio(late, completed) },
  };
}

function compression(items: readonly ItemLimits[]): { rate: number | null; items: number } {
  let statutory = 0;
  let saved = 0;
  for (const item of items) {
    const limit = item.statutoryDays > 0 ? item.statutoryDays : defaultStatutoryDays(item.kind);
    // An IMMEDIATE item is promised the same day, whatever its catalogue entry says (as its clock does).
    const promised = item.kind === 'IMMEDIATE' ? 0 : Math.min(limit, Math.max(0, item.promisedDays));
    statutory += limit;
    saved += limit - promised;
  }
  return { rate: ratio(saved, statutory), items: items.length };
}

/** The stock at the end of a day from the counters summed over every day up to it. */
export function stockFrom(cumulative: DailyCounters): StockAt {
  return {
    inProgress: cumulative.accepted - cumulative.completed - cumulative.terminated,
    promisedOverdueOpen: cumulative.promisedOverdueOpenDelta,
    statutoryOverdueOpen: cumulative.statutoryOverdueOpenDelta,
  };
}
