import { MigrationInterface, QueryRunner } from 'typeorm';

/** Alert notifications: channels, one notification per card level change, deliveries with their attempts, digest days. */
export class Notifications1764800000000 implements MigrationInterface {
  name = 'Notifications1764800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notification_attempts" ("id" BIGSERIAL NOT NULL, "delivery_id" uuid NOT NULL, "attempt" integer NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "channel" character varying(16) NOT NULL, "target_label" character varying(300) NOT NULL, "status" character varying(8) NOT NULL, "http_status" integer, "error" character varying(500), "duration_ms" integer NOT NULL, CONSTRAINT "PK_f6abd34f351bbbf11c7ae8e7565" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_notification_attempts_delivery" ON "notification_attempts"  ("delivery_id", "id") `);
    await queryRunner.query(`CREATE TABLE "notification_channels" ("id" uuid NOT NULL, "owner" character varying(80) NOT NULL, "position" integer NOT NULL, "type" character varying(16) NOT NULL, "target" character varying(2000) NOT NULL, "secret" character varying(256), "levels" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" character varying(200) NOT NULL, CONSTRAINT "PK_3bc0cb5b60e8659f5fc859b2af0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_notification_channels_owner" ON "notification_channels"  ("owner", "position") `);
    await queryRunner.query(`CREATE TABLE "notification_deliveries" ("id" uuid NOT NULL, "notification_id" uuid, "alert_id" uuid, "department_code" character varying(32), "kind" character varying(16) NOT NULL, "step" integer NOT NULL, "channel" character varying(16) NOT NULL, "recipient" character varying(200) NOT NULL, "target" character varying(2000) NOT NULL, "secret" character varying(256), "target_label" character varying(300) NOT NULL, "target_key" character varying(64) NOT NULL, "with_ack_link" boolean NOT NULL, "status" character varying(12) NOT NULL, "attempts" integer NOT NULL, "claims" integer NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "lease_until" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "last_error" character varying(500), "dedupe_key" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_81daeff81f237bd384f7cfc4a4c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_notification_deliveries_dedupe" ON "notification_deliveries"  ("dedupe_key") WHERE dedupe_key IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "idx_notification_deliveries_status" ON "notification_deliveries"  ("status", "updated_at") `);
    await queryRunner.query(`CREATE INDEX "idx_notification_deliveries_inbox" ON "notification_deliveries"  ("recipient", "due_at") WHERE channel = 'inapp'`);
    await queryRunner.query(`CREATE INDEX "idx_notification_deliveries_busy_target" ON "notification_deliveries"  ("target_key") WHERE status IN ('QUEUED', 'SENDING', 'RETRY')`);
    await queryRunner.query(`CREATE INDEX "idx_notification_deliveries_due" ON "notification_deliveries"  ("due_at") WHERE status IN ('PENDING', 'RETRY')`);
    await queryRunner.query(`CREATE TABLE "notification_digest_days" ("day" character varying(10) NOT NULL, "planned_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_8acac8bb15b00bfb04915bd1cf8" PRIMARY KEY ("day"))`);
    await queryRunner.query(`CREATE TABLE "notifications" ("id" uuid NOT NULL, "alert_id" uuid NOT NULL, "level" character varying(8) NOT NULL, "department_code" character varying(32) NOT NULL, "reason" character varying(16) NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "escalation_step" integer NOT NULL, "next_escalation_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_notifications_escalation_due" ON "notifications"  ("next_escalation_at") WHERE next_escalation_at IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_notifications_alert_level" ON "notifications"  ("alert_id", "level") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP TABLE "notification_digest_days"`);
    await queryRunner.query(`DROP TABLE "notification_deliveries"`);
    await queryRunner.query(`DROP TABLE "notification_channels"`);
    await queryRunner.query(`DROP TABLE "notification_attempts"`);
  }
}
