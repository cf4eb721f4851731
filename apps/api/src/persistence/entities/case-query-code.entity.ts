import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A case's query code (查询码) for the public progress lookup, as a salted HMAC only: the code itself
 * is never stored (ingest strips it from the event). One per case; the latest event that carried one wins.
 */
@Entity('case_query_codes')
export class CaseQueryCodeEntity {
  @PrimaryColumn({ name: 'department_code', type: 'varchar', length: 32 })
  departmentCode!: string;

  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 64 })
  caseId!: string;

  @Column({ type: 'bytea' })
  salt!: Buffer;

  @Column({ name: 'code_hash', type: 'bytea' })
  codeHash!: Buffer;

  /** occurredAt of the event that carried the code: an older event delivered late does not replace a newer code. */
  @Column({ name: 'set_at', type: 'timestamptz' })
  setAt!: Date;
}
