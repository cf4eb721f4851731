import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The daily rollup counts the cases completed early against the statutory limit (提前, for the
 * 提前 / 按时 / 超期 split). Rows written before this counter existed hold 0 for it: run
 * `npm run cli -- reports:rebuild-rollups` once after upgrading to fill it from the stored cases.
 */
export class StatutoryEarlyCounter1765000400000 implements MigrationInterface {
  name = 'StatutoryEarlyCounter1765000400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report_daily_rollups" ADD "completed_statutory_early" integer NOT NULL DEFAULT '0'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report_daily_rollups" DROP COLUMN "completed_statutory_early"`);
  }
}
