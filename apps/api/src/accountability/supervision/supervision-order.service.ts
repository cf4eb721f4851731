import { ConflictException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { deadlineFromInstant, dueInstantMs, localDateOf } from '@app/domain';
import { nextOrderState, ORDER_KINDS, ORDER_STATES, OrderKind, orderKindError, OrderStep, VerificationOutcome } from '@app/domain/reports';
import { proposeHeadAccountability } from '../register/head-proposals';
import { AccessScope, departmentFilter, inScope } from '../../auth/access-scope';
import { Principal, principalId } from '../../auth/principal';
import { AuditService } from '../../audit/audit.service';
import { CalendarService } from '../../calendar/calendar.service';
import { COUNTING_POLICY } from '../../calendar/clock-policy';
import { InvalidInputException, notFound } from '../../common/invalid-input.exception';
import { ReportSettingsRepository } from '../../reports/settings/report-settings.repository';
import { SupervisionOrderEntity, SupervisionOrderState } from '../../persistence/entities/accountability/supervision-order.entity';
import { findInScope, isUuid, lockInScope, textOrNull } from '../scoped-record';

export interface ReissueInput {
  detail?: string;
  deadlineWorkingDays?: number;
  dueOn?: string;
  comment: string;
}

export interface OrderInput {
  /** Default SUPERVISION (督办). */
  kind?: OrderKind;
  /** PERFORM only: the review decision not carried out (行政复议决定书文号). */
  reviewDecisionRef?: string;
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
    const kind = input.kind ?? 'SUPERVISION';
    const kindProblem = orderKindError(kind, textOrNull(input.reviewDecisionRef));
    if (kindProblem) throw new InvalidInputException([kindProblem]);
    if (!inScope(scope, input.departmentCode)) throw notFound('departmentCode', `department ${input.departmentCode} not found`);
    return this.dataSource.transaction(async (manager) => {
      await requireRow(manager, 'SELECT 1 FROM departments WHERE code = $1', [input.departmentCode], 'departmentCode', 'no such department');
      if (input.caseId) await requireRow(manager, 'SELECT 1 FROM cases WHERE department_code = $1 AND case_id = $2', [input.departmentCode, input.caseId], 'caseId', `no case of ${input.departmentCode} with this id`);
      if (input.alertId) await requireRow(manager, 'SELECT 1 FROM alerts WHERE department_code = $1 AND id = $2', [input.departmentCode, input.alertId], 'alertId', `no card of ${input.departmentCode} with this id`);
      const { dueOn, dueAt } = await this.deadline(input, now);
      const order = newOrder({
        kind,
        reviewDecisionRef: textOrNull(input.reviewDecisionRef),
        previousOrderId: null,
        departmentCode: input.departmentCode,
        subject: input.subject.trim(),
        detail: input.detail.trim(),
        caseId: input.caseId ?? null,
        alertId: input.alertId ?? null,
        issuedAt: now,
        issuedBy: principalId(principal),
        dueOn,
        dueAt,
      });
      await manager.getRepository(SupervisionOrderEntity).insert(order);
      await this.audit.record({ actor: principal, action: 'supervision_order.issue', target: `supervision_order:${order.id}`, after: order }, manager);
      return view(order, now);
    });
  }

  async reply(principal: Principal, scope: AccessScope, id: string, reply: string, now: Date) {
    return this.change(principal, scope, id, { type: 'REPLY' }, 'supervision_order.reply', now, { reply: reply.trim(), repliedAt: now, repliedBy: principalId(principal) });
  }

  async close(principal: Principal, scope: AccessScope, id: string, comment: string, now: Date) {
    return this.change(principal, scope, id, { type: 'CLOSE' }, 'supervision_order.close', now, { closedAt: now, closedBy: principalId(principal), closeComment: comment.trim() });
  }

  /** The centre checks the reply (or the deadline passed without one): carried out, or not. */
  async verify(principal: Principal, scope: AccessScope, id: string, outcome: VerificationOutcome, comment: string, now: Date) {
    return this.change(principal, scope, id, { type: 'VERIFY', outcome }, 'supervision_order.verify', now, {
      verification: outcome,
      verificationComment: comment.trim(),
      verifiedAt: now,
      verifiedBy: principalId(principal),
    });
  }

  /**
   * An order not carried out is issued again with a new deadline: a new order of the same kind,
   * linked to the first (`previousOrderId` / `reissuedOrderId`). Both steps audited.
   */
  async reissue(principal: Principal, scope: AccessScope, id: string, input: ReissueInput, now: Date) {
    const deadline = await this.deadline(input, now);
    return this.dataSource.transaction(async (manager) => {
      const order = await lockInScope(manager, SupervisionOrderEntity, id, scope, 'supervision order');
      const state = transition(order, { type: 'REISSUE' }, now);
      const next = newOrder({
        kind: order.kind,
        reviewDecisionRef: order.reviewDecisionRef,
        previousOrderId: order.id,
        departmentCode: order.departmentCode,
        subject: order.subject,
        detail: input.detail?.trim() || order.detail,
        caseId: order.caseId,
        alertId: order.alertId,
        issuedAt: now,
        issuedBy: principalId(principal),
        ...deadline,
      });
      await manager.getRepository(SupervisionOrderEntity).insert(next);
      const change = { state, reissuedOrderId: next.id, closedAt: now, closedBy: principalId(principal), closeComment: input.comment.trim() };
      await manager.update(SupervisionOrderEntity, { id }, change);
      await this.audit.record({ actor: principal, action: 'supervision_order.reissue', target: `supervision_order:${id}`, before: { state: order.state }, after: change }, manager);
      await this.audit.record({ actor: principal, action: 'supervision_order.issue', target: `supervision_order:${next.id}`, after: next }, manager);
      return view(next, now);
    });
  }

  /** An order not carried out proposes the department head's accountability (a PROPOSED register entry). */
  async escalate(principal: Principal, scope: AccessScope, id: string, comment: string, now: Date) {
    return this.dataSource.transaction(async (manager) => {
      const order = await lockInScope(manager, SupervisionOrderEntity, id, scope, 'supervision order');
      const state = transition(order, { type: 'ESCALATE' }, now);
      const proposal = await proposeHeadAccountability(manager, this.audit, principal, order, `${comment.trim()}（${orderWords(order)}未落实）`, now);
      const change = { state, escalatedAt: now, escalatedBy: principalId(principal), headProposalId: proposal.id };
      await manager.update(SupervisionOrderEntity, { id }, change);
      await this.audit.record({ actor: principal, action: 'supervision_order.escalate', target: `supervision_order:${id}`, before: { state: order.state }, after: change }, manager);
      return { order: view({ ...order, ...change }, now), proposal };
    });
  }

  async list(scope: AccessScope, filter: { departmentCode?: string; state?: string; kind?: string; page: number; pageSize: number }, now: Date) {
    if (filter.kind && !(ORDER_KINDS as readonly string[]).includes(filter.kind)) throw new InvalidInputException([{ path: 'kind', message: `must be one of ${ORDER_KINDS.join(', ')}` }]);
    if (filter.state && !(ORDER_STATES as readonly string[]).includes(filter.state)) throw new InvalidInputException([{ path: 'state', message: `must be one of ${ORDER_STATES.join(', ')}` }]);
    const departments = departmentFilter(scope, filter.departmentCode);
    if (departments?.length === 0) return { page: filter.page, pageSize: filter.pageSize, total: 0, items: [] };
    const [items, total] = await this.dataSource.getRepository(SupervisionOrderEntity).findAndCount({
      where: { ...(departments ? { departmentCode: In(departments) } : {}), ...(filter.state ? { state: filter.state as SupervisionOrderState } : {}), ...(filter.kind ? { kind: filter.kind as OrderKind } : {}) },
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

  private async change(principal: Principal, scope: AccessScope, id: string, step: OrderStep, action: string, now: Date, fields: Partial<SupervisionOrderEntity>) {
    return this.dataSource.transaction(async (manager) => {
      const order = await lockInScope(manager, SupervisionOrderEntity, id, scope, 'supervision order');
      const change = { ...fields, state: transition(order, step, now) };
      await manager.update(SupervisionOrderEntity, { id }, change);
      await this.audit.record({ actor: principal, action, target: `supervision_order:${id}`, before: { state: order.state }, after: change }, manager);
      return view({ ...order, ...change }, now);
    });
  }

  /** An explicit day (end of it, local time), or N working days from now (default: the settings'). */
  private async deadline(input: { dueOn?: string; deadlineWorkingDays?: number }, now: Date): Promise<{ dueOn: string; dueAt: Date }> {
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

/** The machine's next state, or 409 naming why not. */
function transition(order: SupervisionOrderEntity, step: OrderStep, now: Date): SupervisionOrderState {
  const next = nextOrderState({ kind: order.kind, state: order.state, dueAtMs: order.dueAt.getTime() }, step, now.getTime());
  if (!next.ok) throw new ConflictException(next.reason);
  return next.state;
}

/** The order's kind in the opinion's words, for the proposal's basis. */
export function orderWords(order: Pick<SupervisionOrderEntity, 'kind' | 'reviewDecisionRef'>): string {
  if (order.reviewDecisionRef) return `行政复议决定（${order.reviewDecisionRef}）`;
  return order.kind === 'RECTIFY' ? '限期整改' : order.kind === 'PERFORM' ? '限期履行' : '督办事项';
}

type NewOrderFields = Pick<SupervisionOrderEntity, 'kind' | 'reviewDecisionRef' | 'previousOrderId' | 'departmentCode' | 'subject' | 'detail' | 'caseId' | 'alertId' | 'issuedAt' | 'issuedBy' | 'dueOn' | 'dueAt'>;

function newOrder(fields: NewOrderFields): SupervisionOrderEntity {
  return Object.assign(new SupervisionOrderEntity(), {
    id: randomUUID(),
    ...fields,
    state: 'ISSUED' as const,
    reply: null,
    repliedAt: null,
    repliedBy: null,
    closedAt: null,
    closedBy: null,
    closeComment: null,
    overdueFlaggedAt: null,
    overdueAlertId: null,
    reissuedOrderId: null,
    verification: null,
    verificationComment: null,
    verifiedAt: null,
    verifiedBy: null,
    escalatedAt: null,
    escalatedBy: null,
    headProposalId: null,
  });
}
