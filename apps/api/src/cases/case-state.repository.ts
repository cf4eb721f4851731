import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseSnapshot } from '@app/contracts';
import { caseKeyString } from '../ingest/event-store.repository';
import { ClockColumns } from './case-clocks.service';

export interface ProjectedCase {
  snapshot: CaseSnapshot;
  unknownItem: boolean;
  clocks: ClockColumns;
}

const COLUMNS = [
  'department_code', 'case_id', 'item_code', 'status', 'is_open', 'unknown_item', 'current_step',
  'responsible_officer_id', 'submitted_at', 'accepted_at', 'decided_at', 'outcome',
  'certificate_issued_at', 'closed_at', 'suspended', 'event_count', 'first_occurred_at',
  'last_occurred_at', 'anomalies', 'projected_at', 'clocks', 'next_check_at', 'clocks_provisional',
  'latest_due_on', 'deemed_accepted_on', 'promised_due_at',
] as const;

const UPDATABLE = COLUMNS.filter((c) => c !== 'department_code' && c !== 'case_id');

@Injectable()
export class CaseStateRepository {
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
    const tuples = cases.map(({ snapshot: s, unknownItem, clocks: c }) => {
      const values = [
        s.departmentCode, s.caseId, s.itemCode, s.status, s.open, unknownItem, s.currentStep,
        s.responsibleOfficerId, s.submittedAt, s.acceptedAt, s.decidedAt, s.outcome,
        s.certificateIssuedAt, s.closedAt, s.suspended, s.eventCount, s.firstOccurredAt,
        s.lastOccurredAt, JSON.stringify(s.anomalies), projectedAt, JSON.stringify(c.clocks), c.nextCheckAt,
        c.provisional, c.latestDueOn, c.deemedAcceptedOn, c.promisedDueAt,
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
