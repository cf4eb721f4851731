import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A rule may hold its cards for a supervisor's confirmation (待发): a held card (PENDING) is the
 * rule's card for its case as much as an issued one, so the one-card-per-rule index covers it.
 */
export class HeldCards1765000200000 implements MigrationInterface {
  name = 'HeldCards1765000200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_alerts_active"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_alerts_active" ON "alerts" ("department_code", "case_id", "rule") WHERE state IN ('PENDING', 'OPEN', 'ACKNOWLEDGED', 'RECTIFIED', 'APPEALED') AND rule <> 'MANUAL'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE alerts SET state = 'DISCARDED', closed_at = updated_at, close_reason = 'HOLD_REMOVED' WHERE state = 'PENDING'`);
    await queryRunner.query(`DROP INDEX "uq_alerts_active"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_alerts_active" ON "alerts" ("department_code", "case_id", "rule") WHERE state IN ('OPEN', 'ACKNOWLEDGED', 'RECTIFIED', 'APPEALED') AND rule <> 'MANUAL'`,
    );
  }
}
