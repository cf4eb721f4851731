import { MigrationInterface, QueryRunner } from 'typeorm';

/** The quarterly joint meeting (联席会议) with its resolutions, and the county reports to the city with their settings. */
export class JointMeetingsCountyReports1765100300000 implements MigrationInterface {
  name = 'JointMeetingsCountyReports1765100300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "county_reports" ("id" uuid NOT NULL, "region_code" character varying(64) NOT NULL, "period" character varying(8) NOT NULL, "state" character varying(16) NOT NULL, "due_on" date NOT NULL, "figures" jsonb NOT NULL, "narrative" text NOT NULL, "guidance" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" character varying(200) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE, "submitted_by" character varying(200), "acknowledged_at" TIMESTAMP WITH TIME ZONE, "acknowledged_by" character varying(200), CONSTRAINT "PK_7f5fe2d1cdd07f7aa139105855f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_county_reports_period" ON "county_reports"  ("period")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_county_reports_region_period" ON "county_reports"  ("region_code", "period")`);
    await queryRunner.query(`CREATE TABLE "county_report_settings" ("id" smallint NOT NULL, "due_days_after_period_end" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" character varying(200) NOT NULL, CONSTRAINT "PK_c2cd826bc1c1cc84b4aa7517d5d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "joint_meetings" ("id" uuid NOT NULL, "quarter" character varying(8) NOT NULL, "held_on" date NOT NULL, "attendees" jsonb NOT NULL, "notes" text, "agenda" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" character varying(200) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_bee77944b3cb4845ad6c06c2e01" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_joint_meetings_quarter" ON "joint_meetings"  ("quarter")`);
    await queryRunner.query(`CREATE TABLE "meeting_resolutions" ("id" uuid NOT NULL, "meeting_id" uuid NOT NULL, "seq" integer NOT NULL, "text" text NOT NULL, "owner_code" character varying(64) NOT NULL, "owner_name" character varying(200) NOT NULL, "department_code" character varying(32), "due_on" date NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "state" character varying(8) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" character varying(200) NOT NULL, "done_at" TIMESTAMP WITH TIME ZONE, "done_by" character varying(200), "done_note" text, "overdue_flagged_at" TIMESTAMP WITH TIME ZONE, "overdue_alert_id" uuid, CONSTRAINT "PK_75d91c6215252fc381897b84288" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_meeting_resolutions_unflagged_due" ON "meeting_resolutions"  ("due_at") WHERE state = 'OPEN' AND overdue_flagged_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "idx_meeting_resolutions_meeting" ON "meeting_resolutions"  ("meeting_id", "seq")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "meeting_resolutions"`);
    await queryRunner.query(`DROP TABLE "joint_meetings"`);
    await queryRunner.query(`DROP TABLE "county_report_settings"`);
    await queryRunner.query(`DROP TABLE "county_reports"`);
  }
}
