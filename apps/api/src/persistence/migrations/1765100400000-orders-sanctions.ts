import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Orders of kinds and sanctions on departments (issue 15, items 4–5):
 * - supervision orders get a kind (existing rows: SUPERVISION, 督办), a review decision's reference
 *   (限期履行 of 行政复议决定), the centre's verification of the reply, the order re-issued in their
 *   place and the head-accountability proposal raised by their escalation; `state` widens to hold
 *   NOT_CARRIED_OUT;
 * - register entries may concern a department (`subject_kind`; officer columns become nullable),
 *   carry an amount for funds gained in breach of discipline, and a head-accountability proposal
 *   keeps who decided it. Only columns are added (other branches add theirs beside them).
 */
export class OrdersSanctions1765100400000 implements MigrationInterface {
  name = 'OrdersSanctions1765100400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "supervision_orders" ALTER COLUMN "state" TYPE varchar(16)`);
    await queryRunner.query(`ALTER TABLE "supervision_orders" ADD "kind" varchar(16) NOT NULL DEFAULT 'SUPERVISION'`);
    await queryRunner.query(`ALTER TABLE "supervision_orders" ADD "review_decision_ref" varchar(100)`);
    await queryRunner.query(`ALTER TABLE "supervision_orders" ADD "previous_order_id" uuid`);
    await queryRunner.query(`ALTER TABLE "supervision_orders" ADD "reissued_order_id" uuid`);
    await queryRunner.query(`ALTER TABLE "supervision_orders" ADD "verification" varchar(16)`);
    await queryRunner.query(`ALTER TABLE "supervision_orders" ADD "verification_comment" text`);
    await queryRunner.query(`ALTER TABLE "supervision_orders" ADD "verified_at" timestamptz`);
    await queryRunner.query(`ALTER TABLE "supervision_orders" ADD "verified_by" varchar(200)`);
    await queryRunner.query(`ALTER TABLE "supervision_orders" ADD "escalated_at" timestamptz`);
    await queryRunner.query(`ALTER TABLE "supervision_orders" ADD "escalated_by" varchar(200)`);
    await queryRunner.query(`ALTER TABLE "supervision_orders" ADD "head_proposal_id" uuid`);
    await queryRunner.query(`CREATE INDEX "idx_supervision_orders_previous" ON "supervision_orders" ("previous_order_id") WHERE previous_order_id IS NOT NULL`);

    await queryRunner.query(`ALTER TABLE "register_entries" ADD "subject_kind" varchar(12) NOT NULL DEFAULT 'OFFICER'`);
    await queryRunner.query(`ALTER TABLE "register_entries" ALTER COLUMN "officer_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "register_entries" ALTER COLUMN "officer_name" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "register_entries" ADD "amount" numeric(14,2)`);
    await queryRunner.query(`ALTER TABLE "register_entries" ADD "proposal_decided_at" timestamptz`);
    await queryRunner.query(`ALTER TABLE "register_entries" ADD "proposal_decided_by" varchar(200)`);
    await queryRunner.query(`ALTER TABLE "register_entries" ADD "proposal_comment" text`);
    // An officer's record names the officer; a department's names none.
    await queryRunner.query(
      `ALTER TABLE "register_entries" ADD CONSTRAINT "chk_register_subject" CHECK ((subject_kind = 'DEPARTMENT' AND officer_id IS NULL) OR (subject_kind = 'OFFICER' AND (officer_id IS NOT NULL OR state = 'PROPOSED')))`,
    );
    // One pending proposal per order, whoever (the watcher or a supervisor) raises it.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_register_head_proposal_per_order" ON "register_entries" ("supervision_order_id") WHERE kind = 'HEAD_ACCOUNTABILITY' AND state = 'PROPOSED'`,
    );
    await queryRunner.query(`CREATE INDEX "idx_register_department_subject_decided" ON "register_entries" ("department_code", "subject_kind", "decided_on")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_register_department_subject_decided"`);
    await queryRunner.query(`DROP INDEX "uq_register_head_proposal_per_order"`);
    await queryRunner.query(`ALTER TABLE "register_entries" DROP CONSTRAINT "chk_register_subject"`);
    await queryRunner.query(`DELETE FROM register_entries WHERE subject_kind = 'DEPARTMENT' OR officer_id IS NULL`);
    for (const column of ['proposal_comment', 'proposal_decided_by', 'proposal_decided_at', 'amount', 'subject_kind']) {
      await queryRunner.query(`ALTER TABLE "register_entries" DROP COLUMN "${column}"`);
    }
    await queryRunner.query(`ALTER TABLE "register_entries" ALTER COLUMN "officer_name" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "register_entries" ALTER COLUMN "officer_id" SET NOT NULL`);
    await queryRunner.query(`DROP INDEX "idx_supervision_orders_previous"`);
    for (const column of ['head_proposal_id', 'escalated_by', 'escalated_at', 'verified_by', 'verified_at', 'verification_comment', 'verification', 'reissued_order_id', 'previous_order_id', 'review_decision_ref', 'kind']) {
      await queryRunner.query(`ALTER TABLE "supervision_orders" DROP COLUMN "${column}"`);
    }
    await queryRunner.query(`UPDATE supervision_orders SET state = 'CLOSED' WHERE state NOT IN ('ISSUED', 'REPLIED', 'CLOSED')`);
    await queryRunner.query(`ALTER TABLE "supervision_orders" ALTER COLUMN "state" TYPE varchar(8)`);
  }
}
