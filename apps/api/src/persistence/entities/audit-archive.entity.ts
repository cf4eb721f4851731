import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One archive file of audit rows moved out of audit_log (operations/audit-archive.service.ts).
 * Append-only, and each row continues the previous one (triggers in the migration): the archived
 * head (last_seq, last_hash) is where the chain remaining in audit_log continues from.
 */
@Entity('audit_archive')
@Check('CHK_audit_archive_range', `"last_seq" >= "first_seq" AND "rows" = "last_seq" - "first_seq" + 1`)
export class AuditArchiveEntity {
  @PrimaryColumn({ name: 'first_seq', type: 'bigint', primaryKeyConstraintName: 'PK_audit_archive' })
  firstSeq!: string;

  @Column({ name: 'last_seq', type: 'bigint' })
  lastSeq!: string;

  @Column({ type: 'integer' })
  rows!: number;

  /** The hash the first archived row links to: the previous archive's last hash, or the genesis. */
  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash!: string;

  @Column({ name: 'last_hash', type: 'char', length: 64 })
  lastHash!: string;

  /** Every archived row is older than this (now − RETENTION_AUDIT_DAYS at the time). */
  @Column({ name: 'older_than', type: 'timestamptz' })
  olderThan!: Date;

  @Column({ name: 'archived_at', type: 'timestamptz', default: () => 'now()' })
  archivedAt!: Date;

  /** The file's absolute path when written. */
  @Column({ type: 'varchar', length: 500 })
  file!: string;

  @Column({ name: 'file_sha256', type: 'char', length: 64 })
  fileSha256!: string;
}
