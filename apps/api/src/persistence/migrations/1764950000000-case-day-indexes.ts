import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The wall screen re-reads its case figures up to twice a second and the 30-day trend every 30 s.
 * Without these, today's figures scanned every case the city ever handled, and the open/overdue
 * count walked every open case's clocks (36 s at a million open cases): now the day windows are
 * index ranges and the open figures an index-only scan of a partial index carrying the running
 * promised clock's due instant (kept by the projection, filled here for existing rows).
 */
export class CaseDayIndexes1764950000000 implements MigrationInterface {
  name = 'CaseDayIndexes1764950000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "idx_cases_accepted_at" ON "cases" ("accepted_at") `);
    await queryRunner.query(`CREATE INDEX "idx_cases_decided_at" ON "cases" ("decided_at") `);
    await queryRunner.query(`ALTER TABLE "cases" ADD "promised_due_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE cases SET promised_due_at = (
         SELECT (c->>'dueAt')::timestamptz FROM jsonb_array_elements(cases.clocks) c
          WHERE c->>'kind' = 'DECISION_PROMISED' AND c->>'state' <> 'paused' AND c->>'stoppedAt' IS NULL LIMIT 1)
        WHERE is_open`,
    );
    await queryRunner.query(`CREATE INDEX "idx_cases_open_figures" ON "cases" ("department_code", "status", "promised_due_at") WHERE is_open`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_cases_open_figures"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "promised_due_at"`);
    await queryRunner.query(`DROP INDEX "idx_cases_decided_at"`);
    await queryRunner.query(`DROP INDEX "idx_cases_accepted_at"`);
  }
}
