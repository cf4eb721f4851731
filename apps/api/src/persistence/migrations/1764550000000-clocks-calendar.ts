import { MigrationInterface, QueryRunner } from 'typeorm';

/** Calendar years loaded at runtime; each case's clocks and the instant of its next threshold. */
export class ClocksCalendar1764550000000 implements MigrationInterface {
  name = 'ClocksCalendar1764550000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "calendar_years" ("year" integer NOT NULL, "file" jsonb NOT NULL, "published" boolean NOT NULL, "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "loaded_by" character varying(200) NOT NULL, CONSTRAINT "PK_1fed249d26e56ff06bb6dffd8d6" PRIMARY KEY ("year"))`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "clocks" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "next_check_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "clocks_provisional" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "latest_due_on" date`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "deemed_accepted_on" date`);
    await queryRunner.query(`CREATE INDEX "idx_cases_next_check" ON "cases" ("next_check_at") WHERE next_check_at IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_cases_next_check"`);
    for (const column of ['deemed_accepted_on', 'latest_due_on', 'clocks_provisional', 'next_check_at', 'clocks']) {
      await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "${column}"`);
    }
    await queryRunner.query(`DROP TABLE "calendar_years"`);
  }
}
