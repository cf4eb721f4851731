import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports and the accountability register: the daily report rollup with each case's contribution,
 * report settings, stored quarterly packs; register entries, supervision orders and complaints.
 */
export class ReportsRegister1764900000000 implements MigrationInterface {
  name = 'ReportsRegister1764900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "complaints" ("id" uuid NOT NULL, "department_code" character varying(32) NOT NULL, "case_id" character varying(64), "channel" character varying(16) NOT NULL, "complainant_name" character varying(100), "complainant_contact" character varying(100), "subject" character varying(300) NOT NULL, "content" text NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "registered_by" character varying(200) NOT NULL, "acceptance_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "state" character varying(10) NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by" character varying(200), "refusal_reason" text, "handling_due_at" TIMESTAMP WITH TIME ZONE, "answer" text, "answered_at" TIMESTAMP WITH TIME ZONE, "answered_by" character varying(200), "conclusion" text, "substantiated" boolean, "concluded_at" TIMESTAMP WITH TIME ZONE, "concluded_by" character varying(200), "acceptance_overdue_at" TIMESTAMP WITH TIME ZONE, "handling_overdue_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_4b7566a2a489c2cc7c12ed076ad" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_complaints_handling_due" ON "complaints"  ("handling_due_at") WHERE state = 'ACCEPTED' AND handling_overdue_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "idx_complaints_acceptance_due" ON "complaints"  ("acceptance_due_at") WHERE state = 'RECEIVED' AND acceptance_overdue_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "idx_complaints_department_received" ON "complaints"  ("department_code", "received_at")`);
    await queryRunner.query(`CREATE TABLE "register_entries" ("id" uuid NOT NULL, "kind" character varying(24) NOT NULL, "department_code" character varying(32) NOT NULL, "officer_id" character varying(64) NOT NULL, "officer_name" character varying(200) NOT NULL, "alert_id" uuid, "supervision_order_id" uuid, "case_id" character varying(64), "rule" character varying(40), "severity" character varying(8), "measure" character varying(32) NOT NULL, "direct_responsibility" boolean NOT NULL, "basis" text NOT NULL, "decided_on" date NOT NULL, "year" integer NOT NULL, "decided_by" character varying(200) NOT NULL, "state" character varying(16) NOT NULL, "appeal_reason" text, "appealed_at" TIMESTAMP WITH TIME ZONE, "appealed_by" character varying(200), "appeal_decision" character varying(8), "appeal_comment" text, "appeal_decided_at" TIMESTAMP WITH TIME ZONE, "appeal_decided_by" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_c1de65929d5e015b1374889485c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_register_officer_year" ON "register_entries"  ("officer_id", "year")`);
    await queryRunner.query(`CREATE INDEX "idx_register_department_decided" ON "register_entries"  ("department_code", "decided_on")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_register_fault_per_card_officer" ON "register_entries"  ("alert_id", "officer_id") WHERE kind = 'FAULT' AND state <> 'REVOKED'`);
    await queryRunner.query(`CREATE TABLE "supervision_orders" ("id" uuid NOT NULL, "department_code" character varying(32) NOT NULL, "subject" character varying(300) NOT NULL, "detail" text NOT NULL, "case_id" character varying(64), "alert_id" uuid, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "issued_by" character varying(200) NOT NULL, "due_on" date NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "state" character varying(8) NOT NULL, "reply" text, "replied_at" TIMESTAMP WITH TIME ZONE, "replied_by" character varying(200), "closed_at" TIMESTAMP WITH TIME ZONE, "closed_by" character varying(200), "close_comment" text, "overdue_flagged_at" TIMESTAMP WITH TIME ZONE, "overdue_alert_id" uuid, CONSTRAINT "PK_22cfe4a2099f6295b191f7a2d12" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_supervision_orders_unflagged_due" ON "supervision_orders"  ("due_at") WHERE state = 'ISSUED' AND overdue_flagged_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "idx_supervision_orders_department_issued" ON "supervision_orders"  ("department_code", "issued_at")`);
    await queryRunner.query(`CREATE TABLE "quarterly_reports" ("quarter" character varying(6) NOT NULL, "status" character varying(8) NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "requested_by" character varying(200) NOT NULL, "generated_at" TIMESTAMP WITH TIME ZONE, "generation_count" integer NOT NULL DEFAULT '0', "trigger" character varying(16) NOT NULL, "content" jsonb, CONSTRAINT "PK_763ba6812a1ddd19d247012c212" PRIMARY KEY ("quarter"))`);
    await queryRunner.query(`CREATE TABLE "report_case_facts" ("department_code" character varying(32) NOT NULL, "case_id" character varying(64) NOT NULL, "contributions" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_10e244baf7f2bd4972f2442170d" PRIMARY KEY ("department_code", "case_id"))`);
    await queryRunner.query(`CREATE TABLE "report_daily_rollups" ("department_code" character varying(32) NOT NULL, "day" date NOT NULL, "accepted" integer NOT NULL DEFAULT '0', "accepted_immediate" integer NOT NULL DEFAULT '0', "completed" integer NOT NULL DEFAULT '0', "completed_on_time" integer NOT NULL DEFAULT '0', "completed_early" integer NOT NULL DEFAULT '0', "completed_promised_late" integer NOT NULL DEFAULT '0', "completed_statutory_late" integer NOT NULL DEFAULT '0', "used_working_days" integer NOT NULL DEFAULT '0', "promised_limit_days" integer NOT NULL DEFAULT '0', "promised_limit_cases" integer NOT NULL DEFAULT '0', "statutory_limit_days" integer NOT NULL DEFAULT '0', "terminated" integer NOT NULL DEFAULT '0', "promised_overdue_open_delta" integer NOT NULL DEFAULT '0', "statutory_overdue_open_delta" integer NOT NULL DEFAULT '0', "submissions" integer NOT NULL DEFAULT '0', "suspensions" integer NOT NULL DEFAULT '0', "corrections" integer NOT NULL DEFAULT '0', "events" integer NOT NULL DEFAULT '0', "events_late" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_4a2aad09d069d4363f7b2c8aa28" PRIMARY KEY ("department_code", "day"))`);
    await queryRunner.query(`CREATE TABLE "report_settings" ("id" integer NOT NULL, "settings" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" character varying(200) NOT NULL, CONSTRAINT "PK_cef917acac0f6f539796737ecbb" PRIMARY KEY ("id"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "report_settings"`);
    await queryRunner.query(`DROP TABLE "report_daily_rollups"`);
    await queryRunner.query(`DROP TABLE "report_case_facts"`);
    await queryRunner.query(`DROP TABLE "quarterly_reports"`);
    await queryRunner.query(`DROP TABLE "supervision_orders"`);
    await queryRunner.query(`DROP TABLE "register_entries"`);
    await queryRunner.query(`DROP TABLE "complaints"`);
  }
}
