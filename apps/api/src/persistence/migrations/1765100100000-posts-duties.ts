import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Posts and duties (岗位责任信息库): posts of departments and the officers holding them over dated
 * periods; register entries name the post answered for and the duty breached (nullable: entries
 * made before, or without a recorded post, have none).
 */
export class PostsDuties1765100100000 implements MigrationInterface {
  name = 'PostsDuties1765100100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "posts" ("id" uuid NOT NULL, "department_code" character varying(32) NOT NULL, "code" character varying(32) NOT NULL, "name" character varying(200) NOT NULL, "duties" text NOT NULL, "legal_basis" text NOT NULL, "item_codes" jsonb NOT NULL, "step_codes" jsonb NOT NULL, "is_head" boolean NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_2829ac61eff60fcec60d7274b9e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_posts_department_code" ON "posts"  ("department_code", "code") `);
    await queryRunner.query(`CREATE TABLE "post_holdings" ("id" uuid NOT NULL, "post_id" uuid NOT NULL, "department_code" character varying(32) NOT NULL, "officer_id" character varying(64) NOT NULL, "valid_from" date NOT NULL, "valid_to" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" character varying(200) NOT NULL, CONSTRAINT "PK_44af42b2a7faf8505680594c3b6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_post_holdings_officer" ON "post_holdings"  ("officer_id") `);
    await queryRunner.query(`CREATE INDEX "idx_post_holdings_post" ON "post_holdings"  ("post_id", "valid_from") `);
    await queryRunner.query(`CREATE INDEX "idx_post_holdings_department" ON "post_holdings"  ("department_code") `);
    await queryRunner.query(`ALTER TABLE "register_entries" ADD "post_code" character varying(32)`);
    await queryRunner.query(`ALTER TABLE "register_entries" ADD "post_name" character varying(200)`);
    await queryRunner.query(`ALTER TABLE "register_entries" ADD "duty_breached" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "register_entries" DROP COLUMN "duty_breached"`);
    await queryRunner.query(`ALTER TABLE "register_entries" DROP COLUMN "post_name"`);
    await queryRunner.query(`ALTER TABLE "register_entries" DROP COLUMN "post_code"`);
    await queryRunner.query(`DROP TABLE "post_holdings"`);
    await queryRunner.query(`DROP TABLE "posts"`);
  }
}
