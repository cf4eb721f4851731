import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CardState } from '@app/domain';
import { AlertStoreRepository } from './alert-store.repository';

/**
 * A YELLOW card carries a supervision deadline (督办期限); if the department has neither rectified
 * nor answered by then, the card escalates to RED (domain.md §6).
 */
@Injectable()
export class SupervisionEscalationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: AlertStoreRepository,
  ) {}

  async escalateDue(now: Date): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<{ id: string; state: CardState; department_code: string }[]>(
        // Wrapped in a CTE: TypeORM returns [rows, count] for a bare UPDATE, rows for a SELECT.
        `WITH escalated AS (
           UPDATE alerts SET level = 'RED', updated_at = $1
            WHERE id IN (SELECT id FROM alerts
                          WHERE level = 'YELLOW' AND state IN ('OPEN', 'ACKNOWLEDGED') AND supervision_due_at <= $1
                          ORDER BY supervision_due_at LIMIT 500 FOR UPDATE SKIP LOCKED)
            RETURNING id, state, department_code)
         SELECT id, state, department_code FROM escalated`,
        [now],
      );
      await this.store.record(
        manager,
        rows.map((row) => ({
          alertId: row.id,
          departmentCode: row.department_code,
          action: 'ESCALATED',
          fromState: row.state,
          toState: row.state,
          fromLevel: 'YELLOW',
          toLevel: 'RED',
          actor: 'system',
          comment: 'supervision deadline passed without rectification or reply',
        })),
        now,
      );
      return rows.length;
    });
  }
}
