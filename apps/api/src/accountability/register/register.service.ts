import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { isIsoDate, localDateOf } from '@app/domain';
import { FaultSeverity, measureError, RegisterKind } from '@app/domain/reports';
import { AccessScope, inScope } from '../../auth/access-scope';
import { Principal, principalId } from '../../auth/principal';
import { AuditService } from '../../audit/audit.service';
import { COUNTING_POLICY } from '../../calendar/clock-policy';
import { InvalidInputException, notFound } from '../../common/invalid-input.exception';
import { RegisterEntryEntity } from '../persistence/register-entry.entity';
import { lockInScope, requireState } from '../scoped-record';
import { EntryInput, FaultInput } from './register-input';

/** Cards that may become a fault: YELLOW or RED, standing (not dismissed, not under appeal, not cleared by the rules). */
const CONFIRMABLE_LEVELS = ['YELLOW', 'RED'];

/**
 * Decisions on the accountability register, each with its audit entry in the same transaction:
 * a fault from a confirmed card, other records (head accountability, reprimand, warning talk),
 * appeals and their decision.
 */
@Injectable()
export class RegisterService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async recordFault(principal: Principal, scope: AccessScope, input: FaultInput, now: Date): Promise<RegisterEntryEntity> {
    return this.dataSource.transaction(async (manager) => {
      // FOR SHARE: the card cannot be dismissed or appealed while the fault is being recorded.
      const [card] = await manager.query<{ id: string; department_code: string; case_id: string; rule: string; level: string; state: string; close_reason: string | null; responsible_officer_id: string | null }[]>(
        'SELECT id, department_code, case_id, rule, level, state, close_reason, responsible_officer_id FROM alerts WHERE id = $1 FOR SHARE',
        [input.alertId],
      );
      if (!card || !inScope(scope, card.department_code)) throw notFound('alertId', `card ${input.alertId} not found`);
      if (!CONFIRMABLE_LEVELS.includes(card.level)) throw new ConflictException(`only a yellow or red card becomes a fault; this one is ${card.level}`);
      if (card.state === 'DISMISSED' || card.state === 'APPEALED' || card.close_reason === 'CONDITION_CLEARED') {
        throw new ConflictException(`the card is not confirmed (${card.state}${card.close_reason ? `, ${card.close_reason}` : ''})`);
      }
      const officerId = input.officerId ?? card.responsible_officer_id;
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
        alertId: card.id,
        caseId: card.case_id === '' ? null : card.case_id,
        rule: card.rule,
        supervisionOrderId: null,
      });
      const inserted = await manager.query<unknown[]>(
        `INSERT INTO register_entries (id, kind, department_code, officer_id, officer_name, alert_id, supervision_order_id, case_id, rule, severity, measure,
            direct_responsibility, basis, decided_on, year, decided_by, state, created_at)
         SELECT id, kind, department_code, officer_id, officer_name, alert_id, supervision_order_id, case_id, rule, severity, measure,
            direct_responsibility, basis, decided_on, year, decided_by, state, created_at
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
      if (input.supervisionOrderId) {
        const [order] = await manager.query<{ department_code: string }[]>('SELECT department_code FROM supervision_orders WHERE id = $1', [input.supervisionOrderId]);
        if (order?.department_code !== input.departmentCode) {
          throw new InvalidInputException([{ path: 'supervisionOrderId', message: `no supervision order of ${input.departmentCode} with this id` }]);
        }
      }
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

  private async newEntry(
    manager: EntityManager,
    principal: Principal,
    now: Date,
    fields: { kind: RegisterKind; departmentCode: string; officerId: string; severity: FaultSeverity | null; measure: string; basis: string; directResponsibility: boolean; decidedOn?: string; alertId: string | null; caseId: string | null; rule: string | null; supervisionOrderId: string | null },
  ): Promise<RegisterEntryEntity> {
    const [officer] = await manager.query<{ name: string }[]>('SELECT name FROM officers WHERE id = $1 AND department_code = $2', [fields.officerId, fields.departmentCode]);
    if (!officer) throw new InvalidInputException([{ path: 'officerId', message: `not an officer of department ${fields.departmentCode}` }]);
    const problem = measureError(fields.kind, fields.severity, fields.measure);
    if (problem) throw new InvalidInputException([{ path: 'measure', message: problem }]);
    const today = localDateOf(now, COUNTING_POLICY);
    const decidedOn = fields.decidedOn ?? today;
    if (!isIsoDate(decidedOn) || decidedOn > today) throw new InvalidInputException([{ path: 'decidedOn', message: 'must be a date YYYY-MM-DD, not in the future' }]);
    return Object.assign(new RegisterEntryEntity(), {
      id: randomUUID(),
      kind: fields.kind,
      departmentCode: fields.departmentCode,
      officerId: fields.officerId,
      officerName: officer.name,
      alertId: fields.alertId,
      supervisionOrderId: fields.supervisionOrderId,
      caseId: fields.caseId,
      rule: fields.rule,
      severity: fields.severity,
      measure: fields.measure,
      directResponsibility: fields.directResponsibility,
      basis: fields.basis.trim(),
      decidedOn,
      year: Number(decidedOn.slice(0, 4)),
      decidedBy: principalId(principal),
      state: 'CONFIRMED' as const,
      appealReason: null,
      appealedAt: null,
      appealedBy: null,
      appealDecision: null,
      appealComment: null,
      appealDecidedAt: null,
      appealDecidedBy: null,
      createdAt: now,
    });
  }
}

/** The entry as a row of register_entries (snake_case), for the guarded insert and the audit log. */
function toRow(e: RegisterEntryEntity): Record<string, unknown> {
  return {
    id: e.id, kind: e.kind, department_code: e.departmentCode, officer_id: e.officerId, officer_name: e.officerName, alert_id: e.alertId,
    supervision_order_id: e.supervisionOrderId, case_id: e.caseId, rule: e.rule, severity: e.severity, measure: e.measure,
    direct_responsibility: e.directResponsibility, basis: e.basis, decided_on: e.decidedOn, year: e.year, decided_by: e.decidedBy,
    state: e.state, created_at: e.createdAt.toISOString(),
  };
}
