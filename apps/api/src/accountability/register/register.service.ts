import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { isIsoDate, localDateOf } from '@app/domain';
import { FaultSeverity, measureError, RegisterKind, RegisterState, RegisterSubject } from '@app/domain/reports';
import { AccessScope, inScope } from '../../auth/access-scope';
import { Principal, principalId } from '../../auth/principal';
import { AuditActor, AuditService } from '../../audit/audit.service';
import { COUNTING_POLICY } from '../../calendar/clock-policy';
import { InvalidInputException, notFound } from '../../common/invalid-input.exception';
import { RegisterEntryEntity } from '../../persistence/entities/accountability/register-entry.entity';
import { PostAttributionService } from '../posts/post-attribution.service';
import { lockInScope, requireState } from '../scoped-record';
import { DepartmentEntryInput, EntryInput, FaultInput, ProposalConfirmation, WarningTalkInput } from './register-input';

/** Cards that may become a fault: YELLOW or RED, standing (not dismissed, not under appeal, not cleared by the rules). */
const CONFIRMABLE_LEVELS = ['YELLOW', 'RED'];

/** Cards that do not stand: dismissed or revoked, under appeal, or held and never issued. */
const UNCONFIRMED_CARD_STATES = ['DISMISSED', 'REVOKED', 'APPEALED', 'PENDING', 'DISCARDED'];

/**
 * Decisions on the accountability register, each with its audit entry in the same transaction:
 * a fault from a confirmed card, other records (head accountability, reprimand, admonitory talk),
 * a department's warning talks, appeals and their decision.
 */
@Injectable()
export class RegisterService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly posts: PostAttributionService,
  ) {}

  async recordFault(principal: Principal, scope: AccessScope, input: FaultInput, now: Date): Promise<RegisterEntryEntity> {
    return this.dataSource.transaction(async (manager) => {
      // FOR SHARE: the card cannot be dismissed or appealed while the fault is being recorded.
      const [card] = await manager.query<{ id: string; department_code: string; case_id: string; rule: string; level: string; state: string; close_reason: string | null; responsible_officer_id: string | null; breached_at: Date }[]>(
        'SELECT id, department_code, case_id, rule, level, state, close_reason, responsible_officer_id, breached_at FROM alerts WHERE id = $1 FOR SHARE',
        [input.alertId],
      );
      if (!card || !inScope(scope, card.department_code)) throw notFound('alertId', `card ${input.alertId} not found`);
      if (!CONFIRMABLE_LEVELS.includes(card.level)) throw new ConflictException(`only a yellow or red card becomes a fault; this one is ${card.level}`);
      if (UNCONFIRMED_CARD_STATES.includes(card.state) || card.close_reason === 'CONDITION_CLEARED') {
        throw new ConflictException(`the card is not confirmed (${card.state}${card.close_reason ? `, ${card.close_reason}` : ''})`);
      }
      // 岗位责任: by default the holder of the step's post on the breach day, else the card's officer.
      const officerId = input.officerId ?? (await this.posts.forCard(card.id, manager))?.officerId ?? card.responsible_officer_id;
      if (!officerId) throw new InvalidInputException([{ path: 'officerId', message: 'the card names no responsible officer: give officerId' }]);
      const entry = await this.newEntry(manager, principal, now, {
        kind: 'FAULT',
        departmentCode: card.department_code,
        officerId,
        severity: input.severity,
        measure: input.measure,
        basis: input.basis,
        directResponsibility: input.directResponsibility,
        decidedOn: input.decidedOn,
        // The fault was committed when the card's condition was breached, not when it was decided.
        committedOn: input.committedOn ?? localDateOf(card.breached_at, COUNTING_POLICY),
        alertId: card.id,
        caseId: card.case_id === '' ? null : card.case_id,
        rule: card.rule,
        supervisionOrderId: null,
      });
      const inserted = await manager.query<unknown[]>(
        `INSERT INTO register_entries (id, kind, department_code, officer_id, officer_name, alert_id, supervision_order_id, case_id, rule, severity, measure,
            direct_responsibility, basis, committed_on, decided_on, year, decided_by, state, created_at, post_code, post_name, duty_breached)
         SELECT id, kind, department_code, officer_id, officer_name, alert_id, supervision_order_id, case_id, rule, severity, measure,
            direct_responsibility, basis, committed_on, decided_on, year, decided_by, state, created_at, post_code, post_name, duty_breached
           FROM jsonb_populate_record(NULL::register_entries, $1::jsonb)
         ON CONFLICT (alert_id, officer_id) WHERE kind = 'FAULT' AND state <> 'REVOKED' DO NOTHING RETURNING id`,
        [JSON.stringify(toRow(entry))],
      );
      if (inserted.length === 0) throw new ConflictException('a fault for this card and officer is already recorded');
      await this.audit.record({ actor: principal, action: 'register.fault.record', target: `register:${entry.id}`, after: toRow(entry) }, manager);
      return entry;
    });
  }

  async recordEntry(principal: Principal, scope: AccessScope, input: EntryInput, now: Date): Promise<RegisterEntryEntity> {
    if (!inScope(scope, input.departmentCode)) throw notFound('departmentCode', `department ${input.departmentCode} not found`);
    return this.dataSource.transaction(async (manager) => {
      if (input.supervisionOrderId) await requireOrderOf(manager, input.supervisionOrderId, input.departmentCode);
      const entry = await this.newEntry(manager, principal, now, {
        ...input,
        severity: null,
        directResponsibility: input.directResponsibility ?? false,
        alertId: null,
        caseId: null,
        rule: null,
        supervisionOrderId: input.supervisionOrderId ?? null,
      });
      await manager.getRepository(RegisterEntryEntity).insert(entry);
      await this.audit.record({ actor: principal, action: `register.${input.kind.toLowerCase()}.record`, target: `register:${entry.id}`, after: toRow(entry) }, manager);
      return entry;
    });
  }

  /**
   * 警醒谈话: the department's own yearly duty. A department supervisor (or the break-glass admin)
   * records a talk with an officer of a department in scope; another department's officer is 404.
   */
  async recordWarningTalk(principal: Principal, scope: AccessScope, input: WarningTalkInput, now: Date): Promise<RegisterEntryEntity> {
    const [officer] = await this.dataSource.query<{ department_code: string }[]>('SELECT department_code FROM officers WHERE id = $1', [input.officerId]);
    if (!officer || !inScope(scope, officer.department_code)) throw notFound('officerId', `officer ${input.officerId} not found`);
    return this.dataSource.transaction(async (manager) => {
      const entry = await this.newEntry(manager, principal, now, {
        kind: 'WARNING_TALK',
        departmentCode: officer.department_code,
        officerId: input.officerId,
        severity: null,
        measure: 'WARNING_TALK',
        basis: input.notes,
        directResponsibility: false,
        decidedOn: input.heldOn,
        committedOn: input.heldOn,
        alertId: null,
        caseId: null,
        rule: null,
        supervisionOrderId: null,
      });
      await manager.getRepository(RegisterEntryEntity).insert(entry);
      await this.audit.record({ actor: principal, action: 'register.warning_talk.record', target: `register:${entry.id}`, after: toRow(entry) }, manager);
      return entry;
    });
  }

  /** The officer concerned (or the department) contests a record; it stands meanwhile. */
  async appeal(principal: Principal, scope: AccessScope, id: string, reason: string, now: Date): Promise<RegisterEntryEntity> {
    return this.dataSource.transaction(async (manager) => {
      const entry = await lockInScope(manager, RegisterEntryEntity, id, scope, 'register entry');
      if (scope.actsOnlyOnAssigned && entry.officerId !== scope.officerId) throw new ForbiddenException('officers appeal only their own records');
      requireState(entry.state, ['CONFIRMED'], 'appeal');
      if (entry.appealDecision !== null) throw new ConflictException('this record was appealed once already');
      const change = { state: 'APPEALED' as const, appealReason: reason, appealedAt: now, appealedBy: principalId(principal) };
      await manager.update(RegisterEntryEntity, { id }, change);
      await this.audit.record({ actor: principal, action: 'register.appeal', target: `register:${id}`, before: { state: entry.state }, after: change }, manager);
      return { ...entry, ...change };
    });
  }

  /** UPHOLD: the appeal succeeds and the record is revoked. REJECT: the record stands. */
  async decideAppeal(principal: Principal, scope: AccessScope, id: string, decision: 'UPHOLD' | 'REJECT', comment: string, now: Date): Promise<RegisterEntryEntity> {
    return this.dataSource.transaction(async (manager) => {
      const entry = await lockInScope(manager, RegisterEntryEntity, id, scope, 'register entry');
      requireState(entry.state, ['APPEALED'], 'decide an appeal');
      const change = {
        state: decision === 'UPHOLD' ? ('REVOKED' as const) : ('CONFIRMED' as const),
        appealDecision: decision === 'UPHOLD' ? ('UPHELD' as const) : ('REJECTED' as const),
        appealComment: comment,
        appealDecidedAt: now,
        appealDecidedBy: principalId(principal),
      };
      await manager.update(RegisterEntryEntity, { id }, change);
      await this.audit.record({ actor: principal, action: 'register.appeal.decide', target: `register:${id}`, before: { state: entry.state }, after: change }, manager);
      return { ...entry, ...change };
    });
  }

  /**
   * A record on a department as a whole: 通报批评 or 警告 (DEPARTMENT_SANCTION, counted in the
   * quarterly grade), or funds gained in breach of discipline (DISCIPLINE_FUNDS: the amount, and
   * whether it was recovered or handed over to the treasury).
   */
  async recordDepartmentEntry(principal: Principal, scope: AccessScope, input: DepartmentEntryInput, now: Date): Promise<RegisterEntryEntity> {
    checkDepartmentEntry(input);
    if (!inScope(scope, input.departmentCode)) throw notFound('departmentCode', `department ${input.departmentCode} not found`);
    return this.dataSource.transaction((manager) => this.recordDepartmentEntryInTransaction(manager, principal, now, input));
  }

  /**
   * A department's entry decided elsewhere (a substantiated clue about a department as a whole), in the
   * caller's transaction; the input is checked here as in recordDepartmentEntry.
   */
  async recordDepartmentEntryInTransaction(manager: EntityManager, principal: Principal, now: Date, input: DepartmentEntryInput): Promise<RegisterEntryEntity> {
    checkDepartmentEntry(input);
    const [department] = await manager.query<unknown[]>('SELECT 1 FROM departments WHERE code = $1', [input.departmentCode]);
    if (!department) throw notFound('departmentCode', `department ${input.departmentCode} not found`);
    if (input.supervisionOrderId) await requireOrderOf(manager, input.supervisionOrderId, input.departmentCode);
    const entry = buildEntry(principal, now, {
      kind: input.kind,
      subjectKind: 'DEPARTMENT',
      departmentCode: input.departmentCode,
      officerId: null,
      officerName: null,
      severity: null,
      measure: input.measure,
      basis: input.basis,
      directResponsibility: false,
      decidedOn: input.decidedOn,
      committedOn: input.committedOn,
      alertId: null,
      caseId: null,
      rule: null,
      supervisionOrderId: input.supervisionOrderId ?? null,
      amount: input.amount === undefined ? null : input.amount.toFixed(2),
    });
    await manager.getRepository(RegisterEntryEntity).insert(entry);
    await this.audit.record({ actor: principal, action: `register.${input.kind.toLowerCase()}.record`, target: `register:${entry.id}`, after: toRow(entry) }, manager);
    return entry;
  }

  /**
   * A centre supervisor confirms a head-accountability proposal: it becomes a standing record of the
   * head (the proposed one, or the officer named) with the measure decided, dated today.
   */
  async confirmProposal(principal: Principal, scope: AccessScope, id: string, input: ProposalConfirmation, now: Date): Promise<RegisterEntryEntity> {
    const problem = measureError('HEAD_ACCOUNTABILITY', null, input.measure);
    if (problem) throw new InvalidInputException([{ path: 'measure', message: problem }]);
    return this.dataSource.transaction(async (manager) => {
      const entry = await lockInScope(manager, RegisterEntryEntity, id, scope, 'register entry');
      requireState(entry.state, ['PROPOSED'], 'confirm a proposal');
      const officerId = input.officerId ?? entry.officerId;
      if (!officerId) throw new InvalidInputException([{ path: 'officerId', message: 'the department has no recorded head: name the officer' }]);
      const [officer] = await manager.query<{ name: string }[]>('SELECT name FROM officers WHERE id = $1 AND department_code = $2', [officerId, entry.departmentCode]);
      if (!officer) throw new InvalidInputException([{ path: 'officerId', message: `not an officer of department ${entry.departmentCode}` }]);
      const { decidedOn } = entryDays(now);
      const change = {
        state: 'CONFIRMED' as const,
        measure: input.measure,
        officerId,
        officerName: officer.name,
        decidedOn,
        decidedBy: principalId(principal),
        proposalDecidedAt: now,
        proposalDecidedBy: principalId(principal),
        proposalComment: input.comment.trim(),
      };
      await manager.update(RegisterEntryEntity, { id }, change);
      await this.audit.record({ actor: principal, action: 'register.head_proposal.confirm', target: `register:${id}`, before: { state: entry.state, officerId: entry.officerId }, after: change }, manager);
      return { ...entry, ...change };
    });
  }

  /** The supervisor finds no ground for the head's accountability: the proposal is kept, dismissed. */
  async dismissProposal(principal: Principal, scope: AccessScope, id: string, comment: string, now: Date): Promise<RegisterEntryEntity> {
    return this.dataSource.transaction(async (manager) => {
      const entry = await lockInScope(manager, RegisterEntryEntity, id, scope, 'register entry');
      requireState(entry.state, ['PROPOSED'], 'dismiss a proposal');
      const change = { state: 'DISMISSED' as const, proposalDecidedAt: now, proposalDecidedBy: principalId(principal), proposalComment: comment.trim() };
      await manager.update(RegisterEntryEntity, { id }, change);
      await this.audit.record({ actor: principal, action: 'register.head_proposal.dismiss', target: `register:${id}`, before: { state: entry.state }, after: change }, manager);
      return { ...entry, ...change };
    });
  }

  /**
   * An entry decided elsewhere (a substantiated clue, accountability/clues/clue-sanction.ts), in the
   * caller's transaction so the decision and its record commit together; audited like the others.
   */
  async recordInTransaction(
    manager: EntityManager,
    principal: Principal,
    now: Date,
    action: string,
    fields: { kind: RegisterKind; departmentCode: string; officerId: string; severity: FaultSeverity | null; measure: string; basis: string; directResponsibility: boolean; decidedOn?: string; committedOn?: string; caseId: string | null },
  ): Promise<RegisterEntryEntity> {
    const entry = await this.newEntry(manager, principal, now, { ...fields, alertId: null, rule: null, supervisionOrderId: null });
    await manager.getRepository(RegisterEntryEntity).insert(entry);
    await this.audit.record({ actor: principal, action, target: `register:${entry.id}`, after: toRow(entry) }, manager);
    return entry;
  }

  private async newEntry(
    manager: EntityManager,
    principal: Principal,
    now: Date,
    fields: { kind: RegisterKind; departmentCode: string; officerId: string; severity: FaultSeverity | null; measure: string; basis: string; directResponsibility: boolean; decidedOn?: string; committedOn?: string; alertId: string | null; caseId: string | null; rule: string | null; supervisionOrderId: string | null },
  ): Promise<RegisterEntryEntity> {
    const [officer] = await manager.query<{ name: string }[]>('SELECT name FROM officers WHERE id = $1 AND department_code = $2', [fields.officerId, fields.departmentCode]);
    if (!officer) throw new InvalidInputException([{ path: 'officerId', message: `not an officer of department ${fields.departmentCode}` }]);
    const problem = measureError(fields.kind, fields.severity, fields.measure);
    if (problem) throw new InvalidInputException([{ path: 'measure', message: problem }]);
    const entry = buildEntry(principal, now, { ...fields, subjectKind: 'OFFICER', officerName: officer.name, amount: null });
    // 岗位责任: the post the officer answered for on the day committed, and the duty breached.
    const post = await this.posts.forEntry(manager, { kind: fields.kind, departmentCode: fields.departmentCode, officerId: fields.officerId, committedOn: entry.committedOn, alertId: fields.alertId });
    return Object.assign(entry, post);
  }
}

async function requireOrderOf(manager: EntityManager, orderId: string, departmentCode: string): Promise<void> {
  const [order] = await manager.query<{ department_code: string }[]>('SELECT department_code FROM supervision_orders WHERE id = $1', [orderId]);
  if (order?.department_code !== departmentCode) {
    throw new InvalidInputException([{ path: 'supervisionOrderId', message: `no supervision order of ${departmentCode} with this id` }]);
  }
}

/** Who decided, as the register and the orders write it: a principal's id, or `system:<what>`. */
export const actorName = (actor: AuditActor): string => (actor.kind === 'system' ? `system:${actor.id}` : principalId(actor));

/** The decision and commission days of a new record, checked: decided not in the future, committed not after it. */
export function entryDays(now: Date, decided?: string, committed?: string): { decidedOn: string; committedOn: string } {
  const today = localDateOf(now, COUNTING_POLICY);
  const decidedOn = decided ?? today;
  if (!isIsoDate(decidedOn) || decidedOn > today) throw new InvalidInputException([{ path: 'decidedOn', message: 'must be a date YYYY-MM-DD, not in the future' }]);
  const committedOn = committed ?? decidedOn;
  if (!isIsoDate(committedOn) || committedOn > decidedOn || committedOn < '2000-01-01') {
    throw new InvalidInputException([{ path: 'committedOn', message: `must be a date YYYY-MM-DD from 2000 on, not after the decision (${decidedOn})` }]);
  }
  return { decidedOn, committedOn };
}

export interface EntryFields {
  kind: RegisterKind;
  subjectKind: RegisterSubject;
  departmentCode: string;
  officerId: string | null;
  officerName: string | null;
  severity: FaultSeverity | null;
  measure: string;
  basis: string;
  directResponsibility: boolean;
  decidedOn?: string;
  committedOn?: string;
  alertId: string | null;
  caseId: string | null;
  rule: string | null;
  supervisionOrderId: string | null;
  amount: string | null;
  state?: RegisterState;
}

/** A new register entry (CONFIRMED unless told), its days checked; the caller inserts and audits it. */
export function buildEntry(principal: AuditActor, now: Date, fields: EntryFields): RegisterEntryEntity {
  const { decidedOn, committedOn } = entryDays(now, fields.decidedOn, fields.committedOn);
  return Object.assign(new RegisterEntryEntity(), {
    id: randomUUID(),
    kind: fields.kind,
    departmentCode: fields.departmentCode,
    subjectKind: fields.subjectKind,
    officerId: fields.officerId,
    officerName: fields.officerName,
    alertId: fields.alertId,
    supervisionOrderId: fields.supervisionOrderId,
    caseId: fields.caseId,
    rule: fields.rule,
    severity: fields.severity,
    measure: fields.measure,
    directResponsibility: fields.directResponsibility,
    basis: fields.basis.trim(),
    committedOn,
    decidedOn,
    // The year whose award eligibility and assessment the record concerns: the year committed.
    year: Number(committedOn.slice(0, 4)),
    decidedBy: actorName(principal),
    state: fields.state ?? ('CONFIRMED' as const),
    appealReason: null,
    appealedAt: null,
    appealedBy: null,
    appealDecision: null,
    appealComment: null,
    appealDecidedAt: null,
    appealDecidedBy: null,
    createdAt: now,
    amount: fields.amount,
    proposalDecidedAt: null,
    proposalDecidedBy: null,
    proposalComment: null,
    // Filled for an officer's entry from the posts base (RegisterService.newEntry); none for a department.
    postCode: null,
    postName: null,
    dutyBreached: null,
  });
}

/** What a department entry's fields must satisfy together (the schema checks each alone). */
function checkDepartmentEntry(input: DepartmentEntryInput): void {
  if (input.kind === 'DISCIPLINE_FUNDS' && input.amount === undefined) throw new InvalidInputException([{ path: 'amount', message: 'funds in breach of discipline need their amount (yuan)' }]);
  if (input.amount !== undefined && Math.abs(input.amount * 100 - Math.round(input.amount * 100)) > 1e-6) throw new InvalidInputException([{ path: 'amount', message: 'yuan with at most two decimals' }]);
  if (input.kind !== 'DISCIPLINE_FUNDS' && input.amount !== undefined) throw new InvalidInputException([{ path: 'amount', message: 'only DISCIPLINE_FUNDS records carry an amount' }]);
  const problem = measureError(input.kind, null, input.measure);
  if (problem) throw new InvalidInputException([{ path: 'measure', message: problem }]);
}

/** The entry as a row of register_entries (snake_case), for the guarded insert and the audit log. */
export function toRow(e: RegisterEntryEntity): Record<string, unknown> {
  return {
    id: e.id, kind: e.kind, department_code: e.departmentCode, officer_id: e.officerId, officer_name: e.officerName, alert_id: e.alertId,
    supervision_order_id: e.supervisionOrderId, case_id: e.caseId, rule: e.rule, severity: e.severity, measure: e.measure,
    direct_responsibility: e.directResponsibility, basis: e.basis, committed_on: e.committedOn, decided_on: e.decidedOn, year: e.year, decided_by: e.decidedBy,
    state: e.state, created_at: e.createdAt.toISOString(), subject_kind: e.subjectKind, amount: e.amount,
    post_code: e.postCode, post_name: e.postName, duty_breached: e.dutyBreached,
  };
}
