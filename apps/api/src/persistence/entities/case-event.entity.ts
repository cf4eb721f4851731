import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The event log: every accepted fact, append-only. The hot paths write and read it with
 * multi-row SQL (see event-store.repository.ts); the entity defines the schema.
 */
@Entity('case_events')
@Index('uq_case_events_department_event', ['departmentCode', 'eventId'], { unique: true })
@Index('idx_case_events_case', ['departmentCode', 'caseId'])
@Index('idx_case_events_batch', ['batchId'])
export class CaseEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'department_code', type: 'varchar', length: 32 })
  departmentCode!: string;

  @Column({ name: 'event_id', type: 'varchar', length: 64 })
  eventId!: string;

  @Column({ name: 'case_id', type: 'varchar', length: 64 })
  caseId!: string;

  @Column({ name: 'item_code', type: 'varchar', length: 64 })
  itemCode!: string;

  @Column({ type: 'varchar', length: 32 })
  type!: string;

  /** The instant it happened in the department. */
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  /** The text as sent, offset included, so the stored fact is exactly what was received. */
  @Column({ name: 'occurred_at_text', type: 'varchar', length: 40 })
  occurredAtText!: string;

  @Column({ type: 'int', nullable: true })
  seq!: number | null;

  @Column({ name: 'officer_id', type: 'varchar', length: 64, nullable: true })
  officerId!: string | null;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  /** When the centre committed it. */
  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  /** SHA-256 of the canonical event: tells a duplicate from a conflicting reuse of an eventId. */
  @Column({ name: 'content_hash', type: 'char', length: 64 })
  contentHash!: string;

  @Column({ name: 'batch_id', type: 'uuid' })
  batchId!: string;
}
