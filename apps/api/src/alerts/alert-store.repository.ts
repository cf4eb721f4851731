import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AlertLevel, Finding } from '@app/contracts';
import { ActiveCard, CardChanges, CardState } from '@app/domain';
import { OUTBOX_TOPICS, OutboxRepository } from '../outbox/outbox.repository';

export interface CaseRef {
  departmentCode: string;
  caseId: string;
  itemCode: string | null;
}

export interface CardChangeRecord {
  alertId: string;
  /** RAISED, UPGRADED, CORRECTED, AUTO_CLOSED, ESCALATED, or a person's action (ACKNOWLEDGE, DISMISS…). */
  action: string;
  fromState: CardState | null;
  toState: CardState;
  fromLevel: AlertLevel | null;
  toLevel: AlertLevel;
  actor: string;
  comment: string | null;
  departmentCode?: string;
}

/**
 * The cards the rules carry: issued and active, or held for confirmation (PENDING). A held card is
 * the rule's card too — upgraded, corrected or cleared like any — so a held finding is not raised
 * again at every evaluation.
 */
const CARRIED = `('PENDING', 'OPEN', 'ACKNOWLEDGED', 'RECTIFIED', 'APPEALED')`;
/** The predicate of uq_alerts_active: one carried card per (department, case, rule), except cards raised by hand. */
const ONE_PER_RULE = `state IN ${CARRIED} AND rule <> 'MANUAL'`;

/** Changes of a card nobody was told of (held, or discarded while held) publish nothing. */
const unannounced = (r: CardChangeRecord): boolean => r.toState === 'PENDING' || (r.toState === 'DISCARDED' && r.fromState === 'PENDING');
// Guarded UPDATEs are wrapped in a CTE so the driver returns the changed rows (a bare UPDATE gives [rows, count]).

/** Writes card changes with their transition rows and outbox messages, in the caller's transaction. */
@Injectable()
export class AlertStoreRepository {
  constructor(private readonly outbox: OutboxRepository) {}

  async activeCards(manager: EntityManager, cases: { departmentCode: string; caseId: string }[]): Promise<Map<string, ActiveCard[]>> {
    const out = new Map<string, ActiveCard[]>();
    if (cases.length === 0) return out;
    // A RED card still carrying a supervision deadline got there by escalation: a card raised or
    // upgraded to RED by a finding has none (supervisionDueAt is for YELLOW findings only).
    const rows = await manager.query<{ id: string; department_code: string; case_id: string; rule: string; level: AlertLevel; state: CardState; time_driven: boolean; escalated: boolean }[]>(
      `SELECT a.id, a.department_code, a.case_id, a.rule, a.level, a.state, a.time_driven,
              (a.level = 'RED' AND a.supervision_due_at IS NOT NULL) AS escalated
         FROM alerts a JOIN unnest($1::varchar[], $2::varchar[]) AS k(department_code, case_id)
           ON a.department_code = k.department_code AND a.case_id = k.case_id
        WHERE a.state IN ${CARRIED} AND a.rule <> 'MANUAL'`,
      [cases.map((c) => c.departmentCode), cases.map((c) => c.caseId)],
    );
    for (const row of rows) {
      const key = `${row.department_code}\u0000${row.case_id}`;
      const list = out.get(key) ?? [];
      list.push({ id: row.id, rule: row.rule as ActiveCard['rule'], level: row.level, state: row.state, timeDriven: row.time_driven, escalated: row.escalated });
      out.set(key, list);
    }
    return out;
  }

  /**
   * Applies the planned changes of many cases. Raises go in one multi-row statement; each statement
   * is guarded (the partial unique index for raises, the expected level or state for updates), so
   * two workers applying the same plan produce one card and one transition, not two.
   */
  async applyAll(
    manager: EntityManager,
    plans: { ref: CaseRef; changes: CardChanges }[],
    supervisionDueAt: (finding: Finding) => Date | null,
    now: Date,
    /** Whether a finding's rule holds its cards for confirmation (待发); default: issue at once. */
    holds: (ref: CaseRef, finding: Finding) => boolean = () => false,
  ): Promise<CardChangeRecord[]> {
    const records: CardChangeRecord[] = [];
    const raises = plans.flatMap(({ ref, changes }) => changes.raise.map((finding) => ({ ref, finding, id: randomUUID(), held: holds(ref, finding) })));
    for (let i = 0; i < raises.length; i += 2000) records.push(...(await this.raise(manager, raises.slice(i, i + 2000), supervisionDueAt, now)));
    for (const { ref, changes } of plans) {
      const levelChanges = [
        ...changes.upgrade.map((change) => ({ ...change, action: 'UPGRADED', comment: null })),
        // Lowered because the case's history changed (late events); the transition says so.
        ...changes.correct.map((change) => ({ ...change, action: 'CORRECTED', comment: 'later events changed the facts' })),
      ];
      for (const { card, finding, action, comment } of levelChanges) {
        const updated = await manager.query<unknown[]>(
          `WITH changed AS (
             UPDATE alerts SET level = $2, evidence = $3, summary = $4, responsible_officer_id = $5, breached_at = $6,
                    ruleset_version = $7, supervision_due_at = $8, updated_at = $9, due_at = $11
              WHERE id = $1 AND level = $10 AND state IN ${CARRIED} RETURNING id)
           SELECT id FROM changed`,
          [
            card.id, finding.level, JSON.stringify(finding.evidence), JSON.stringify(finding.summary), finding.responsibleOfficerId,
            finding.breachedAt, finding.rulesetVersion, supervisionDueAt(finding), now, card.level, finding.evidence.clock?.dueAt ?? null,
          ],
        );
        if (updated.length > 0) {
          records.push({ departmentCode: ref.departmentCode, alertId: card.id, action, fromState: card.state, toState: card.state, fromLevel: card.level, toLevel: finding.level, actor: 'system', comment });
        }
      }
      for (const card of changes.clear) {
        // A held card whose condition cleared was never issued: it is discarded, not closed.
        const closed = await manager.query<{ state: CardState }[]>(
          `WITH changed AS (
             UPDATE alerts SET state = CASE WHEN state = 'PENDING' THEN 'DISCARDED' ELSE 'CLOSED' END,
                    closed_at = $2, close_reason = 'CONDITION_CLEARED', updated_at = $2
              WHERE id = $1 AND state = $3 RETURNING state)
           SELECT state FROM changed`,
          [card.id, now, card.state],
        );
        if (closed.length > 0) {
          records.push({ departmentCode: ref.departmentCode, alertId: card.id, action: 'AUTO_CLOSED', fromState: card.state, toState: closed[0].state, fromLevel: card.level, toLevel: card.level, actor: 'system', comment: 'condition no longer holds' });
        }
      }
    }
    await this.record(manager, records, now);
    return records;
  }

  private async raise(
    manager: EntityManager,
    raises: { ref: CaseRef; finding: Finding; id: string; held: boolean }[],
    supervisionDueAt: (finding: Finding) => Date | null,
    now: Date,
  ): Promise<CardChangeRecord[]> {
    if (raises.length === 0) return [];
    const params: unknown[] = [];
    const tuples = raises.map(({ ref, finding, id, held }) => {
      const values = [
        id, ref.departmentCode, ref.caseId, ref.itemCode, finding.rule, finding.level, held ? 'PENDING' : 'OPEN', finding.rulesetVersion,
        finding.responsibleOfficerId, finding.timeDriven, finding.breachedAt, now, now, supervisionDueAt(finding),
        JSON.stringify(finding.evidence), JSON.stringify(finding.summary), finding.evidence.clock?.dueAt ?? null,
      ];
      const start = params.length;
      params.push(...values);
      return `(${values.map((_, i) => `$${start + i + 1}`).join(',')})`;
    });
    const inserted = await manager.query<{ id: string; level: AlertLevel; department_code: string; state: CardState }[]>(
      `INSERT INTO alerts (id, department_code, case_id, item_code, rule, level, state, ruleset_version,
          responsible_officer_id, time_driven, breached_at, raised_at, updated_at, supervision_due_at, evidence, summary, due_at)
       VALUES ${tuples.join(',')}
       ON CONFLICT (department_code, case_id, rule) WHERE ${ONE_PER_RULE} DO NOTHING RETURNING id, level, department_code, state`,
      params,
    );
    return inserted.map((row) => ({
      departmentCode: row.department_code,
      alertId: row.id,
      // A held card is not raised yet: it waits for the centre's confirmation (待发).
      action: row.state === 'PENDING' ? 'HELD' : 'RAISED',
      fromState: null,
      toState: row.state,
      fromLevel: null,
      toLevel: row.level,
      actor: 'system',
      comment: null,
    }));
  }

  /** Transition rows and outbox messages for changes already applied. */
  async record(manager: EntityManager, records: CardChangeRecord[], now: Date): Promise<void> {
    if (records.length === 0) return;
    const params: unknown[] = [];
    const tuples = records.map((r) => {
      params.push(r.alertId, now, r.actor, r.action, r.fromState, r.toState, r.fromLevel, r.toLevel, r.comment);
      const n = params.length;
      return `($${n - 8}, $${n - 7}, $${n - 6}, $${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
    });
    await manager.query(
      `INSERT INTO alert_transitions (alert_id, at, actor, action, from_state, to_state, from_level, to_level, comment) VALUES ${tuples.join(',')}`,
      params,
    );
    await this.outbox.add(
      manager,
      records.filter((r) => !unannounced(r)).map((r) => ({
        topic: OUTBOX_TOPICS.alertChanged,
        payload: { alertId: r.alertId, departmentCode: r.departmentCode ?? null, action: r.action, level: r.toLevel, state: r.toState },
      })),
      now,
    );
  }
}
