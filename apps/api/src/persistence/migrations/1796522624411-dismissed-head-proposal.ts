import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A head-accountability proposal of a department with no recorded head names no officer. Dismissing
 * it (kept, DISMISSED, counting for nothing) must not need one: the check allowed a missing officer
 * only while PROPOSED, so the dismissal failed with a 500 (found by the access matrix, issue 17.6).
 */
export class DismissedHeadProposal1796522624411 implements MigrationInterface {
  name = 'DismissedHeadProposal1796522624411';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "register_entries" DROP CONSTRAINT "chk_register_subject"`);
    await queryRunner.query(
      `ALTER TABLE "register_entries" ADD CONSTRAINT "chk_register_subject" CHECK ((subject_kind = 'DEPARTMENT' AND officer_id IS NULL) OR (subject_kind = 'OFFICER' AND (officer_id IS NOT NULL OR state IN ('PROPOSED', 'DISMISSED'))))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "register_entries" DROP CONSTRAINT "chk_register_subject"`);
    await queryRunner.query(
      `ALTER TABLE "register_entries" ADD CONSTRAINT "chk_register_subject" CHECK ((subject_kind = 'DEPARTMENT' AND officer_id IS NULL) OR (subject_kind = 'OFFICER' AND (officer_id IS NOT NULL OR state = 'PROPOSED')))`,
    );
  }
}
