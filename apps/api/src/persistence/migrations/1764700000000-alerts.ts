import { MigrationInterface, QueryRunner } from 'typeorm';

/** Cards with their transitions, the outbox, department feed liveness (and its index) and centre rule settings. */
export class Alerts1764700000000 implements MigrationInterface {
  name = 'Alerts1764700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "idx_ingest_batches_department_received" ON "ingest_batches" ("department_code", "received_at") `);
    await queryRunner.query(`CREATE TABLE "alert_transitions" ("id" BIGSERIAL NOT NULL, "alert_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor" character varying(200) NOT NULL, "action" character varying(32) NOT NULL, "from_state" character varying(16), "to_state" character varying(16) NOT NULL, "from_level" character varying(8), "to_level" character varying(8) NOT NULL, "comment" text, CONSTRAINT "PK_eea28c7718b1c6d33738ff42abd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_alert_transitions_alert" ON "alert_transitions"  ("alert_id", "id") `);
    await queryRunner.query(`CREATE TABLE "alerts" ("id" uuid NOT NULL, "department_code" character varying(32) NOT NULL, "case_id" character varying(64) NOT NULL, "item_code" character varying(64), "rule" character varying(40) NOT NULL, "level" character varying(8) NOT NULL, "state" character varying(16) NOT NULL, "state_before_appeal" character varying(16), "ruleset_version" character varying(40) NOT NULL, "responsible_officer_id" character varying(64), "time_driven" boolean NOT NULL, "breached_at" TIMESTAMP WITH TIME ZONE NOT NULL, "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "supervision_due_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "close_reason" character varying(200), "evidence" jsonb NOT NULL, "summary" jsonb NOT NULL, CONSTRAINT "PK_60f895662df096bfcdfab7f4b96" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_alerts_supervision_due" ON "alerts"  ("supervision_due_at") WHERE level = 'YELLOW' AND state IN ('OPEN', 'ACKNOWLEDGED')`);
    await queryRunner.query(`CREATE INDEX "idx_alerts_department_raised" ON "alerts"  ("department_code", "raised_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_alerts_active" ON "alerts"  ("department_code", "case_id", "rule") WHERE state IN ('OPEN', 'ACKNOWLEDGED', 'RECTIFIED', 'APPEALED')`);
    await queryRunner.query(`CREATE TABLE "department_feeds" ("department_code" character varying(32) NOT NULL, "last_received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "silent_since" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_17bcabe216dc46a12bd8f91967e" PRIMARY KEY ("department_code"))`);
    await queryRunner.query(`CREATE TABLE "outbox" ("id" BIGSERIAL NOT NULL, "topic" character varying(64) NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_outbox_unpublished" ON "outbox"  ("id") WHERE published_at IS NULL`);
    await queryRunner.query(`CREATE TABLE "rule_settings" ("id" integer NOT NULL, "overrides" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" character varying(200) NOT NULL, CONSTRAINT "PK_17a06d9dcaf245ab990aaee3ccd" PRIMARY KEY ("id"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_ingest_batches_department_received"`);
    await queryRunner.query(`DROP TABLE "rule_settings"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
    await queryRunner.query(`DROP TABLE "department_feeds"`);
    await queryRunner.query(`DROP TABLE "alerts"`);
    await queryRunner.query(`DROP TABLE "alert_transitions"`);
  }
}
