import { EntityManager } from 'typeorm';
import { nextOrderState } from '@app/domain/reports';
import { AuditActor, AuditService } from '../../audit/audit.service';
import { SupervisionOrderEntity } from '../../persistence/entities/accountability/supervision-order.entity';
import { proposeHeadAccountability } from '../register/head-proposals';
import { orderWords } from './supervision-order.service';

const WATCHER = { kind: 'system' as const, id: 'oversight-deadline' } satisfies AuditActor;

/**
 * A 限期整改 / 限期履行 order just flagged overdue (no reply by its deadline) has failed: it is
 * escalated and the head's accountability proposed, in the flagging transaction, audited as the
 * system's step. A 督办 stays open (its card is the consequence). Returns how many were escalated.
 */
export async function escalateOverdueOrders(manager: EntityManager, audit: AuditService, orderIds: string[], now: Date): Promise<number> {
  if (orderIds.length === 0) return 0;
  const orders = await manager.getRepository(SupervisionOrderEntity).createQueryBuilder('o').where('o.id IN (:...ids)', { ids: orderIds }).getMany();
  let escalated = 0;
  for (const order of orders) {
    const next = nextOrderState({ kind: order.kind, state: order.state, dueAtMs: order.dueAt.getTime() }, { type: 'OVERDUE' }, now.getTime());
    if (!next.ok || !next.proposeHeadAccountability) continue;
    const proposal = await proposeHeadAccountability(manager, audit, WATCHER, order, `${orderWords(order)}逾期未落实`, now);
    const change = { state: next.state, escalatedAt: now, escalatedBy: `system:${WATCHER.id}`, headProposalId: proposal.id };
    await manager.update(SupervisionOrderEntity, { id: order.id }, change);
    await audit.record({ actor: WATCHER, action: 'supervision_order.escalate', target: `supervision_order:${order.id}`, before: { state: order.state }, after: change }, manager);
    escalated++;
  }
  return escalated;
}
