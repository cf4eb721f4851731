import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Clues (线索), the bodies they come from and go to, the reports bodies copy to the supervision body,
 * the deliveries (反馈 / 抄送 / 移送), and the body a body_liaison user answers for.
 */
export class CluesBodies1765100200000 implements MigrationInterface {
  name = 'CluesBodies1765100200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "accountability_bodies" ("code" character varying(32) NOT NULL, "name" character varying(200) NOT NULL, "kind" character varying(16) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_053d73984a6c55d877dc7730cf3" PRIMARY KEY ("code"))`);
    await queryRunner.query(`CREATE TABLE "body_reports" ("id" uuid NOT NULL, "body_code" character varying(32) NOT NULL, "kind" character varying(40) NOT NULL, "reference_no" character varying(100) NOT NULL, "title" character varying(300) NOT NULL, "issued_on" date NOT NULL, "summary" text NOT NULL, "department_codes" jsonb NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "registered_by" character varying(200) NOT NULL, CONSTRAINT "PK_71ff88f5c273146a5b19e8e8fb1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_body_reports_body_issued" ON "body_reports"  ("body_code", "issued_on") `);
    await queryRunner.query(`CREATE TABLE "clue_deliveries" ("id" uuid NOT NULL, "clue_id" uuid NOT NULL, "body_code" character varying(32) NOT NULL, "kind" character varying(16) NOT NULL, "content_summary" text NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_by" character varying(200) NOT NULL, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "acknowledged_by" character varying(200), "reply" text, CONSTRAINT "PK_44da4885080aa3432f93787b8cb" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_clue_deliveries_clue" ON "clue_deliveries"  ("clue_id") `);
    await queryRunner.query(`CREATE INDEX "idx_clue_deliveries_body_sent" ON "clue_deliveries"  ("body_code", "sent_at") `);
    await queryRunner.query(`CREATE TABLE "clues" ("id" uuid NOT NULL, "channel" character varying(32) NOT NULL, "subject" character varying(300) NOT NULL, "detail" text NOT NULL, "source_body_code" character varying(32), "body_report_id" uuid, "source_reference_no" character varying(100) NOT NULL, "source_title" character varying(300) NOT NULL, "source_date" date NOT NULL, "source_text" text, "source_file_ref" character varying(500), "department_codes" jsonb NOT NULL, "officer_ids" jsonb NOT NULL, "case_refs" jsonb NOT NULL, "alert_ids" jsonb NOT NULL, "complaint_id" uuid, "state" character varying(16) NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "registered_by" character varying(200) NOT NULL, "assignee" character varying(64), "assigned_at" TIMESTAMP WITH TIME ZONE, "assigned_by" character varying(200), "due_on" date, "due_at" TIMESTAMP WITH TIME ZONE, "outcome" character varying(16), "conclusion" text, "concluded_at" TIMESTAMP WITH TIME ZONE, "concluded_by" character varying(200), "referred_to_body_code" character varying(32), "register_entry_id" uuid, "overdue_flagged_at" TIMESTAMP WITH TIME ZONE, "overdue_alert_id" uuid, CONSTRAINT "PK_1e710973f491f1bf6ac448a600e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_clues_unflagged_due" ON "clues"  ("due_at") WHERE state = 'INVESTIGATING' AND overdue_flagged_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "idx_clues_registered" ON "clues"  ("registered_at") `);
    await queryRunner.query(`ALTER TABLE "users" ADD "body_code" character varying(32)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "body_code"`);
    await queryRunner.query(`DROP TABLE "clues"`);
    await queryRunner.query(`DROP TABLE "clue_deliveries"`);
    await queryRunner.query(`DROP TABLE "body_reports"`);
    await queryRunner.query(`DROP TABLE "accountability_bodies"`);
  }
}
