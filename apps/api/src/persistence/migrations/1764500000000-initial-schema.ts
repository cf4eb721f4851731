import { MigrationInterface, QueryRunner } from 'typeorm';

/** Catalogue, department keys, the event log, ingest batches and projected cases. */
export class InitialSchema1764500000000 implements MigrationInterface {
  name = 'InitialSchema1764500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "case_events" ("id" BIGSERIAL NOT NULL, "department_code" character varying(32) NOT NULL, "event_id" character varying(64) NOT NULL, "case_id" character varying(64) NOT NULL, "item_code" character varying(64) NOT NULL, "type" character varying(32) NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "occurred_at_text" character varying(40) NOT NULL, "seq" integer, "officer_id" character varying(64), "data" jsonb NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "content_hash" character(64) NOT NULL, "batch_id" uuid NOT NULL, CONSTRAINT "PK_61f203ee26b76c6438bbcc7bde6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_case_events_batch" ON "case_events"  ("batch_id") `);
    await queryRunner.query(`CREATE INDEX "idx_case_events_case" ON "case_events"  ("department_code", "case_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_case_events_department_event" ON "case_events"  ("department_code", "event_id") `);
    await queryRunner.query(`CREATE TABLE "cases" ("department_code" character varying(32) NOT NULL, "case_id" character varying(64) NOT NULL, "item_code" character varying(64) NOT NULL, "status" character varying(32) NOT NULL, "is_open" boolean NOT NULL, "unknown_item" boolean NOT NULL, "current_step" character varying(64), "responsible_officer_id" character varying(64), "submitted_at" TIMESTAMP WITH TIME ZONE, "accepted_at" TIMESTAMP WITH TIME ZONE, "decided_at" TIMESTAMP WITH TIME ZONE, "outcome" character varying(16), "certificate_issued_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "suspended" boolean NOT NULL, "event_count" integer NOT NULL, "first_occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "anomalies" jsonb NOT NULL, "projected_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_8fdbc4e900f453acb99636e7eb3" PRIMARY KEY ("department_code", "case_id"))`);
    await queryRunner.query(`CREATE INDEX "idx_cases_item" ON "cases"  ("item_code") `);
    await queryRunner.query(`CREATE INDEX "idx_cases_department_status" ON "cases"  ("department_code", "status") `);
    await queryRunner.query(`CREATE TABLE "department_keys" ("id" character varying(32) NOT NULL, "department_code" character varying(32) NOT NULL, "key_hash" character(64) NOT NULL, "label" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_c87284c3a0c732030d6b6b2ecdd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_department_keys_department" ON "department_keys"  ("department_code") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_department_keys_hash" ON "department_keys"  ("key_hash") `);
    await queryRunner.query(`CREATE TABLE "departments" ("code" character varying(32) NOT NULL, "name" character varying(200) NOT NULL, "region_code" character varying(64), "contact" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_91fddbe23e927e1e525c152baa3" PRIMARY KEY ("code"))`);
    await queryRunner.query(`CREATE TABLE "ingest_batches" ("id" uuid NOT NULL, "department_code" character varying(32) NOT NULL, "event_count" integer NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "projected_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_184779a7b0f00cff933f3121f38" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_ingest_batches_unprojected" ON "ingest_batches"  ("received_at") WHERE projected_at IS NULL`);
    await queryRunner.query(`CREATE TABLE "items" ("code" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "department_code" character varying(32) NOT NULL, "kind" character varying(16) NOT NULL, "statutory_days" integer NOT NULL, "promised_days" integer NOT NULL, "steps" jsonb NOT NULL, "fee_fen" bigint NOT NULL, "required_documents" jsonb NOT NULL, "thresholds" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1b0a705ce0dc5430c020a0ec31f" PRIMARY KEY ("code"))`);
    await queryRunner.query(`CREATE INDEX "idx_items_department" ON "items"  ("department_code") `);
    await queryRunner.query(`CREATE TABLE "officers" ("id" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "department_code" character varying(32) NOT NULL, "supervisor_id" character varying(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_51b2f6e36c3acee541c66bf4047" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_officers_department" ON "officers"  ("department_code") `);
    await queryRunner.query(`CREATE TABLE "regions" ("code" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "parent_code" character varying(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4f6dc5a464961e7c65a395ea4c6" PRIMARY KEY ("code"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "regions"`);
    await queryRunner.query(`DROP TABLE "officers"`);
    await queryRunner.query(`DROP TABLE "items"`);
    await queryRunner.query(`DROP TABLE "ingest_batches"`);
    await queryRunner.query(`DROP TABLE "departments"`);
    await queryRunner.query(`DROP TABLE "department_keys"`);
    await queryRunner.query(`DROP TABLE "cases"`);
    await queryRunner.query(`DROP TABLE "case_events"`);
  }
}
