import { Injectable, Logger } from '@nestjs/common';
import { projectCase } from '@app/domain';
import { CatalogueReader } from '../catalogue/catalogue.reader';
import { caseKeyString, EventStoreRepository } from '../ingest/event-store.repository';
import { CaseStateRepository, ProjectedCase } from './case-state.repository';

/**
 * Worker side of ingest: re-derives every case a batch touched from its full ordered history.
 * Safe to repeat (at-least-once jobs): the same history always gives the same state.
 */
@Injectable()
export class CaseProjectionService {
  private readonly logger = new Logger('CaseProjectionService');

  constructor(
    private readonly events: EventStoreRepository,
    private readonly cases: CaseStateRepository,
    private readonly catalogue: CatalogueReader,
  ) {}

  async projectBatch(batchId: string, now: Date): Promise<number> {
    const touched = await this.events.casesOfBatch(batchId);
    const histories = await this.events.historiesOf(touched);
    const itemCodes = new Set<string>();
    for (const history of histories.values()) for (const e of history) itemCodes.add(e.itemCode);
    const knownItems = await this.catalogue.existingItemCodes([...itemCodes]);

    const projected: ProjectedCase[] = [];
    for (const key of touched) {
      const history = histories.get(caseKeyString(key.departmentCode, key.caseId));
      if (!history || history.length === 0) continue;
      const snapshot = projectCase(history);
      projected.push({ snapshot, unknownItem: !knownItems.has(snapshot.itemCode) });
    }
    await this.cases.upsert(projected, now);
    await this.events.markBatchProjected(batchId);
    if (projected.some((p) => p.unknownItem)) {
      this.logger.warn(`batch ${batchId}: case(s) with an item not in the catalogue were kept and marked`);
    }
    return projected.length;
  }
}
