import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a case's stored fold stopped (ADR 17): the fold's version, the status a RESUMED returns to
 * and the last event folded. With the snapshot columns it lets the worker fold newly arrived events
 * on instead of folding the whole history. Null for rows written before: the next projection of
 * such a case folds its whole history and fills it.
 */
export class CaseFoldCursor1796521431833 implements MigrationInterface {
  name = 'CaseFoldCursor1796521431833';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" ADD "fold_cursor" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "fold_cursor"`);
  }
}
