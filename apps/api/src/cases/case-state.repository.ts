import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseAnomaly, CaseSnapshot, CaseStatus } from '@app/contracts';
import { FoldCursor, StoredFold } from '@app/domain';
import { CaseKey, caseKeyString } from '../ingest/event-store.repository';
import { ClockColumns } from './case-clocks.service';

export interface ProjectedCase {
  snapshot: CaseSnapshot;
  unknownItem: boolean;
  clocks: ClockColumns;
  /** Where the fold of `snapshot` stopped: stored beside it for the next projection. */
  cursor: FoldCursor;
}

const COLUMNS = [
  'department_code', 'case_id', 'item_code', 'status', 'is_open', 'unknown_item', 'current_step',
  'responsible_officer_id', 'submitted_at', 'accepted_at', 'decided_at', 'outcome',
  'certificate_issued_at', 'closed_at', 'suspended', 'event_count', 'first_occurred_at',
  'last_occurred_at', 'anomalies', 'projected_at', 'clocks', 'next_check_at', 'clocks_provisional',
  'latest_due_on', 'deemed_accepted_on', 'promised_due_at', 'fold_cursor',
] as const;

const UPDATABLE = COLUMNS.filter((c) => c !== 'department_code' && c !== 'case_id');

@Injectable()
export class CaseStateRepository {
  /**
   * The stored fold of each case that has one — its snapshot columns and cursor — in one query.
   * Read without a lock: a fold stored by a concurrent pass is still a fold of events the history
   * holds, and `foldHistory` checks it against the history before going on from it.
   */
  async storedFolds(manager: EntityManager, keys: readonly CaseKey[]): Promise<Map<string, StoredFold>> {
    const folds = new Map<string, StoredFold>();
    if (keys.length === 0) return folds;
    const rows = await manager.query<SnapshotRow[]>(
      `SELECT c.department_code, c.case_id, c.item_code, c.status, c.is_open, c.current_step, c.responsible_officer_id,
              c.submitted_at, c.accepted_at, c.decided_at, c.outcome, c.certificate_issued_at, c.closed_at, c.suspended,
              c.event_count, c.first_occurred_at, c.last_occurred_at, c.anomalies, c.fold_cursor
         FROM cases c
         JOIN unnest($1::varchar[], $2::varchar[]) AS k(department_code, case_id)
           ON c.department_code = k.department_code AND c.case_id = k.case_id
        WHERE c.fold_cursor IS NOT NULL`,
      [keys.map((k) => k.departmentCode), keys.map((k) => k.caseId)],
    );
    for (const row of rows) folds.set(caseKeyString(row.department_code, row.case_id), { snapshot: snapshotOf(row), cursor: row.fold_cursor });
    return folds;
  }

  /**
   * Upserts projected cases in one statement. A projection that saw fewer events than the stored
   * one never overwrites it: two workers projecting the same case in either order converge.
   */
  async upsert(manager: EntityManager, cases: ProjectedCase[], projectedAt: Date): Promise<Set<string>> {
    // Rows in key order, so concurrent upserts lock overlapping cases in the same order (no deadlock).
    const sorted = [...cases].sort((a, b) => compareKeys(a.snapshot, b.snapshot));
    const written = new Set<string>();
    // PostgreSQL takes at most 65,535 parameters per statement.
    for (let i = 0; i < sorted.length; i += 2000) {
      for (const key of await this.upsertChunk(manager, sorted.slice(i, i + 2000), projectedAt)) written.add(key);
    }
    return written;
  }

  /** Returns the keys actually written: a stale projection (fewer events than stored) writes nothing. */
  private async upsertChunk(manager: EntityManager, cases: ProjectedCase[], projectedAt: Date): Promise<string[]> {
    if (cases.length === 0) return [];
    const params: unknown[] = [];
    const tuples = cases.map(({ snapshot: s, unknownItem, clocks: c, cursor }) => {
      const values = [
        s.departmentCode, s.caseId, s.itemCode, s.status, s.open, unknownItem, s.currentStep,
        s.responsibleOfficerId, s.submittedAt, s.acceptedAt, s.decidedAt, s.outcome,
        s.certificateIssuedAt, s.closedAt, s.suspended, s.eventCount, s.firstOccurredAt,
        s.lastOccurredAt, JSON.stringify(s.anomalies), projectedAt, JSON.stringify(c.clocks), c.nextCheckAt,
        c.provisional, c.latestDueOn, c.deemedAcceptedOn, c.promisedDueAt, JSON.stringify(cursor),
      ];
      const start = params.length;
      params.push(...values);
      return `(${values.map((_, i) => `$${start + i + 1}`).join(',')})`;
    });
    const rows = await manager.query<{ department_code: string; case_id: string }[]>(
      `INSERT INTO cases (${COLUMNS.join(',')}) VALUES ${tuples.join(',')}
       ON CONFLICT (department_code, case_id) DO UPDATE SET
         ${UPDATABLE.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
       WHERE cases.event_count <= EXCLUDED.event_count
       RETURNING department_code, case_id`,
      params,
    );
    return rows.map((r) => caseKeyString(r.department_code, r.case_id));
  }
}

function compareKeys(a: { departmentCode: string; caseId: string }, b: { departmentCode: string; caseId: string }): number {
  if (a.departmentCode !== b.departmentCode) return a.departmentCode < b.departmentCode ? -1 : 1;
  return a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0;
}

interface SnapshotRow {
  department_code: string;
  case_id: string;
  item_code: string;
  status: CaseStatus;
  is_open: boolean;
  current_step: string | null;
  responsible_officer_id: string | null;
  submitted_at: Date | null;
  accepted_at: Date | null;
  decided_at: Date | null;
  outcome: 'APPROVED' | 'DENIED' | null;
  certificate_issued_at: Date | null;
  closed_at: Date | null;
  suspended: boolean;
  event_count: number;
  first_occurred_at: Date;
  last_occurred_at: Date;
  anomalies: CaseAnomaly[];
  fold_cursor: FoldCursor;
}

const iso = (at: Date | null): string | null => (at === null ? null : at.toISOString());

/** The snapshot as the fold made it: the fold writes instants as UTC ISO text with milliseconds, as toISOString does. */
function snapshotOf(row: SnapshotRow): CaseSnapshot {
  return {
    departmentCode: row.department_code,
    caseId: row.case_id,
    itemCode: row.item_code,
    status: row.status,
    open: row.is_open,
    currentStep: row.current_step,
    responsibleOfficerId: row.responsible_officer_id,
    submittedAt: iso(row.submitted_at),
    acceptedAt: iso(row.accepted_at),
    decidedAt: iso(row.decided_at),
    outcome: row.outcome,
    certificateIssuedAt: iso(row.certificate_issued_at),
    closedAt: iso(row.closed_at),
    suspended: row.suspended,
    eventCount: row.event_count,
    firstOccurredAt: row.first_occurred_at.toISOString(),
    lastOccurredAt: row.last_occurred_at.toISOString(),
    anomalies: row.anomalies,
  };
}
