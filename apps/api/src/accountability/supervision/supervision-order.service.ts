import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { deadlineFromInstant, dueInstantMs, localDateOf } from '@app/domain';
import { AccessScope, departmentFilter, inScope } from '../../auth/access-scope';
import { Principal, principalId } from '../../auth/principal';
import { AuditService } from '../../audit/audit.service';
import { CalendarService } from '../../calendar/calendar.service';
import { COUNTING_POLICY } from '../../calendar/clock-policy';
import { InvalidInputException, notFound } from '../../common/invalid-input.exception';
import { ReportSettingsRepository } from '../../reports/settings/report-settings.repository';
import { SupervisionOrderEntity, SupervisionOrderState } from '../persistence/supervision-order.entity';
import { findInScope, isUuid, lockInScope, requireState } from '../scoped-record';

export interface OrderInput {
  departmentCode: string;
  subject: string;
  detail: string;
  caseId?: string;
  alertId?: string;
  deadlineWorkingDays?: number;
  dueOn?: string;
}

/** An order with whether it is overdue (flagged, past the deadline unanswered now, or answered late). */
const view = (order: SupervisionOrderEntity, now: Date) => ({
  ...order,
  overdue: order.overdueFlaggedAt !== null || (order.repliedAt ?? now).getTime() > order.dueAt.getTime(),
});

/** 督办: issue an order to a department with a deadline, its reply, its closing — each audited. */
@Injectable()
export class SupervisionOrderService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly calendars: CalendarService,
    private readonly settings: ReportSettingsRepository,
  ) {}

  async issue(principal: Principal, scope: AccessScope, input: OrderInput, now: Date) {
    if (!inScope(scope, input.departmentCode)) throw notFound('departmentCode', `department ${input.departmentCode} not found`);
    return this.dataSource.transaction(async (manager) => {
      await requireRow(manager, 'SELECT 1 FROM departments WHERE code = $1', [input.departmentCode], 'departmentCode', 'no such department');
      if (input.caseId) await requireRow(manager, 'SELECT 1 FROM cases WHERE department_code = $1 AND case_id = $2', [input.departmentCode, input.caseId], 'caseId', `no case of ${input.departmentCode} with this id`);
      if (input.alertId) await requireRow(manager, 'SELECT 1 FROM alerts WHERE department_code = $1 AND id = $2', [input.departmentCode, input.alertId], 'alertId', `no card of ${input.departmentCode} with this id`);
      const { dueOn, dueAt } = await this.deadline(input, now);
      const order = Object.assign(new SupervisionOrderEntity(), {
        id: randomUUID(),
        departmentCode: input.departmentCode,
        subject: input.subject.trim(),
        detail: input.detail.trim(),
        caseId: input.caseId ?? null,
        alertId: input.alertId ?? null,
        issuedAt: now,
        issuedBy: principalId(principal),
        dueOn,
        dueAt,
        state: 'ISSUED',
        reply: null,
        repliedAt: null,
        repliedBy: null,
        closedAt: null,
        closedBy: null,
        closeComment: null,
        overdueFlaggedAt: null,
        overdueAlertId: null,
      });
      await manager.getRepository(SupervisionOrderEntity).insert(order);
      await this.audit.record({ actor: principal, action: 'supervision_order.issue', target: `supervision_order:${order.id}`, after: order }, manager);
      return view(order, now);
    });
  }

  async reply(principal: Principal, scope: AccessScope, id: string, reply: string, now: Date) {
    return this.change(principal, scope, id, ['ISSUED'], 'reply to', 'supervision_order.reply', now, { state: 'REPLIED', reply: reply.trim(), repliedAt: now, repliedBy: principalId(principal) });
  }

  async close(principal: Principal, scope: AccessScope, id: string, comment: string, now: Date) {
    return this.change(principal, scope, id, ['ISSUED', 'REPLIED'], 'close', 'supervision_order.close', now, { state: 'CLOSED', closedAt: now, closedBy: principalId(principal), closeComment: comment.trim() });
  }

  async list(scope: AccessScope, filter: { departmentCode?: string; state?: string; page: number; pageSize: number }, now: Date) {
    if (filter.state && !['ISSUED', 'REPLIED', 'CLOSED'].includes(filter.state)) throw new InvalidInputException([{ path: 'state', message: 'must be ISSUED, REPLIED or CLOSED' }]);
    const departments = departmentFilter(scope, filter.departmentCode);
    if (departments?.length === 0) return { page: filter.page, pageSize: filter.pageSize, total: 0, items: [] };
    const [items, total] = await this.dataSource.getRepository(SupervisionOrderEntity).findAndCount({
      where: { ...(departments ? { departmentCode: In(departments) } : {}), ...(filter.state ? { state: filter.state as SupervisionOrderState } : {}) },
      order: { issuedAt: 'DESC', id: 'ASC' },
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    });
    return { page: filter.page, pageSize: filter.pageSize, total, items: items.map((o) => view(o, now)) };
  }

  async get(scope: AccessScope, id: string, now: Date) {
    const found = isUuid(id) ? await this.dataSource.getRepository(SupervisionOrderEntity).findOneBy({ id }) : null;
    return view(findInScope(found, scope, id, 'supervision order'), now);
  }

  private async change(principal: Principal, scope: AccessScope, id: string, from: SupervisionOrderState[], verb: string, action: string, now: Date, change: Partial<SupervisionOrderEntity>) {
    return this.dataSource.transaction(async (manager) => {
      const order = await lockInScope(manager, SupervisionOrderEntity, id, scope, 'supervision order');
      requireState(order.state, from, `${verb} this order`);
      await manager.update(SupervisionOrderEntity, { id }, change);
      await this.audit.record({ actor: principal, action, target: `supervision_order:${id}`, before: { state: order.state }, after: change }, manager);
      return view({ ...order, ...change }, now);
    });
  }

  /** An explicit day (end of it, local time), or N working days from now (default: the settings'). */
  private async deadline(input: OrderInput, now: Date): Promise<{ dueOn: string; dueAt: Date }> {
    if (input.dueOn !== undefined) {
      if (input.dueOn < localDateOf(now, COUNTING_POLICY)) throw new InvalidInputException([{ path: 'dueOn', message: 'must not be in the past' }]);
      return { dueOn: input.dueOn, dueAt: new Date(dueInstantMs(input.dueOn, COUNTING_POLICY)) };
    }
    const days = input.deadlineWorkingDays ?? (await this.settings.current()).supervisionOrderWorkingDays;
    const deadline = deadlineFromInstant(this.calendars.current(), now, days, COUNTING_POLICY);
    return { dueOn: deadline.dueOn, dueAt: new Date(deadline.dueAt) };
  }
}

async function requireRow(manager: EntityManager, sql: string, params: unknown[], path: string, message: string): Promise<void> {
  const rows = await manager.query<unknown[]>(sql, params);
  if (rows.length === 0) throw new InvalidInputException([{ path, message }]);
}
