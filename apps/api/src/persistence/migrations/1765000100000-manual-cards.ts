import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cards raised by hand (rule MANUAL) are not "the card of a rule": a case may carry several, each
 * with its own reason, so the one-active-card-per-rule index leaves them out.
 */
export class ManualCards1765000100000 implements MigrationInterface {
  name = 'ManualCards1765000100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_alerts_active"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_alerts_active" ON "alerts" ("department_code", "case_id", "rule") WHERE state IN ('OPEN', 'ACKNOWLEDGED', 'RECTIFIED', 'APPEALED') AND rule <> 'MANUAL'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_alerts_active"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_alerts_active" ON "alerts" ("department_code", "case_id", "rule") WHERE state IN ('OPEN', 'ACKNOWLEDGED', 'RECTIFIED', 'APPEALED')`,
    );
  }
}
