import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every projection rewrites a case's `clocks` (about 2 KB of JSON, a few clocks per case), and
 * PostgreSQL compresses a value that size on every write: with the default pglz that compression
 * was a large share of the database CPU of the ingest hot path (the cases upsert is the heaviest
 * statement of a projection job). lz4 compresses several times faster for the same reads.
 * PostgreSQL builds without lz4 (PGlite, the embedded mode's engine) keep pglz: the change is
 * skipped there, nothing else depends on it.
 */
export class CaseClocksLz41764960000000 implements MigrationInterface {
  name = 'CaseClocksLz41764960000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DO $$ BEGIN
         ALTER TABLE "cases" ALTER COLUMN "clocks" SET COMPRESSION lz4;
       EXCEPTION WHEN feature_not_supported THEN
         RAISE NOTICE 'lz4 not available in this build: cases.clocks keeps the default compression';
       END $$`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" ALTER COLUMN "clocks" SET COMPRESSION default`);
  }
}
