import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { BODY_REPORT_DEFAULT_CHANNEL, CLUE_NAMES, CLUE_STATES, ClueChannel, FieldError } from '@app/contracts';
import { ClueAction, clueTransition, conclusionDeliveries, deadlineFromInstant, isIsoDate, localDateOf } from '@app/domain';
import { AccessScope } from '../../auth/access-scope';
import { Principal, principalId } from '../../auth/principal';
import { AuditService } from '../../audit/audit.service';
import { CalendarService } from '../../calendar/calendar.service';
import { COUNTING_POLICY } from '../../calendar/clock-policy';
import { InvalidInputException, notFound } from '../../common/invalid-input.exception';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { BodyReportEntity } from '../../persistence/entities/accountability/body-report.entity';
import { ClueDeliveryEntity } from '../../persistence/entities/accountability/clue-delivery.entity';
import { ClueEntity } from '../../persistence/entities/accountability/clue.entity';
import { RegisterService } from '../register/register.service';
import { isUuid } from '../scoped-record';
import { requireBody, requireDepartments } from './bodies.service';
import { AssignInput, ClueInput, ConcludeInput } from './clue-input';
import { recordClueSanction } from './clue-sanction';
import { linkedDepartments, seesAnyOf } from './linked-scope';

/** Investigators: the supervision body's own staff. */
const INVESTIGATOR_ROLES = ['centre_supervisor', 'region_supervisor'];

const view = (clue: ClueEntity, now: Date) => ({
  ...clue,
  overdue: clue.overdueFlaggedAt !== null || (clue.dueAt !== null && (clue.concludedAt ?? now).getTime() > clue.dueAt.getTime()),
});

/** 线索: register from a source, assign for investigation by a deadline, conclude — each audited. */
@Injectable()
export class ClueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly calendars: CalendarService,
    private readonly register: RegisterService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async registerClue(principal: Principal, scope: AccessScope, input: ClueInput, now: Date) {
    const outside = input.departmentCodes.findIndex((c) => scope.departmentCodes !== null && !scope.departmentCodes.has(c));
    if (outside >= 0) throw notFound(`departmentCodes.${outside}`, `department ${input.departmentCodes[outside]} not found`);
    return this.dataSource.transaction(async (manager) => {
      const report = input.bodyReportId ? await manager.findOneBy(BodyReportEntity, { id: input.bodyReportId }) : null;
      if (input.bodyReportId && (!report || !seesAnyOf(scope, report.departmentCodes))) throw notFound('bodyReportId', `body report ${input.bodyReportId} not found`);
      const source = sourceOf(input, report, now);
      await requireDepartments(manager, input.departmentCodes, 'departmentCodes');
      const sourceBodyCode = input.sourceBodyCode ?? report?.bodyCode ?? null;
      if (sourceBodyCode) await requireBody(manager, sourceBodyCode, 'sourceBodyCode');
      await requireLinks(manager, input);
      const clue = Object.assign(new ClueEntity(), {
        id: randomUUID(),
        channel: source.channel,
        subject: input.subject.trim(),
        detail: input.detail.trim(),
        sourceBodyCode,
        bodyReportId: report?.id ?? null,
        sourceReferenceNo: source.referenceNo,
        sourceTitle: source.title,
        sourceDate: source.date,
        sourceText: source.text,
        sourceFileRef: input.source?.fileRef ?? null,
        departmentCodes: input.departmentCodes,
        officerIds: input.officerIds ?? [],
        caseRefs: input.cases ?? [],
        alertIds: input.alertIds ?? [],
        complaintId: input.complaintId ?? null,
        state: 'REGISTERED' as const,
        registeredAt: now,
        registeredBy: principalId(principal),
        assignee: null,
        assignedAt: null,
        assignedBy: null,
        dueOn: null,
        dueAt: null,
        outcome: null,
        conclusion: null,
        concludedAt: null,
        concludedBy: null,
        referredToBodyCode: null,
        registerEntryId: null,
        overdueFlaggedAt: null,
        overdueAlertId: null,
      });
      await manager.insert(ClueEntity, clue);
      await this.audit.record({ actor: principal, action: 'clue.register', target: `clue:${clue.id}`, after: clue }, manager);
      return view(clue, now);
    });
  }

  /** Starts the investigation (or hands it to another investigator); the deadline counts from the first assignment. */
  async assign(principal: Principal, scope: AccessScope, id: string, input: AssignInput, now: Date) {
    return this.dataSource.transaction(async (manager) => {
      const clue = await this.lock(manager, scope, id);
      const step = allowed(clue, { type: 'ASSIGN' });
      await requireInvestigator(manager, input.assignee, clue.departmentCodes);
      let due: { dueOn: string | null; dueAt: Date | null } = { dueOn: clue.dueOn, dueAt: clue.dueAt };
      if (clue.dueAt === null || input.deadlineWorkingDays !== undefined) {
        const deadline = deadlineFromInstant(this.calendars.current(), now, input.deadlineWorkingDays ?? this.config.clueInvestigationWorkingDays, COUNTING_POLICY);
        due = { dueOn: deadline.dueOn, dueAt: new Date(deadline.dueAt) };
      }
      const change = { state: step.state, assignee: input.assignee, assignedAt: now, assignedBy: principalId(principal), ...due };
      await manager.update(ClueEntity, { id }, change);
      await this.audit.record({ actor: principal, action: 'clue.assign', target: `clue:${id}`, before: { state: clue.state, assignee: clue.assignee, dueOn: clue.dueOn }, after: change }, manager);
      return view({ ...clue, ...change }, now);
    });
  }

  /**
   * Concludes the clue. Substantiated: the register entry is recorded in the same transaction.
   * Then the conclusion is fed back to the body it came from, referred (移送) if so decided, and
   * copied to personnel — each delivery a row and an audit entry. Any refusal writes nothing.
   */
  async conclude(principal: Principal, scope: AccessScope, id: string, input: ConcludeInput, now: Date) {
    const problems: FieldError[] = [];
    if (input.outcome === 'SUBSTANTIATED' && !input.sanction) problems.push({ path: 'sanction', message: 'is required for a substantiated clue (the register entry to record)' });
    if (input.outcome !== 'SUBSTANTIATED' && input.sanction) problems.push({ path: 'sanction', message: 'only a substantiated clue records a register entry' });
    if (input.outcome === 'REFERRED' && !input.referredToBodyCode) problems.push({ path: 'referredToBodyCode', message: 'is required for a referral' });
    if (input.outcome !== 'REFERRED' && input.referredToBodyCode) problems.push({ path: 'referredToBodyCode', message: 'only a referred clue names a body to refer to' });
    if (problems.length > 0) throw new InvalidInputException(problems);
    return this.dataSource.transaction(async (manager) => {
      const clue = await this.lock(manager, scope, id);
      const step = allowed(clue, { type: 'CONCLUDE', outcome: input.outcome });
      const referredTo = input.referredToBodyCode ? await requireBody(manager, input.referredToBodyCode, 'referredToBodyCode') : null;
      const conclusion = input.conclusion.trim();
      const registerEntryId = input.sanction ? await recordClueSanction(this.register, manager, principal, clue, input.sanction, conclusion, now) : null;
      const change = {
        state: step.state,
        outcome: step.outcome,
        conclusion,
        concludedAt: now,
        concludedBy: principalId(principal),
        referredToBodyCode: referredTo?.code ?? null,
        registerEntryId,
      };
      await manager.update(ClueEntity, { id }, change);
      await this.audit.record({ actor: principal, action: 'clue.conclude', target: `clue:${id}`, before: { state: clue.state }, after: change }, manager);
      const personnel = await manager.query<{ code: string }[]>(`SELECT code FROM accountability_bodies WHERE kind = 'PERSONNEL'`);
      const planned = conclusionDeliveries({ outcome: input.outcome, sourceBodyCode: clue.sourceBodyCode, referredToBodyCode: referredTo?.code ?? null, personnelBodyCodes: personnel.map((p) => p.code) });
      const summary = `【${CLUE_NAMES[input.outcome].zh}】${clue.subject}（来源：${clue.sourceReferenceNo} ${clue.sourceTitle}）${conclusion}`;
      const deliveries: ClueDeliveryEntity[] = [];
      for (const plan of planned) {
        const delivery = Object.assign(new ClueDeliveryEntity(), {
          id: randomUUID(),
          clueId: id,
          bodyCode: plan.bodyCode,
          kind: plan.kind,
          contentSummary: summary.slice(0, 10000),
          sentAt: now,
          sentBy: principalId(principal),
          acknowledgedAt: null,
          acknowledgedBy: null,
          reply: null,
        });
        await manager.insert(ClueDeliveryEntity, delivery);
        await this.audit.record({ actor: principal, action: `clue.delivery.${plan.kind.toLowerCase()}`, target: `clue_delivery:${delivery.id}`, after: delivery }, manager);
        deliveries.push(delivery);
      }
      return { ...view({ ...clue, ...change }, now), deliveries };
    });
  }

  async list(scope: AccessScope, filter: { departmentCode?: string; state?: string; channel?: string; page: number; pageSize: number }, now: Date) {
    if (filter.state && !(CLUE_STATES as readonly string[]).includes(filter.state)) throw new InvalidInputException([{ path: 'state', message: `must be one of ${CLUE_STATES.join(', ')}` }]);
    const query = this.dataSource.getRepository(ClueEntity).createQueryBuilder('c');
    const linked = linkedDepartments(scope);
    if (linked) query.andWhere('c.department_codes ?| :departments::text[]', { departments: linked });
    if (filter.departmentCode) query.andWhere('c.department_codes ? :department', { department: filter.departmentCode });
    if (filter.state) query.andWhere('c.state = :state', { state: filter.state });
    if (filter.channel) query.andWhere('c.channel = :channel', { channel: filter.channel });
    const [items, total] = await query.orderBy('c.registered_at', 'DESC').addOrderBy('c.id').skip((filter.page - 1) * filter.pageSize).take(filter.pageSize).getManyAndCount();
    return { page: filter.page, pageSize: filter.pageSize, total, items: items.map((c) => view(c, now)) };
  }

  async get(scope: AccessScope, id: string, now: Date) {
    const found = isUuid(id) ? await this.dataSource.getRepository(ClueEntity).findOneBy({ id }) : null;
    if (!found || !seesAnyOf(scope, found.departmentCodes)) throw notFound('id', `clue ${id} not found`);
    const deliveries = await this.dataSource.getRepository(ClueDeliveryEntity).find({ where: { clueId: id }, order: { sentAt: 'ASC', id: 'ASC' } });
    return { ...view(found, now), deliveries };
  }

  /** The clue, locked for a decision; one outside the principal's departments answers 404. */
  private async lock(manager: EntityManager, scope: AccessScope, id: string): Promise<ClueEntity> {
    const found = isUuid(id) ? await manager.findOne(ClueEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!found || !seesAnyOf(scope, found.departmentCodes)) throw notFound('id', `clue ${id} not found`);
    return found;
  }
}

/** An enabled centre supervisor, or a region supervisor whose region (or a region below it) holds one of the clue's departments. */
async function requireInvestigator(manager: EntityManager, username: string, departmentCodes: string[]): Promise<void> {
  const [user] = await manager.query<{ role: string; region_code: string | null; disabled_at: Date | null }[]>('SELECT role, region_code, disabled_at FROM users WHERE username = $1', [username]);
  if (!user || user.disabled_at !== null || !INVESTIGATOR_ROLES.includes(user.role)) {
    throw new InvalidInputException([{ path: 'assignee', message: 'must be an enabled centre or region supervisor' }]);
  }
  if (user.role !== 'region_supervisor') return;
  const [covered] = await manager.query<unknown[]>(
    `WITH RECURSIVE tree(code) AS (SELECT $1::varchar UNION SELECT r.code FROM regions r JOIN tree t ON r.parent_code = t.code)
     SELECT 1 FROM departments d WHERE d.region_code IN (SELECT code FROM tree) AND d.code = ANY($2)`,
    [user.region_code, departmentCodes],
  );
  if (!covered) throw new InvalidInputException([{ path: 'assignee', message: 'a region supervisor investigates only clues of departments in their region' }]);
}

function allowed(clue: ClueEntity, action: ClueAction) {
  const step = clueTransition(clue.state, action);
  if (!step.ok) throw new ConflictException(`cannot ${action.type.toLowerCase()} the clue: ${step.reason}`);
  return step;
}

/** The source document: given, or the report's; a report gives the channel its kind implies. */
function sourceOf(input: ClueInput, report: BodyReportEntity | null, now: Date) {
  const errors: FieldError[] = [];
  const channel: ClueChannel | undefined = input.channel ?? (report ? BODY_REPORT_DEFAULT_CHANNEL[report.kind] : undefined);
  if (!channel) errors.push({ path: 'channel', message: 'is required unless the clue is opened from a body’s report' });
  // A clue from this system names what it came from.
  if (channel === 'SYSTEM_CARD' && !input.alertIds?.length) errors.push({ path: 'alertIds', message: 'a clue from a card names the card' });
  if (channel === 'SYSTEM_COMPLAINT' && !input.complaintId) errors.push({ path: 'complaintId', message: 'a clue from a complaint names the complaint' });
  const referenceNo = input.source?.referenceNo?.trim() ?? report?.referenceNo;
  const title = input.source?.title?.trim() ?? report?.title;
  const date = input.source?.date ?? report?.issuedOn;
  if (!referenceNo) errors.push({ path: 'source.referenceNo', message: 'is required unless the clue is opened from a body’s report' });
  if (!title) errors.push({ path: 'source.title', message: 'is required unless the clue is opened from a body’s report' });
  if (!date) errors.push({ path: 'source.date', message: 'is required unless the clue is opened from a body’s report' });
  else if (!isIsoDate(date) || date > localDateOf(now, COUNTING_POLICY)) errors.push({ path: 'source.date', message: 'must be a date YYYY-MM-DD, not in the future' });
  if (errors.length > 0) throw new InvalidInputException(errors);
  const text = input.source?.text?.trim() || report?.summary || null;
  return { channel: channel!, referenceNo: referenceNo!, title: title!, date: date!, text };
}

/** Officers, cases, cards and the complaint a clue links must belong to its departments. */
async function requireLinks(manager: EntityManager, input: ClueInput): Promise<void> {
  const departments = input.departmentCodes;
  const errors: FieldError[] = [];
  for (const [i, officerId] of (input.officerIds ?? []).entries()) {
    const [row] = await manager.query<unknown[]>('SELECT 1 FROM officers WHERE id = $1 AND department_code = ANY($2)', [officerId, departments]);
    if (!row) errors.push({ path: `officerIds.${i}`, message: 'not an officer of the clue’s departments' });
  }
  for (const [i, c] of (input.cases ?? []).entries()) {
    const [row] = await manager.query<unknown[]>('SELECT 1 FROM cases WHERE department_code = $1 AND case_id = $2 AND department_code = ANY($3)', [c.departmentCode, c.caseId, departments]);
    if (!row) errors.push({ path: `cases.${i}`, message: 'no case of the clue’s departments with this id' });
  }
  for (const [i, alertId] of (input.alertIds ?? []).entries()) {
    const [row] = await manager.query<unknown[]>('SELECT 1 FROM alerts WHERE id = $1 AND department_code = ANY($2)', [alertId, departments]);
    if (!row) errors.push({ path: `alertIds.${i}`, message: 'no card of the clue’s departments with this id' });
  }
  if (input.complaintId) {
    const [row] = await manager.query<unknown[]>('SELECT 1 FROM complaints WHERE id = $1 AND department_code = ANY($2)', [input.complaintId, departments]);
    if (!row) errors.push({ path: 'complaintId', message: 'no complaint of the clue’s departments with this id' });
  }
  if (errors.length > 0) throw new InvalidInputException(errors);
}
