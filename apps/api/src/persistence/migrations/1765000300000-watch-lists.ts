import { MigrationInterface, QueryRunner } from 'typeorm';

/** Watch-lists (跟踪) of cases, personal or shared within the owner's scope, and their cases. */
export class WatchLists1765000300000 implements MigrationInterface {
  name = 'WatchLists1765000300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "watch_lists" ("id" uuid NOT NULL, "name" character varying(100) NOT NULL, "owner" character varying(200) NOT NULL, "shared" boolean NOT NULL, "scope_departments" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_13187320a8e7500e63da8c5888d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_watch_lists_owner" ON "watch_lists"  ("owner") `);
    await queryRunner.query(`CREATE TABLE "watch_list_cases" ("list_id" uuid NOT NULL, "department_code" character varying(32) NOT NULL, "case_id" character varying(64) NOT NULL, "note" text, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL, "added_by" character varying(200) NOT NULL, CONSTRAINT "PK_c35d05dc638a51c09a03676a0b3" PRIMARY KEY ("list_id", "department_code", "case_id"))`);
    await queryRunner.query(`CREATE INDEX "idx_watch_list_cases_case" ON "watch_list_cases"  ("department_code", "case_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "watch_list_cases"`);
    await queryRunner.query(`DROP TABLE "watch_lists"`);
  }
}
