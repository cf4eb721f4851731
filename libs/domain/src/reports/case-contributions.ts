import { addCalendarDays, IsoDate } from '../calendar/calendar-date';
import { CountingPolicy, DEFAULT_COUNTING_POLICY, localDateOf } from '../calendar/counting-policy';
import { DAILY_COUNTERS, DailyCounter, DailyCounters } from './daily-counters';

/** The part of a stored clock the report reads (the projection's `StoredClock` satisfies it). */
export interface ReportClock {
  kind: string;
  state: string;
  startedOn: IsoDate;
  dueOn: IsoDate;
  stoppedAt?: string;
  stoppedBy?: string;
  usedWorkingDays: number;
  limitWorkingDays: number;
}

export interface ReportEvent {
  type: string;
  occurredAt: string;
  receivedAt: string;
}

export interface CaseReportInput {
  /** The case's clocks as last projected. */
  clocks: readonly ReportClock[];
  /** The catalogued item's kind; null when the item is not in the catalogue. */
  itemKind: string | null;
  /** Every stored event of the case, each once. */
  events: readonly ReportEvent[];
}

export interface ContributionPolicy {
  counting: CountingPolicy;
  /** An event received later than this after it happened is reported late (domain.md §6: 24 h). */
  lateReportingMs: number;
}

export const DEFAULT_CONTRIBUTION_POLICY: ContributionPolicy = Object.freeze({
  counting: DEFAULT_COUNTING_POLICY,
  lateReportingMs: 24 * 3_600_000,
});

/** What one case adds to the daily rollup: day → counters (sparse: zero counters are left out). */
export type CaseContributions = Record<IsoDate, Partial<DailyCounters>>;

/** Stops that conclude the case with a decision (办结); any other stop ends it without one. */
const COMPLETING_STOPS = new Set(['DECIDED', 'CERTIFICATE_ISSUED']);

const EVENT_COUNTERS: Partial<Record<string, DailyCounter>> = {
  SUBMITTED: 'submissions',
  SUSPENDED: 'suspensions',
  CORRECTION_REQUESTED: 'corrections',
};

class Builder {
  readonly days: CaseContributions = {};

  add(day: IsoDate, counter: DailyCounter, value = 1): void {
    if (value === 0) return;
    const counters = (this.days[day] ??= {});
    counters[counter] = (counters[counter] ?? 0) + value;
  }

  /** Drops counters that cancelled out, so equal contributions compare equal. */
  done(): CaseContributions {
    const out: CaseContributions = {};
    for (const day of Object.keys(this.days).sort()) {
      const kept = Object.entries(this.days[day]).filter(([, value]) => value !== 0);
      if (kept.length > 0) out[day] = Object.fromEntries(kept);
    }
    return out;
  }
}

const later = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

/**
 * A case's contributions to the daily rollup, from its stored clocks and events only — so the
 * projection (incrementally) and the rebuild (from the stored data) compute the same thing.
 * Pure and deterministic; the rollup holds the sum of these over every case.
 */
export function caseContributions(input: CaseReportInput, policy: ContributionPolicy = DEFAULT_CONTRIBUTION_POLICY): CaseContributions {
  const out = new Builder();
  for (const event of input.events) {
    const day = localDateOf(event.occurredAt, policy.counting);
    out.add(day, 'events');
    if (Date.parse(event.receivedAt) - Date.parse(event.occurredAt) > policy.lateReportingMs) out.add(day, 'eventsLate');
    const counter = EVENT_COUNTERS[event.type];
    if (counter) out.add(day, counter);
  }

  const statutory = input.clocks.find((clock) => clock.kind === 'DECISION_STATUTORY');
  if (!statutory) return out.done(); // never accepted: no case figures, only its events
  const promised = input.clocks.find((clock) => clock.kind === 'DECISION_PROMISED');
  const acceptedOn = statutory.startedOn;
  out.add(acceptedOn, 'accepted');
  if (input.itemKind === 'IMMEDIATE') out.add(acceptedOn, 'acceptedImmediate');

  // A stop recorded before the acceptance day (a back-dated event) is counted on the acceptance day,
  // so a case is never "ended" before it began and the running totals never dip below zero.
  const endedOn = statutory.stoppedAt ? later(acceptedOn, localDateOf(statutory.stoppedAt, policy.counting)) : undefined;
  if (endedOn !== undefined) {
    if (COMPLETING_STOPS.has(statutory.stoppedBy ?? '')) addCompletion(out, endedOn, statutory, promised);
    else out.add(endedOn, 'terminated');
  }
  addOverdueSpan(out, promised, acceptedOn, endedOn, 'promisedOverdueOpenDelta');
  addOverdueSpan(out, statutory, acceptedOn, endedOn, 'statutoryOverdueOpenDelta');
  return out.done();
}

function addCompletion(out: Builder, day: IsoDate, statutory: ReportClock, promised: ReportClock | undefined): void {
  out.add(day, 'completed');
  // On time is judged against the promise; an item without one (not catalogued) against the law.
  if ((promised ?? statutory).state === 'met') out.add(day, 'completedOnTime');
  if (promised && promised.state === 'met' && promised.usedWorkingDays < promised.limitWorkingDays) out.add(day, 'completedEarly');
  if (promised?.state === 'breached') out.add(day, 'completedPromisedLate');
  if (statutory.state === 'breached') out.add(day, 'completedStatutoryLate');
  if (statutory.state === 'met' && statutory.usedWorkingDays < statutory.limitWorkingDays) out.add(day, 'completedStatutoryEarly');
  out.add(day, 'usedWorkingDays', statutory.usedWorkingDays);
  out.add(day, 'statutoryLimitDays', statutory.limitWorkingDays);
  if (promised) {
    out.add(day, 'promisedLimitDays', promised.limitWorkingDays);
    out.add(day, 'promisedLimitCases');
  }
}

/** Open-and-overdue from the first day past the due day until the case ends (a running total). */
function addOverdueSpan(out: Builder, clock: ReportClock | undefined, acceptedOn: IsoDate, endedOn: IsoDate | undefined, counter: DailyCounter): void {
  if (!clock || clock.state !== 'breached') return;
  const firstOverdueDay = later(acceptedOn, addCalendarDays(clock.dueOn, 1));
  out.add(firstOverdueDay, counter, 1);
  if (endedOn !== undefined) out.add(later(endedOn, firstOverdueDay), counter, -1);
}

/** new − old, per day: what a re-projection must add to the rollup (empty when nothing changed). */
export function contributionDelta(previous: CaseContributions | null, next: CaseContributions): CaseContributions {
  const out = new Builder();
  for (const [day, counters] of Object.entries(next)) for (const [counter, value] of Object.entries(counters)) out.add(day, counter as DailyCounter, value);
  if (previous) {
    for (const [day, counters] of Object.entries(previous)) for (const [counter, value] of Object.entries(counters)) out.add(day, counter as DailyCounter, -value);
  }
  return out.done();
}

/** Adds many cases' contributions (or deltas) into per-day totals. */
export function sumContributions(all: Iterable<CaseContributions>): Map<IsoDate, DailyCounters> {
  const totals = new Map<IsoDate, DailyCounters>();
  for (const contributions of all) {
    for (const [day, counters] of Object.entries(contributions)) {
      let row = totals.get(day);
      if (!row) {
        row = Object.fromEntries(DAILY_COUNTERS.map((c) => [c, 0])) as DailyCounters;
        totals.set(day, row);
      }
      for (const [counter, value] of Object.entries(counters)) row[counter as DailyCounter] += value;
    }
  }
  return totals;
}
