import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ItemInput, StoredCaseEvent } from '@app/contracts';
import { caseContributions, contributionDelta, DEFAULT_CONTRIBUTION_POLICY, sumContributions } from '@app/domain/reports';
import { ProjectionFollower } from '../../cases/projection-ports';
import type { StoredClock } from '../../persistence/entities/stored-clock';
import { ReportRollupRepository, RollupRow } from './report-rollup.repository';

export interface ProjectedForReport {
  departmentCode: string;
  caseId: string;
  clocks: readonly StoredClock[];
  item: ItemInput | undefined;
  history: readonly StoredCaseEvent[];
}

/** What the rollup reads of a projected case: the same fields the rebuild reads back from storage. */
export function reportInputOf(clocks: readonly StoredClock[], itemKind: string | null, history: readonly { type: string; occurredAt: string; receivedAt: string }[]) {
  return { clocks, itemKind, events: history.map((e) => ({ type: e.type, occurredAt: e.occurredAt, receivedAt: e.receivedAt })) };
}

/**
 * Keeps the daily rollup in step with the projection, inside its transaction: for each written case,
 * (new contributions − stored ones) is added to the rollup and the new ones are stored. The case row
 * lock taken by the projection's upsert serialises two projections of one case, so the stored
 * contributions read here are the latest committed; projecting a case twice adds nothing the second time.
 */
@Injectable()
export class ReportRollupMaintainer implements ProjectionFollower {
  constructor(private readonly repository: ReportRollupRepository) {}

  async apply(manager: EntityManager, cases: readonly ProjectedForReport[], now: Date): Promise<void> {
    if (cases.length === 0) return;
    await this.repository.lockShared(manager, cases.map((c) => c.departmentCode));
    const stored = await this.repository.factsOf(manager, [...cases]);
    const changedFacts = [];
    const deltasByDepartment = new Map<string, ReturnType<typeof contributionDelta>[]>();
    for (const c of cases) {
      const next = caseContributions(reportInputOf(c.clocks, c.item?.kind ?? null, c.history), DEFAULT_CONTRIBUTION_POLICY);
      const previous = stored.get(`${c.departmentCode}\u0000${c.caseId}`);
      const delta = contributionDelta(previous ?? null, next);
      if (previous !== undefined && Object.keys(delta).length === 0) continue; // nothing moved: write nothing
      changedFacts.push({ departmentCode: c.departmentCode, caseId: c.caseId, contributions: next });
      const list = deltasByDepartment.get(c.departmentCode) ?? [];
      list.push(delta);
      deltasByDepartment.set(c.departmentCode, list);
    }
    if (changedFacts.length === 0) return;
    const rows: RollupRow[] = [];
    for (const [departmentCode, deltas] of deltasByDepartment) {
      for (const [day, counters] of sumContributions(deltas)) {
        if (Object.values(counters).some((v) => v !== 0)) rows.push({ departmentCode, day, counters });
      }
    }
    await this.repository.saveFacts(manager, changedFacts, now);
    await this.repository.addToRollup(manager, rows);
  }
}
