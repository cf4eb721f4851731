import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A supervisor's answer to an appeal on a card: the card is maintained or revoked, with a written
 * reply, who and when. Cards whose appeal was upheld before this existed were stored DISMISSED;
 * they are revoked cards, so they move to REVOKED (reports count revoked cards apart).
 */
export class CardAppealDecisions1765000000000 implements MigrationInterface {
  name = 'CardAppealDecisions1765000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "alerts" ADD "appeal_decision" character varying(16)`);
    await queryRunner.query(`ALTER TABLE "alerts" ADD "appeal_reply" text`);
    await queryRunner.query(`ALTER TABLE "alerts" ADD "appeal_decided_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "alerts" ADD "appeal_decided_by" character varying(200)`);
    await queryRunner.query(
      `UPDATE alerts a SET state = 'REVOKED', appeal_decision = 'REVOKED', appeal_reply = t.comment, appeal_decided_at = t.at, appeal_decided_by = t.actor
         FROM alert_transitions t WHERE t.alert_id = a.id AND t.action = 'UPHOLD-APPEAL' AND a.state = 'DISMISSED'`,
    );
    await queryRunner.query(
      `UPDATE alerts a SET appeal_decision = 'MAINTAINED', appeal_reply = t.comment, appeal_decided_at = t.at, appeal_decided_by = t.actor
         FROM alert_transitions t WHERE t.alert_id = a.id AND t.action = 'REJECT-APPEAL'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE alerts SET state = 'DISMISSED' WHERE state = 'REVOKED'`);
    await queryRunner.query(`ALTER TABLE "alerts" DROP COLUMN "appeal_decided_by"`);
    await queryRunner.query(`ALTER TABLE "alerts" DROP COLUMN "appeal_decided_at"`);
    await queryRunner.query(`ALTER TABLE "alerts" DROP COLUMN "appeal_reply"`);
    await queryRunner.query(`ALTER TABLE "alerts" DROP COLUMN "appeal_decision"`);
  }
}
