import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The console lists open cards most urgent first (RED, then the soonest due). Sorting by the due
 * instant inside the evidence JSON meant reading and casting every open card's evidence on every
 * page. The due instant of the cited clock is now a column (kept by the card store with the
 * evidence), and one partial index over the open cards holds the whole urgency order, so a page is
 * an index range. The default order (newest first) of the open cards gets its own partial index.
 */
export class CardListIndexes1765000500000 implements MigrationInterface {
  name = 'CardListIndexes1765000500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "alerts" ADD "due_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`UPDATE alerts SET due_at = (evidence #>> '{clock,dueAt}')::timestamptz WHERE evidence #>> '{clock,dueAt}' IS NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX "idx_alerts_open_urgency" ON "alerts" ((CASE level WHEN 'RED' THEN 2 WHEN 'YELLOW' THEN 1 ELSE 0 END) DESC NULLS LAST, "due_at" ASC NULLS LAST, "raised_at" DESC, "id")
        WHERE state IN ('OPEN', 'ACKNOWLEDGED', 'RECTIFIED', 'APPEALED')`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_alerts_open_raised" ON "alerts" ("raised_at" DESC, "id") WHERE state IN ('OPEN', 'ACKNOWLEDGED', 'RECTIFIED', 'APPEALED')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_alerts_open_raised"`);
    await queryRunner.query(`DROP INDEX "idx_alerts_open_urgency"`);
    await queryRunner.query(`ALTER TABLE "alerts" DROP COLUMN "due_at"`);
  }
}
