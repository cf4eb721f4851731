import { Injectable, Logger } from '@nestjs/common';
import { projectCase } from '@app/domain';
import { CatalogueReader } from '../catalogue/catalogue.reader';
import { CaseKey, caseKeyString, EventStoreRepository } from '../ingest/event-store.repository';
import { CaseClocksService } from './case-clocks.service';
import { CaseStateRepository, ProjectedCase } from './case-state.repository';

/**
 * Worker side of ingest: re-derives every case a batch touched — state and clocks — from its full
 * ordered history. Safe to repeat (at-least-once jobs): the same history always gives the same state.
 */
@Injectable()
export class CaseProjectionService {
  private readonly logger = new Logger('CaseProjectionService');

  constructor(
    private readonly events: EventStoreRepository,
    private readonly cases: CaseStateRepository,
    private readonly catalogue: CatalogueReader,
    private readonly clocks: CaseClocksService,
  ) {}

  async projectBatch(batchId: string, now: Date): Promise<number> {
    const projected = await this.projectCases(await this.events.casesOfBatch(batchId), now);
    await this.events.markBatchProjected(batchId);
    return projected;
  }

  /** Projects the given cases from their histories (also used to recompute after a calendar load). */
  async projectCases(keys: CaseKey[], now: Date): Promise<number> {
    const histories = await this.events.historiesOf(keys);
    const itemCodes = new Set<string>();
    for (const history of histories.values()) for (const e of history) itemCodes.add(e.itemCode);
    const items = await this.catalogue.itemsByCode([...itemCodes]);

    const projected: ProjectedCase[] = [];
    for (const key of keys) {
      const history = histories.get(caseKeyString(key.departmentCode, key.caseId));
      if (!history || history.length === 0) continue;
      const snapshot = projectCase(history);
      const item = items.get(snapshot.itemCode);
      projected.push({ snapshot, unknownItem: !item, clocks: this.clocks.forStorage(history, item, now) });
    }
    await this.cases.upsert(projected, now);
    const unknown = projected.filter((p) => p.unknownItem).length;
    if (unknown > 0) this.logger.warn(`${unknown} case(s) with an item not in the catalogue were kept and marked`);
    return projected.length;
  }
}
