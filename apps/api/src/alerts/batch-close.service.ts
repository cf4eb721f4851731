import { ConflictException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FieldError } from '@app/contracts';
import { cardTransition } from '@app/domain';
import { AccessScope, inScope } from '../auth/access-scope';
import { Principal, principalId } from '../auth/principal';
import { AuditService } from '../audit/audit.service';
import { AlertEntity } from '../persistence/entities';
import { AlertStoreRepository, CardChangeRecord } from './alert-store.repository';

/** A batch is one decision a person reads through: large enough for a campaign, small enough to check. */
export const BATCH_CLOSE_MAX = 200;

/**
 * 批量摘牌: the centre closes many rectified cards with one reason. All or nothing: every card is
 * locked and checked first; if any cannot be closed (not found or not in scope — the same answer —,
 * or not in a state that closes), nothing is written and the answer names each such card and why.
 * Otherwise each card gets its CLOSE transition, outbox message and audit entry in one transaction.
 */
@Injectable()
export class BatchCloseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: AlertStoreRepository,
    private readonly audit: AuditService,
  ) {}

  async close(principal: Principal, scope: AccessScope, ids: string[], reason: string, now: Date) {
    return this.dataSource.transaction(async (manager) => {
      // Locked in id order, so two overlapping batches cannot deadlock each other.
      const cards = await manager
        .getRepository(AlertEntity)
        .createQueryBuilder('a')
        .setLock('pessimistic_write')
        .where('a.id IN (:...ids)', { ids })
        .orderBy('a.id')
        .getMany();
      const byId = new Map(cards.map((card) => [card.id, card]));
      const errors: (FieldError & { id: string })[] = [];
      ids.forEach((id, index) => {
        const card = byId.get(id);
        if (!card || !inScope(scope, card.departmentCode)) {
          errors.push({ path: `ids[${index}]`, id, message: 'not found' });
          return;
        }
        const result = cardTransition('close', card, 'centre', reason);
        if (!result.ok) errors.push({ path: `ids[${index}]`, id, message: result.message });
      });
      if (errors.length > 0) {
        throw new ConflictException({ statusCode: 409, error: 'Conflict', message: `no card was closed: ${errors.length} of ${ids.length} cannot be`, errors });
      }
      await manager.query(
        `UPDATE alerts SET state = 'CLOSED', closed_at = $2, close_reason = $3, updated_at = $2 WHERE id = ANY($1::uuid[])`,
        [ids, now, `batch-close: ${reason}`.slice(0, 200)],
      );
      const actor = principalId(principal);
      const records: CardChangeRecord[] = ids.map((id) => {
        const card = byId.get(id)!;
        return { alertId: id, departmentCode: card.departmentCode, action: 'CLOSE', fromState: card.state, toState: 'CLOSED', fromLevel: card.level, toLevel: card.level, actor, comment: reason };
      });
      await this.store.record(manager, records, now);
      for (const id of ids) {
        const card = byId.get(id)!;
        await this.audit.record(
          { actor: principal, action: 'alert.batch-close', target: `alert:${id}`, before: { state: card.state, level: card.level }, after: { state: 'CLOSED', reason, batchSize: ids.length } },
          manager,
        );
      }
      return { closed: ids.length, items: ids.map((id) => ({ id, state: 'CLOSED' as const })) };
    });
  }
}
