import { EntityManager } from 'typeorm';
import { localDateOf } from '@app/domain';
import { PROPOSED_MEASURE } from '@app/domain/reports';
import { AuditActor, AuditService } from '../../audit/audit.service';
import { COUNTING_POLICY } from '../../calendar/clock-policy';
import { RegisterEntryEntity } from '../../persistence/entities/accountability/register-entry.entity';
import { buildEntry, toRow } from './register.service';

export interface FailedOrder {
  id: string;
  departmentCode: string;
  subject: string;
  dueAt: Date;
}

/**
 * A failed 限期 order proposes the department head's accountability (行政首长问责): a register entry
 * of kind HEAD_ACCOUNTABILITY in state PROPOSED, naming the department's recorded head (none: the
 * supervisor names one when confirming), committed on the order's deadline day. It counts for
 * nothing until a centre supervisor confirms it. At most one pending proposal per order (unique
 * index): a second escalation of the same order returns the pending one.
 */
export async function proposeHeadAccountability(manager: EntityManager, audit: AuditService, actor: AuditActor, order: FailedOrder, reason: string, now: Date): Promise<RegisterEntryEntity> {
  const [pending] = await manager.query<{ id: string }[]>(`SELECT id FROM register_entries WHERE supervision_order_id = $1 AND kind = 'HEAD_ACCOUNTABILITY' AND state = 'PROPOSED'`, [order.id]);
  if (pending) return (await manager.getRepository(RegisterEntryEntity).findOneByOrFail({ id: pending.id }));
  const [head] = await manager.query<{ id: string; name: string }[]>(
    'SELECT id, name FROM officers WHERE department_code = $1 AND is_department_head ORDER BY id LIMIT 1',
    [order.departmentCode],
  );
  const today = localDateOf(now, COUNTING_POLICY);
  const dueDay = localDateOf(order.dueAt, COUNTING_POLICY);
  const entry = buildEntry(actor, now, {
    kind: 'HEAD_ACCOUNTABILITY',
    subjectKind: 'OFFICER',
    departmentCode: order.departmentCode,
    officerId: head?.id ?? null,
    officerName: head?.name ?? null,
    severity: null,
    measure: PROPOSED_MEASURE,
    basis: `${reason}：${order.subject}`,
    directResponsibility: false,
    decidedOn: today,
    // The failure happened when the deadline passed.
    committedOn: dueDay < today ? dueDay : today,
    alertId: null,
    caseId: null,
    rule: null,
    supervisionOrderId: order.id,
    amount: null,
    state: 'PROPOSED',
  });
  await manager.getRepository(RegisterEntryEntity).insert(entry);
  await audit.record({ actor, action: 'register.head_proposal.propose', target: `register:${entry.id}`, after: toRow(entry) }, manager);
  return entry;
}
