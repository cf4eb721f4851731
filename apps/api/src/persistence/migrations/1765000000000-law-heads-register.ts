import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exact to the law and the city's opinion (ADR 9):
 * - who may approve an extension (art. 42): officers flagged as their department's head, and the
 *   government heads of a region;
 * - the register's year is the year a fault was committed: `committed_on` is filled from the card's
 *   breach day (Asia/Shanghai, never after the decision) for faults, from the decision day for other
 *   records, and `year` follows it;
 * - 告诫 is not 诫勉: the measure stored as ADMONITION on SERIOUS faults was the opinion's 告诫, and
 *   becomes CAUTION. (The audit log keeps what was written then; it is append-only.)
 */
export class LawHeadsRegister1765000000000 implements MigrationInterface {
  name = 'LawHeadsRegister1765000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "officers" ADD "is_department_head" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "regions" ADD "government_heads" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "regions" ALTER COLUMN "government_heads" DROP DEFAULT`);

    await queryRunner.query(`ALTER TABLE "register_entries" ADD "committed_on" date`);
    await queryRunner.query(
      `UPDATE register_entries r SET committed_on = LEAST(r.decided_on, ((a.breached_at AT TIME ZONE 'UTC') + interval '8 hours')::date)
         FROM alerts a WHERE a.id = r.alert_id`,
    );
    await queryRunner.query(`UPDATE register_entries SET committed_on = decided_on WHERE committed_on IS NULL`);
    await queryRunner.query(`ALTER TABLE "register_entries" ALTER COLUMN "committed_on" SET NOT NULL`);
    await queryRunner.query(`UPDATE register_entries SET year = EXTRACT(YEAR FROM committed_on)::int WHERE year <> EXTRACT(YEAR FROM committed_on)::int`);
    await queryRunner.query(`UPDATE register_entries SET measure = 'CAUTION' WHERE kind = 'FAULT' AND measure = 'ADMONITION'`);
    await queryRunner.query(`CREATE INDEX "idx_register_department_kind_year" ON "register_entries" ("department_code", "kind", "year") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_register_department_kind_year"`);
    await queryRunner.query(`UPDATE register_entries SET measure = 'ADMONITION' WHERE kind = 'FAULT' AND measure = 'CAUTION'`);
    await queryRunner.query(`UPDATE register_entries SET year = EXTRACT(YEAR FROM decided_on)::int`);
    await queryRunner.query(`ALTER TABLE "register_entries" DROP COLUMN "committed_on"`);
    await queryRunner.query(`ALTER TABLE "regions" DROP COLUMN "government_heads"`);
    await queryRunner.query(`ALTER TABLE "officers" DROP COLUMN "is_department_head"`);
  }
}
