import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The wall screen re-reads today's accepted and decided cases up to twice a second and the 30-day
 * trend every 30 s; without these indexes each reading scanned the whole cases table, which grows
 * by every case the city ever handled.
 */
export class CaseDayIndexes1764950000000 implements MigrationInterface {
  name = 'CaseDayIndexes1764950000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "idx_cases_accepted_at" ON "cases" ("accepted_at") `);
    await queryRunner.query(`CREATE INDEX "idx_cases_decided_at" ON "cases" ("decided_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_cases_decided_at"`);
    await queryRunner.query(`DROP INDEX "idx_cases_accepted_at"`);
  }
}
