import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseSnapshot } from '@app/contracts';
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
  'latest_due_on', 'deemed_accepted_on',
] as const;

const UPDATABLE = COLUMNS.filter((c) => c !== 'department_code' && c !== 'case_id');

@Injectable()
export class CaseStateRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Upserts projected cases in one statement. A projection that saw fewer events than the stored
   * one never overwrites it: two workers projecting the same case in either order converge.
   */
  async upsert(cases: ProjectedCase[], projectedAt: Date): Promise<void> {
    // PostgreSQL takes at most 65,535 parameters per statement.
    for (let i = 0; i < cases.length; i += 2000) await this.upsertChunk(cases.slice(i, i + 2000), projectedAt);
  }

  private async upsertChunk(cases: ProjectedCase[], projectedAt: Date): Promise<void> {
    if (cases.length === 0) return;
    const params: unknown[] = [];
    const tuples = cases.map(({ snapshot: s, unknownItem, clocks: c }) => {
      const values = [
        s.departmentCode, s.caseId, s.itemCode, s.status, s.open, unknownItem, s.currentStep,
        s.responsibleOfficerId, s.submittedAt, s.acceptedAt, s.decidedAt, s.outcome,
        s.certificateIssuedAt, s.closedAt, s.suspended, s.eventCount, s.firstOccurredAt,
        s.lastOccurredAt, JSON.stringify(s.anomalies), projectedAt, JSON.stringify(c.clocks), c.nextCheckAt,
        c.provisional, c.latestDueOn, c.deemedAcceptedOn,
      ];
      const start = params.length;
      params.push(...values);
      return `(${values.map((_, i) => `$${start + i + 1}`).join(',')})`;
    });
    await this.dataSource.query(
      `INSERT INTO cases (${COLUMNS.join(',')}) VALUES ${tuples.join(',')}
       ON CONFLICT (department_code, case_id) DO UPDATE SET
         ${UPDATABLE.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
       WHERE cases.event_count <= EXCLUDED.event_count`,
      params,
    );
  }
}
