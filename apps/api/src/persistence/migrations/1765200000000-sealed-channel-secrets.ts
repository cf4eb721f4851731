import { MigrationInterface, QueryRunner } from 'typeorm';

/** Room for a sealed secret (AES-256-GCM of up to 256 characters, base64url, with its key's fingerprint). */
export class SealedChannelSecrets1765200000000 implements MigrationInterface {
  name = 'SealedChannelSecrets1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_channels" ALTER COLUMN "secret" TYPE character varying(512)`);
    await queryRunner.query(`ALTER TABLE "notification_deliveries" ALTER COLUMN "secret" TYPE character varying(512)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_deliveries" ALTER COLUMN "secret" TYPE character varying(256)`);
    await queryRunner.query(`ALTER TABLE "notification_channels" ALTER COLUMN "secret" TYPE character varying(256)`);
  }
}
