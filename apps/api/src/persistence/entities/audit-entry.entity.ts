import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The audit log: append-only and hash-chained (audit/audit-chain.ts). The database refuses UPDATE,
 * DELETE and TRUNCATE and accepts only a row that extends the head (triggers in the migration).
 * before/after hold the canonical JSON text that was hashed, so verification re-hashes exactly it.
 */
@Entity('audit_log')
@Index('idx_audit_log_target', ['target', 'seq'])
@Index('idx_audit_log_action', ['action', 'seq'])
export class AuditEntryEntity {
  /** 1, 2, 3, … without gaps: a missing row shows as a gap as well as a broken link. */
  @PrimaryColumn({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  /** The principal kind (a user's role at the time), or `system`. */
  @Column({ name: 'actor_kind', type: 'varchar', length: 32 })
  actorKind!: string;

  @Column({ name: 'actor_id', type: 'varchar', length: 200 })
  actorId!: string;

  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ type: 'varchar', length: 300 })
  target!: string;

  @Column({ type: 'text', nullable: true })
  before!: string | null;

  @Column({ type: 'text', nullable: true })
  after!: string | null;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;
}
