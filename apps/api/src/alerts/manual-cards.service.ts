import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AlertLevel, CARD_RULE_NAMES, CaseRuleCode, MANUAL_RULE_CODE } from '@app/contracts';
import { DEFAULT_SUPERVISION_SETTINGS, supervisionDeadlineFor } from '@app/domain';
import { AccessScope, inScope } from '../auth/access-scope';
import { Principal, principalId } from '../auth/principal';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import { COUNTING_POLICY } from '../calendar/clock-policy';
import { notFound } from '../common/invalid-input.exception';
import { AlertStoreRepository } from './alert-store.repository';

export interface ManualCardInput {
  departmentCode: string;
  caseId?: string;
  level: AlertLevel;
  reason: string;
  /** The catalogue rule the irregularity falls under, when there is one (e.g. a fee found on inspection). */
  concerns?: CaseRuleCode;
  responsibleOfficerId?: string;
}

const RULESET = 'manual-1';

/**
 * A card raised by hand (人工发牌): a supervisor records an irregularity the rules cannot see (found
 * on inspection, in a complaint, in the papers). It is an ordinary card from then on — the same
 * lifecycle, appeal path, supervision deadline and escalation, notifications and wall — but the
 * rules never touch it (rule MANUAL is outside the one-card-per-rule index and the reconciler).
 * Written with its RAISED transition, outbox message and audit entry in one transaction.
 */
@Injectable()
export class ManualCardsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: AlertStoreRepository,
    private readonly audit: AuditService,
    private readonly calendars: CalendarService,
  ) {}

  async raise(principal: Principal, scope: AccessScope, input: ManualCardInput, now: Date) {
    // Another department answers exactly like one that does not exist.
    if (!inScope(scope, input.departmentCode)) throw notFound('departmentCode', `department ${input.departmentCode} not found`);
    return this.dataSource.transaction(async (manager) => {
      const [department] = await manager.query<{ code: string }[]>('SELECT code FROM departments WHERE code = $1', [input.departmentCode]);
      if (!department) throw notFound('departmentCode', `department ${input.departmentCode} not found`);
      let itemCode: string | null = null;
      let officerId: string | null = null;
      if (input.caseId !== undefined) {
        const [found] = await manager.query<{ item_code: string; responsible_officer_id: string | null }[]>(
          'SELECT item_code, responsible_officer_id FROM cases WHERE department_code = $1 AND case_id = $2',
          [input.departmentCode, input.caseId],
        );
        if (!found) throw notFound('caseId', `case ${input.departmentCode}/${input.caseId} not found`);
        itemCode = found.item_code;
        officerId = found.responsible_officer_id;
      }
      if (input.responsibleOfficerId !== undefined) {
        const [officer] = await manager.query<{ id: string }[]>('SELECT id FROM officers WHERE id = $1 AND department_code = $2', [
          input.responsibleOfficerId,
          input.departmentCode,
        ]);
        if (!officer) throw notFound('responsibleOfficerId', `officer ${input.responsibleOfficerId} of ${input.departmentCode} not found`);
        officerId = officer.id;
      }
      const id = randomUUID();
      const actor = principalId(principal);
      const supervisionDueAt =
        input.level === 'YELLOW'
          ? new Date(supervisionDeadlineFor(this.calendars.current(), now, DEFAULT_SUPERVISION_SETTINGS, COUNTING_POLICY).dueAt)
          : null;
      const concerns = input.concerns ? CARD_RULE_NAMES[input.concerns] : null;
      const summary = {
        zh: `人工发牌${concerns ? `（${concerns.zh}）` : ''}：${input.reason}`,
        en: `Raised by hand${concerns ? ` (${concerns.en})` : ''}: ${input.reason}`,
      };
      const evidence = { eventIds: [], facts: { reason: input.reason, concerns: input.concerns ?? null, raisedBy: actor } };
      await manager.query(
        `INSERT INTO alerts (id, department_code, case_id, item_code, rule, level, state, ruleset_version, responsible_officer_id,
            time_driven, breached_at, raised_at, updated_at, supervision_due_at, evidence, summary)
         VALUES ($1, $2, $3, $4, $5, $6, 'OPEN', $7, $8, false, $9, $9, $9, $10, $11, $12)`,
        [id, input.departmentCode, input.caseId ?? '', itemCode, MANUAL_RULE_CODE, input.level, RULESET, officerId, now, supervisionDueAt, JSON.stringify(evidence), JSON.stringify(summary)],
      );
      await this.store.record(
        manager,
        [{ alertId: id, departmentCode: input.departmentCode, action: 'RAISED', fromState: null, toState: 'OPEN', fromLevel: null, toLevel: input.level, actor, comment: input.reason }],
        now,
      );
      await this.audit.record(
        {
          actor: principal,
          action: 'alert.raise',
          target: `alert:${id}`,
          before: null,
          after: { departmentCode: input.departmentCode, caseId: input.caseId ?? null, level: input.level, reason: input.reason, concerns: input.concerns ?? null, responsibleOfficerId: officerId },
        },
        manager,
      );
      return { id, departmentCode: input.departmentCode, caseId: input.caseId ?? '', rule: MANUAL_RULE_CODE, level: input.level, state: 'OPEN' as const, responsibleOfficerId: officerId, supervisionDueAt, raisedAt: now, summary };
    });
  }
}
