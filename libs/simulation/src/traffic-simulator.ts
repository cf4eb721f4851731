import { CaseEventInput, CatalogueFile, INGEST_LIMITS } from '@app/contracts';
import { planCase } from './case-plan';
import { DepartmentView, buildDepartmentViews } from './catalogue-view';
import { DepartmentBatch, copyEvent, disorder, isDuplicateCopy, toBatches } from './delivery';
import { TIME_SENSITIVE, pickIrregularity } from './irregularities';
import { Rng } from './prng';
import { GroundTruth, SimCase, collectDue, isComplete, toEnvelope } from './sim-case';
import { DAY, HOUR, MINUTE, OFFICE_CLOSE, OFFICE_OPEN, WorkClock, WorkingDayPredicate, localDate, localDayStart } from './work-time';

export interface TrafficSimulatorOptions {
  catalogue: CatalogueFile;
  seed: number;
  /** Department codes to simulate (default: all in the catalogue). */
  departments?: string[];
  /** Share of cases with a planted irregularity (default 0.15). */
  irregularShare?: number;
  /** Share of events delivered twice (default 0.03). */
  duplicateShare?: number;
  /** Share of events delivered late, after the case's later events (default 0.05). */
  outOfOrderShare?: number;
  /** Share of cases whose events carry no `seq` (default 0.1). */
  seqOmittedShare?: number;
  /** Events per batch, 1–1000 (default 1000). */
  batchSize?: number;
  /** New cases per day in `live` until `history` sets it (default 100). */
  casesPerDay?: number;
  /** Prefix of every case id (ASCII letters/digits, ≤ 12); use a new one per run (default `S<seed>`). */
  runId?: string;
  /** The working-day calendar (local date `YYYY-MM-DD` → working?); default Monday–Friday. */
  isWorkingDay?: WorkingDayPredicate;
}

export interface SimulatorStats {
  casesOpened: number;
  openCases: number;
  eventsDelivered: number;
  duplicatesDelivered: number;
  deferred: number;
}

const GROUND_TRUTH_CAP = 200_000;

function share(name: string, value: number | undefined, fallback: number): number {
  const result = value ?? fallback;
  if (!(result >= 0 && result <= 1)) throw new RangeError(`${name} must be between 0 and 1`);
  return result;
}

/**
 * Deterministic traffic of department systems: realistic case stories from the catalogue, a share
 * of them irregular, delivered with duplicates and out-of-order events. Pure: `now` and the seed
 * are passed in; the same seed and the same calls give the same output.
 */
export class TrafficSimulator {
  private readonly rng: Rng;
  private readonly clock: WorkClock;
  private readonly views: DepartmentView[];
  private readonly active: DepartmentView[];
  private readonly shares: { irregular: number; duplicate: number; outOfOrder: number; seqOmitted: number };
  private readonly batchSize: number;
  private readonly runId: string;
  private casesPerDay: number;
  private open: SimCase[] = [];
  private deferred: CaseEventInput[] = [];
  private readonly truth = new Map<string, GroundTruth>();
  private readonly counters = new Map<string, number>();
  private lastNow: number | undefined;
  private carry = 0;
  private certificateSerial = 0;
  private readonly counts = { casesOpened: 0, eventsDelivered: 0, duplicatesDelivered: 0 };

  constructor(options: TrafficSimulatorOptions) {
    this.rng = new Rng(options.seed);
    this.clock = new WorkClock(options.isWorkingDay);
    this.views = buildDepartmentViews(options.catalogue, options.departments);
    this.active = this.views.filter((view) => view.items.length > 0);
    if (this.active.length === 0) throw new RangeError('the selected departments have no items to simulate');
    this.shares = {
      irregular: share('irregularShare', options.irregularShare, 0.15),
      duplicate: share('duplicateShare', options.duplicateShare, 0.03),
      outOfOrder: share('outOfOrderShare', options.outOfOrderShare, 0.05),
      seqOmitted: share('seqOmittedShare', options.seqOmittedShare, 0.1),
    };
    this.batchSize = options.batchSize ?? INGEST_LIMITS.maxEventsPerBatch;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1 || this.batchSize > INGEST_LIMITS.maxEventsPerBatch) {
      throw new RangeError(`batchSize must be an integer from 1 to ${INGEST_LIMITS.maxEventsPerBatch}`);
    }
    this.runId = options.runId ?? `S${(options.seed >>> 0).toString(36)}`;
    if (!/^[A-Za-z0-9]{1,12}$/.test(this.runId)) throw new RangeError('runId must be 1–12 ASCII letters or digits');
    this.casesPerDay = Math.max(0, options.casesPerDay ?? 100);
  }

  /**
   * A past: about `casesPerDay` × `days` cases received on working days over the last `days` days,
   * every event that has happened by `now` (many cases are still open), back-dated and delivered
   * with the configured imperfections. Also sets the live feed's case rate.
   */
  history(now: Date, days: number, casesPerDay: number): DepartmentBatch[] {
    const nowMs = this.advanceTo(now);
    this.casesPerDay = Math.max(0, casesPerDay);
    const from = nowMs - Math.max(0, days) * DAY;
    const workdays: number[] = [];
    for (let day = localDayStart(from); day <= nowMs; day = localDayStart(day + DAY + 2 * HOUR)) {
      if (this.clock.isWorkingDay(day)) workdays.push(day);
    }
    const starts: number[] = [];
    const total = workdays.length === 0 ? 0 : Math.round(this.casesPerDay * Math.max(0, days));
    for (let i = 0; i < total; i++) {
      for (let attempt = 0; attempt < 10; attempt++) {
        const at = this.rng.pick(workdays) + OFFICE_OPEN + Math.floor((this.rng.float() * (OFFICE_CLOSE - OFFICE_OPEN)) / 1000) * 1000;
        if (at >= from && at <= nowMs) {
          starts.push(at);
          break;
        }
      }
    }
    starts.sort((a, b) => a - b).forEach((start) => this.openCase(start));
    const fresh = collectDue(this.open, nowMs, Number.POSITIVE_INFINITY).map(({ simCase, index }) => toEnvelope(simCase, index));
    this.settle();
    const shares = { duplicate: this.shares.duplicate, outOfOrder: this.shares.outOfOrder };
    return this.deliver(toBatches(fresh, this.views.map((view) => view.code), this.batchSize, (stream) => disorder(stream, this.rng, shares)));
  }

  /**
   * The ongoing stream up to `now`, at most `maxEvents` events: events held back last time, events
   * that have become due, new cases (at the history's daily rate), and — to keep a demo lively —
   * the next events of open regular cases brought forward to just before `now`. A share of events
   * is held back to the next call (out of order) or sent twice.
   */
  live(now: Date, maxEvents: number): DepartmentBatch[] {
    const since = this.lastNow ?? now.getTime() - MINUTE;
    const nowMs = this.advanceTo(now);
    const budget = Math.max(0, Math.floor(maxEvents));
    const carried = this.deferred.splice(0, budget);
    const room = budget - carried.length;

    this.carry += (this.casesPerDay * (nowMs - since)) / DAY;
    for (; this.carry >= 1; this.carry--) this.openCase(this.between(since, nowMs));
    const fresh = collectDue(this.open, nowMs, room);
    for (let guard = 0; fresh.length < room && guard < room * 4; guard++) {
      const pulled = this.rng.chance(1 / 12) ? undefined : this.findPullable(since, nowMs);
      if (pulled) {
        const at = this.between(Math.max(since, pulled.lastAt + 1000), nowMs);
        pulled.plan[pulled.next].at = at;
        pulled.lastAt = at;
        fresh.push({ simCase: pulled, index: pulled.next++ });
      } else {
        const simCase = this.openCase(this.between(since, nowMs));
        fresh.push(...collectDue([simCase], nowMs, room - fresh.length));
      }
    }
    const events = fresh
      .map(({ simCase, index }) => ({ at: simCase.plan[index].at, event: toEnvelope(simCase, index) }))
      .sort((a, b) => a.at - b.at)
      .map(({ event }) => event);
    this.settle();
    const out: CaseEventInput[] = [];
    const duplicates: CaseEventInput[] = [];
    for (const event of events) {
      if (this.rng.chance(this.shares.outOfOrder)) this.deferred.push(event);
      else out.push(event);
      if (this.rng.chance(this.shares.duplicate)) duplicates.push(copyEvent(event));
    }
    const spare = Math.max(0, budget - carried.length - out.length);
    out.push(...duplicates.slice(0, spare));
    this.deferred.push(...duplicates.slice(spare));
    // What was held back last time arrives after this call's newer events: out of order.
    out.push(...carried);
    return this.deliver(toBatches(out, this.views.map((view) => view.code), this.batchSize));
  }

  /** Delivers everything still held back for a later call (e.g. before stopping). */
  flush(): DepartmentBatch[] {
    const held = this.deferred;
    this.deferred = [];
    return this.deliver(toBatches(held, this.views.map((view) => view.code), this.batchSize));
  }

  /** The planted irregularity (or none) of every case opened so far (the newest 200,000). */
  groundTruth(): GroundTruth[] {
    return [...this.truth.values()].map((entry) => ({ ...entry }));
  }

  stats(): SimulatorStats {
    return { ...this.counts, openCases: this.open.length, deferred: this.deferred.length };
  }

  private advanceTo(now: Date): number {
    const nowMs = now.getTime();
    if (!Number.isFinite(nowMs)) throw new RangeError('now must be a valid date');
    if (this.lastNow !== undefined && nowMs < this.lastNow) throw new RangeError('now must not go backwards');
    this.lastNow = nowMs;
    return nowMs;
  }

  /** A whole second in (from, to]; `to` itself when there is no room. */
  private between(from: number, to: number): number {
    const low = Math.floor(from / 1000) + 1;
    const high = Math.floor(to / 1000);
    return (high <= low ? high : this.rng.int(low, high)) * 1000;
  }

  private findPullable(since: number, now: number): SimCase | undefined {
    for (let attempt = 0; attempt < 6 && this.open.length > 0; attempt++) {
      const candidate = this.rng.pick(this.open);
      const next = candidate.plan[candidate.next];
      if (candidate.pullable && !candidate.held && next && next.at > now && Math.max(since, candidate.lastAt) + 1000 < now) {
        return candidate;
      }
    }
    return undefined;
  }

  private openCase(start: number): SimCase {
    const view = this.rng.weighted(this.active.map((v) => [v, v.items.reduce((sum, entry) => sum + entry.weight, 0)] as const));
    const entry = this.rng.weighted(view.items.map((e) => [e, e.weight] as const));
    const irregularity = this.rng.chance(this.shares.irregular) ? pickIrregularity(this.rng, entry.item) : null;
    const date = localDate(start).replace(/-/g, '');
    const counterKey = `${view.code}/${date}`;
    const serial = (this.counters.get(counterKey) ?? 0) + 1;
    this.counters.set(counterKey, serial);
    const caseId = `${this.runId}-${view.code}-${date}-${String(serial).padStart(4, '0')}`;
    const plan = planCase({
      itemCode: entry.code,
      item: entry.item,
      department: view,
      start,
      irregularity,
      clock: this.clock,
      rng: this.rng,
      certificateSerial: ++this.certificateSerial,
    });
    const simCase: SimCase = {
      departmentCode: view.code,
      caseId,
      itemCode: entry.code,
      irregularity,
      withSeq: !this.rng.chance(this.shares.seqOmitted),
      plan,
      next: 0,
      lastAt: start - 1000,
      pullable: irregularity === null || !TIME_SENSITIVE.has(irregularity),
      held: irregularity === 'BACKDATED_BURST',
    };
    this.open.push(simCase);
    this.counts.casesOpened++;
    this.truth.set(`${view.code}/${caseId}`, { departmentCode: view.code, caseId, itemCode: entry.code, irregularity, complete: false });
    if (this.truth.size > GROUND_TRUTH_CAP) this.truth.delete(this.truth.keys().next().value as string);
    return simCase;
  }

  /** Drops finished cases from the open pool and marks them complete in the ground truth. */
  private settle(): void {
    const stillOpen: SimCase[] = [];
    for (const simCase of this.open) {
      if (!isComplete(simCase)) stillOpen.push(simCase);
      else {
        const entry = this.truth.get(`${simCase.departmentCode}/${simCase.caseId}`);
        if (entry) entry.complete = true;
      }
    }
    this.open = stillOpen;
  }

  private deliver(batches: DepartmentBatch[]): DepartmentBatch[] {
    for (const batch of batches) {
      this.counts.eventsDelivered += batch.events.length;
      this.counts.duplicatesDelivered += batch.events.filter(isDuplicateCopy).length;
    }
    return batches;
  }
}
