import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users, wall-screen tokens and the audit log. The audit log is append-only in the database
 * itself: UPDATE, DELETE and TRUNCATE are refused by triggers, and an INSERT must extend the
 * chain head (next seq, previous row's hash) — a forked or out-of-order append is refused even
 * if application code were wrong. Content hashes are checked by the verifier (audit-chain.ts).
 */
export class IdentityAudit1764600000000 implements MigrationInterface {
  name = 'IdentityAudit1764600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "users" ("username" character varying(64) NOT NULL, "password_hash" character varying(100) NOT NULL, "role" character varying(32) NOT NULL, "display_name" character varying(200), "department_code" character varying(32), "region_code" character varying(64), "officer_id" character varying(64), "token_version" integer NOT NULL, "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fe0bb3f6520ee0469504521e710" PRIMARY KEY ("username"))`);
    await queryRunner.query(`CREATE TABLE "display_tokens" ("id" character varying(32) NOT NULL, "name" character varying(200) NOT NULL, "token_hash" character(64) NOT NULL, "region_code" character varying(64), "department_code" character varying(32), "created_by" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_72610231546d0d012e36c11faa1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_display_tokens_hash" ON "display_tokens"  ("token_hash") `);
    await queryRunner.query(`CREATE TABLE "audit_log" ("seq" bigint NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_kind" character varying(32) NOT NULL, "actor_id" character varying(200) NOT NULL, "action" character varying(64) NOT NULL, "target" character varying(300) NOT NULL, "before" text, "after" text, "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "PK_ce5b9b7d945cab0a6c604bafd9e" PRIMARY KEY ("seq"))`);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_action" ON "audit_log"  ("action", "seq") `);
    await queryRunner.query(`CREATE INDEX "idx_audit_log_target" ON "audit_log"  ("target", "seq") `);

    await queryRunner.query(`CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await queryRunner.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);
    await queryRunner.query(`CREATE FUNCTION audit_log_extend_head() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE head_seq bigint; head_hash char(64);
      BEGIN
        SELECT seq, hash INTO head_seq, head_hash FROM audit_log ORDER BY seq DESC LIMIT 1;
        IF head_seq IS NULL THEN
          IF NEW.seq <> 1 OR NEW.prev_hash <> repeat('0', 64) THEN
            RAISE EXCEPTION 'audit_log: the first row must be seq 1 after the genesis hash' USING ERRCODE = 'integrity_constraint_violation';
          END IF;
        ELSIF NEW.seq <> head_seq + 1 OR NEW.prev_hash <> head_hash THEN
          RAISE EXCEPTION 'audit_log: row % does not extend the head (row %)', NEW.seq, head_seq USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER audit_log_append_at_head BEFORE INSERT ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_extend_head()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`DROP FUNCTION audit_log_extend_head()`);
    await queryRunner.query(`DROP FUNCTION audit_log_refuse_change()`);
    await queryRunner.query(`DROP TABLE "display_tokens"`);
    await queryRunner.query(`DROP TABLE "users"`);
  }
}
