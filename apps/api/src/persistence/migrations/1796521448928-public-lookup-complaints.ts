import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 19: query codes (hashed only) for the public progress lookup; public complaints' receipts; departments' complaint channels. */
export class PublicLookupComplaints1796521448928 implements MigrationInterface {
  name = 'PublicLookupComplaints1796521448928';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_query_codes" ("department_code" character varying(32) NOT NULL, "case_id" character varying(64) NOT NULL, "salt" bytea NOT NULL, "code_hash" bytea NOT NULL, "set_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_5cd83a01ca7422b478a4c9b6fb7" PRIMARY KEY ("department_code", "case_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "public_complaint_receipts" ("challenge_id" character varying(64) NOT NULL, "fingerprint" character varying(64) NOT NULL, "complaint_id" uuid NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_d1f023074594a18ecd059afd59b" PRIMARY KEY ("challenge_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_public_complaint_receipts_fingerprint" ON "public_complaint_receipts" ("fingerprint", "received_at")`);
    await queryRunner.query(`ALTER TABLE "departments" ADD "public_complaints" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "departments" DROP COLUMN "public_complaints"`);
    await queryRunner.query(`DROP TABLE "public_complaint_receipts"`);
    await queryRunner.query(`DROP TABLE "case_query_codes"`);
  }
}
