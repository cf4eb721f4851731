import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { deadlineFromInstant } from '@app/domain';
import { AccessScope, departmentFilter, inScope } from '../../auth/access-scope';
import { Principal, principalId } from '../../auth/principal';
import { AuditActor, AuditService } from '../../audit/audit.service';
import { CalendarService } from '../../calendar/calendar.service';
import { COUNTING_POLICY } from '../../calendar/clock-policy';
import { InvalidInputException, notFound } from '../../common/invalid-input.exception';
import { ReportSettingsRepository } from '../../reports/settings/report-settings.repository';
import { ComplaintEntity, ComplaintState } from '../../persistence/entities/accountability/complaint.entity';
import { findInScope, isUuid, lockInScope, requireState, textOrNull } from '../scoped-record';

export const COMPLAINT_CHANNELS = ['WEB', 'PHONE', 'HOTLINE', 'LETTER', 'VISIT', 'FORWARDED'] as const;

export interface ComplaintInput {
  departmentCode: string;
  caseId?: string;
  channel: (typeof COMPLAINT_CHANNELS)[number];
  complainantName?: string;
  complainantContact?: string;
  subject: string;
  content: string;
  receivedAt?: string;
}

/** Who registers the complaints of the public form (registeredBy, the audit log's actor). */
export const PUBLIC_FORM = 'public-form';

/** A received complaint may be dated back this far (a letter opened late), never into the future. */
const MAX_BACKDATE_MS = 31 * 86_400_000;
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Public complaints: registered by the centre, accepted or refused by the department within the
 * acceptance limit, answered within the handling limit, concluded by the centre. Every step audited.
 */
@Injectable()
export class ComplaintService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly calendars: CalendarService,
    private readonly settings: ReportSettingsRepository,
  ) {}

  async register(principal: Principal, scope: AccessScope, input: ComplaintInput, now: Date) {
    if (!inScope(scope, input.departmentCode)) throw notFound('departmentCode', `department ${input.departmentCode} not found`);
    const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
    if (receivedAt.getTime() > now.getTime() + CLOCK_SKEW_MS || receivedAt.getTime() < now.getTime() - MAX_BACKDATE_MS) {
      throw new InvalidInputException([{ path: 'receivedAt', message: 'must be within the last 31 days, not in the future' }]);
    }
    return this.insert(principal, principalId(principal), input, receivedAt);
  }

  /**
   * A complaint from the public form (channel WEB), registered by the system itself: the same
   * workflow, limits and cards as one the centre registers. `alongside` runs in the same transaction
   * (the public side's receipt: challenge spent, duplicate fingerprint).
   */
  async registerFromPublic(input: Omit<ComplaintInput, 'channel' | 'receivedAt'>, now: Date, alongside: (manager: EntityManager, complaint: ComplaintEntity) => Promise<void>) {
    return this.insert({ kind: 'system', id: PUBLIC_FORM }, PUBLIC_FORM, { ...input, channel: 'WEB' }, now, alongside);
  }

  private async insert(actor: AuditActor, registeredBy: string, input: ComplaintInput, receivedAt: Date, alongside?: (manager: EntityManager, complaint: ComplaintEntity) => Promise<void>) {
    const settings = await this.settings.current();
    return this.dataSource.transaction(async (manager) => {
      const [department] = await manager.query<unknown[]>('SELECT 1 FROM departments WHERE code = $1', [input.departmentCode]);
      if (!department) throw new InvalidInputException([{ path: 'departmentCode', message: 'no such department' }]);
      if (input.caseId) {
        const [known] = await manager.query<unknown[]>('SELECT 1 FROM cases WHERE department_code = $1 AND case_id = $2', [input.departmentCode, input.caseId]);
        if (!known) throw new InvalidInputException([{ path: 'caseId', message: `no case of ${input.departmentCode} with this id` }]);
      }
      const complaint: ComplaintEntity = Object.assign(new ComplaintEntity(), {
        id: randomUUID(),
        departmentCode: input.departmentCode,
        caseId: input.caseId ?? null,
        channel: input.channel,
        complainantName: textOrNull(input.complainantName),
        complainantContact: textOrNull(input.complainantContact),
        subject: input.subject.trim(),
        content: input.content.trim(),
        receivedAt,
        registeredBy,
        acceptanceDueAt: new Date(deadlineFromInstant(this.calendars.current(), receivedAt, settings.complaintAcceptanceWorkingDays, COUNTING_POLICY).dueAt),
        state: 'RECEIVED',
        decidedAt: null,
        decidedBy: null,
        refusalReason: null,
        handlingDueAt: null,
        answer: null,
        answeredAt: null,
        answeredBy: null,
        conclusion: null,
        substantiated: null,
        concludedAt: null,
        concludedBy: null,
        acceptanceOverdueAt: null,
        handlingOverdueAt: null,
      });
      await manager.getRepository(ComplaintEntity).insert(complaint);
      if (alongside) await alongside(manager, complaint);
      // The complainant's contact details stay out of the audit log (it is read by more people).
      const { complainantName: _n, complainantContact: _c, ...audited } = complaint;
      await this.audit.record({ actor, action: 'complaint.register', target: `complaint:${complaint.id}`, after: audited }, manager);
      return complaint;
    });
  }

  async accept(principal: Principal, scope: AccessScope, id: string, now: Date) {
    const days = (await this.settings.current()).complaintHandlingWorkingDays;
    const handlingDueAt = new Date(deadlineFromInstant(this.calendars.current(), now, days, COUNTING_POLICY).dueAt);
    return this.change(principal, scope, id, ['RECEIVED'], 'accept', { state: 'ACCEPTED', decidedAt: now, decidedBy: principalId(principal), handlingDueAt });
  }

  async refuse(principal: Principal, scope: AccessScope, id: string, reason: string, now: Date) {
    return this.change(principal, scope, id, ['RECEIVED'], 'refuse', { state: 'REFUSED', decidedAt: now, decidedBy: principalId(principal), refusalReason: reason.trim() });
  }

  async answer(principal: Principal, scope: AccessScope, id: string, answer: string, now: Date) {
    return this.change(principal, scope, id, ['ACCEPTED'], 'answer', { state: 'ANSWERED', answer: answer.trim(), answeredAt: now, answeredBy: principalId(principal) });
  }

  async conclude(principal: Principal, scope: AccessScope, id: string, conclusion: string, substantiated: boolean, now: Date) {
    return this.change(principal, scope, id, ['ANSWERED'], 'conclude', { state: 'CONCLUDED', conclusion: conclusion.trim(), substantiated, concludedAt: now, concludedBy: principalId(principal) });
  }

  async list(scope: AccessScope, filter: { departmentCode?: string; state?: string; page: number; pageSize: number }) {
    if (filter.state && !['RECEIVED', 'ACCEPTED', 'REFUSED', 'ANSWERED', 'CONCLUDED'].includes(filter.state)) {
      throw new InvalidInputException([{ path: 'state', message: 'must be RECEIVED, ACCEPTED, REFUSED, ANSWERED or CONCLUDED' }]);
    }
    const departments = departmentFilter(scope, filter.departmentCode);
    if (departments?.length === 0) return { page: filter.page, pageSize: filter.pageSize, total: 0, items: [] };
    const [items, total] = await this.dataSource.getRepository(ComplaintEntity).findAndCount({
      where: { ...(departments ? { departmentCode: In(departments) } : {}), ...(filter.state ? { state: filter.state as ComplaintState } : {}) },
      order: { receivedAt: 'DESC', id: 'ASC' },
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
    });
    return { page: filter.page, pageSize: filter.pageSize, total, items };
  }

  async get(scope: AccessScope, id: string) {
    const found = isUuid(id) ? await this.dataSource.getRepository(ComplaintEntity).findOneBy({ id }) : null;
    return findInScope(found, scope, id, 'complaint');
  }

  private async change(principal: Principal, scope: AccessScope, id: string, from: ComplaintState[], verb: string, change: Partial<ComplaintEntity>) {
    return this.dataSource.transaction(async (manager) => {
      const complaint = await lockInScope(manager, ComplaintEntity, id, scope, 'complaint');
      requireState(complaint.state, from, `${verb} this complaint`);
      await manager.update(ComplaintEntity, { id }, change);
      await this.audit.record({ actor: principal, action: `complaint.${verb}`, target: `complaint:${id}`, before: { state: complaint.state }, after: change }, manager);
      return { ...complaint, ...change };
    });
  }
}
