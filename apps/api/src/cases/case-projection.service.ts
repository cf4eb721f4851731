import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ItemInput, StoredCaseEvent } from '@app/contracts';
import { clockSettingsFor, cursorOf, foldHistory, StoredFold } from '@app/domain';
import { CatalogueReader } from '../catalogue/catalogue.reader';
import { CaseKey, caseKeyString, EventStoreRepository } from '../ingest/event-store.repository';
import { OutboxPublisherService } from '../outbox/outbox-publisher.service';
import { CaseClocksService } from './case-clocks.service';
import { CaseStateRepository, ProjectedCase } from './case-state.repository';
import { CaseRuleOutcome, CaseRules, EvaluatedCaseOf, ProjectionFollower } from './projection-ports';

/**
 * At most this many batches and events in one projection pass: enough to share a pass's fixed cost
 * when a backlog builds up, small enough that a pass (and the wait of a card it raises) stays short.
 */
const BATCHES_PER_PASS = 4;
const EVENTS_PER_PASS = 2000;

/** How a projection pass folds each case's state (ADR 17). */
export interface ProjectionOptions {
  /**
   * Fold every case's whole history instead of going on from its stored fold: a recompute, which
   * also repairs any stored fold.
   */
  rederive?: boolean;
}

/** How many cases a pass folded on from their stored fold, and how many from the whole history. */
export interface FoldPaths {
  incremental: number;
  full: number;
}

/**
 * Projects cases — state, clocks, and the cards their rules call for — in one transaction. The state
 * is folded on from the stored fold when the case's new events follow it (ADR 17), otherwise from
 * the whole ordered history; clocks, rules and report contributions read the whole history. Safe
 * to repeat (at-least-once jobs, scheduler ticks): the same history at the same instant always
 * gives the same state and the same cards.
 */
@Injectable()
export class CaseProjectionService {
  private readonly logger = new Logger('CaseProjectionService');
  /** Cases folded on from their stored fold and from their whole history since start (tests, metrics). */
  readonly foldPaths: FoldPaths = { incremental: 0, full: 0 };

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventStoreRepository,
    private readonly cases: CaseStateRepository,
    private readonly catalogue: CatalogueReader,
    private readonly clocks: CaseClocksService,
    private readonly evaluation: CaseRules,
    private readonly rollups: ProjectionFollower,
    private readonly outbox: OutboxPublisherService,
  ) {}

  /**
   * Projects a committed batch, and with it other batches waiting for projection (a backlog), in
   * one transaction: a case touched by several of them is projected once, and the fixed cost of a
   * pass (a dozen statements, a commit) is shared. The job of a batch taken along by another pass
   * projects other waiting batches meanwhile, then finds its own projected (or, if that pass rolled
   * back, projects it).
   */
  async projectBatch(batchId: string, now: Date): Promise<number> {
    let projected = 0;
    for (;;) {
      const pass = await this.dataSource.transaction(async (manager) => {
        const claim = await this.events.claimBatches(batchId, BATCHES_PER_PASS, EVENTS_PER_PASS, manager);
        if (claim.batches.length === 0) return { claim, count: 0 };
        const count = await this.projectCases(await this.events.casesOfBatches(claim.batches, manager), now, manager);
        await this.events.markBatchesProjected(claim.batches, manager);
        return { claim, count };
      });
      // After the commit: the cards this pass raised are in the outbox now.
      if (pass.claim.batches.length > 0) this.outbox.kick();
      projected += pass.count;
      if (pass.claim.own !== 'elsewhere') return projected;
    }
  }

  /** Projects the given cases inside the caller's transaction (batch job, recompute, scheduler tick). */
  async projectCases(keys: CaseKey[], now: Date, manager: EntityManager, options: ProjectionOptions = {}): Promise<number> {
    const histories = await this.events.historiesOf(keys, manager);
    const folds = options.rederive ? new Map<string, StoredFold>() : await this.cases.storedFolds(manager, keys);
    const itemCodes = new Set<string>();
    for (const history of histories.values()) for (const e of history) itemCodes.add(e.itemCode);
    const items = await this.catalogue.itemsByCode([...itemCodes], manager);
    const context = await this.evaluation.prepare(manager, [...new Set(keys.map((k) => k.departmentCode))], now);

    const projected: (ProjectedCase & EvaluatedCaseOf<CaseRuleOutcome> & { history: StoredCaseEvent[]; item: ItemInput | undefined })[] = [];
    for (const key of keys) {
      const caseKey = caseKeyString(key.departmentCode, key.caseId);
      const stored = histories.get(caseKey);
      if (!stored || stored.length === 0) continue;
      const folded = foldHistory(stored, folds.get(caseKey), options.rederive);
      // In case order from here on: the clocks' and rules' own sorts then find nothing to move.
      const history = folded.ordered;
      this.foldPaths[folded.incremental ? 'incremental' : 'full']++;
      const snapshot = folded.fold.snapshot;
      const item = items.get(snapshot.itemCode);
      const settings = this.evaluation.settingsFor(context, item, snapshot.itemCode);
      const approvers = this.evaluation.clockApprovers(context, settings, snapshot.departmentCode);
      const clocks = this.clocks.forStorage(history, item, now, clockSettingsFor(settings), approvers);
      const evaluation = this.evaluation.evaluate(context, snapshot, history, item, clocks.computed, now);
      const nextCheckAt = nextCheck(clocks.columns.nextCheckAt, evaluation.nextEvaluationAt, now);
      projected.push({ snapshot, cursor: cursorOf(folded.fold), unknownItem: !item, clocks: { ...clocks.columns, nextCheckAt }, evaluation, history, item });
    }
    const written = await this.cases.upsert(manager, projected, now);
    // Cards follow only projections that were written: a stale view of a case must not move its cards.
    const current = projected.filter((p) => written.has(caseKeyString(p.snapshot.departmentCode, p.snapshot.caseId)));
    await this.evaluation.reconcile(manager, context, current, now);
    // The report rollup moves with what was written; last, so its shared (department, day) rows are
    // held only until the commit.
    await this.rollups.apply(
      manager,
      current.map((p) => ({ departmentCode: p.snapshot.departmentCode, caseId: p.snapshot.caseId, clocks: p.clocks.clocks, item: p.item, history: p.history })),
      now,
    );
    const unknown = projected.filter((p) => p.unknownItem).length;
    if (unknown > 0) this.logger.warn(`${unknown} case(s) with an item not in the catalogue were kept and marked`);
    return projected.length;
  }
}

/** The earliest threshold still ahead; never one already past, which would make the scheduler spin. */
function nextCheck(a: string | null, b: string | null, now: Date): string | null {
  const candidates = [a, b].filter((x): x is string => x !== null).map((x) => Date.parse(x));
  if (candidates.length === 0) return null;
  return new Date(Math.max(Math.min(...candidates), now.getTime() + 1000)).toISOString();
}
