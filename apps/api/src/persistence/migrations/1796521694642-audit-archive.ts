import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log's archive register: one row per archive file of rows moved out of audit_log (the
 * oldest, past RETENTION_AUDIT_DAYS). The database itself now allows exactly one kind of DELETE on
 * audit_log: of a row an archive already covers (a register row committed first, or in the same
 * transaction) and older than six months (184 days, 网络安全法 art. 21) by the database's clock.
 * Updates and truncation stay refused; the register is append-only and each archive continues the
 * previous one (its first row's prev_hash is the previous archive's last hash), so the archives and
 * the remaining chain form one verifiable chain from the genesis.
 */
export class AuditArchive1796521694642 implements MigrationInterface {
  name = 'AuditArchive1796521694642';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_archive" (
      "first_seq" bigint NOT NULL, "last_seq" bigint NOT NULL, "rows" integer NOT NULL,
      "prev_hash" character(64) NOT NULL, "last_hash" character(64) NOT NULL,
      "older_than" TIMESTAMP WITH TIME ZONE NOT NULL, "archived_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "file" character varying(500) NOT NULL, "file_sha256" character(64) NOT NULL,
      CONSTRAINT "PK_audit_archive" PRIMARY KEY ("first_seq"),
      CONSTRAINT "CHK_audit_archive_range" CHECK ("last_seq" >= "first_seq" AND "rows" = "last_seq" - "first_seq" + 1))`);
    await queryRunner.query(`CREATE FUNCTION audit_archive_continue() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE last_seq_before bigint; last_hash_before char(64);
      BEGIN
        SELECT last_seq, last_hash INTO last_seq_before, last_hash_before FROM audit_archive ORDER BY last_seq DESC LIMIT 1;
        IF last_seq_before IS NULL THEN
          IF NEW.first_seq <> 1 OR NEW.prev_hash <> repeat('0', 64) THEN
            RAISE EXCEPTION 'audit_archive: the first archive must start at row 1 after the genesis hash' USING ERRCODE = 'integrity_constraint_violation';
          END IF;
        ELSIF NEW.first_seq <> last_seq_before + 1 OR NEW.prev_hash <> last_hash_before THEN
          RAISE EXCEPTION 'audit_archive: archive from row % does not continue the last archive (to row %)', NEW.first_seq, last_seq_before USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER audit_archive_continues BEFORE INSERT ON "audit_archive" FOR EACH ROW EXECUTE FUNCTION audit_archive_continue()`);
    await queryRunner.query(`CREATE TRIGGER audit_archive_no_update_delete BEFORE UPDATE OR DELETE ON "audit_archive" FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await queryRunner.query(`CREATE TRIGGER audit_archive_no_truncate BEFORE TRUNCATE ON "audit_archive" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);

    await queryRunner.query(`CREATE FUNCTION audit_log_delete_archived() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM audit_archive WHERE OLD.seq BETWEEN first_seq AND last_seq) THEN
          RAISE EXCEPTION 'audit_log is append-only: row % is in no archive, DELETE refused', OLD.seq USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.at >= now() - interval '184 days' THEN
          RAISE EXCEPTION 'audit_log: row % is younger than six months, DELETE refused', OLD.seq USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN OLD;
      END $$`);
    await queryRunner.query(`DROP TRIGGER audit_log_no_update_delete ON "audit_log"`);
    await queryRunner.query(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await queryRunner.query(`CREATE TRIGGER audit_log_delete_only_archived BEFORE DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_delete_archived()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_log_delete_only_archived ON "audit_log"`);
    await queryRunner.query(`DROP TRIGGER audit_log_no_update ON "audit_log"`);
    await queryRunner.query(`CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await queryRunner.query(`DROP FUNCTION audit_log_delete_archived()`);
    await queryRunner.query(`DROP TABLE "audit_archive"`);
    await queryRunner.query(`DROP FUNCTION audit_archive_continue()`);
  }
}
