import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ComplaintState = 'RECEIVED' | 'ACCEPTED' | 'REFUSED' | 'ANSWERED' | 'CONCLUDED';

/**
 * A public complaint about a department (optionally about one case). The department accepts or
 * refuses it within the acceptance limit (5 working days), answers an accepted one within the
 * handling limit; the centre concludes it. Each limit missed raises one card.
 */
@Entity('complaints')
@Index('idx_complaints_department_received', ['departmentCode', 'receivedAt'])
@Index('idx_complaints_acceptance_due', ['acceptanceDueAt'], { where: `state = 'RECEIVED' AND acceptance_overdue_at IS NULL` })
@Index('idx_complaints_handling_due', ['handlingDueAt'], { where: `state = 'ACCEPTED' AND handling_overdue_at IS NULL` })
export class ComplaintEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'department_code', type: 'varchar', length: 32 })
  departmentCode!: string;

  @Column({ name: 'case_id', type: 'varchar', length: 64, nullable: true })
  caseId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  channel!: string;

  @Column({ name: 'complainant_name', type: 'varchar', length: 100, nullable: true })
  complainantName!: string | null;

  @Column({ name: 'complainant_contact', type: 'varchar', length: 100, nullable: true })
  complainantContact!: string | null;

  @Column({ type: 'varchar', length: 300 })
  subject!: string;

  @Column({ type: 'text' })
  content!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'registered_by', type: 'varchar', length: 200 })
  registeredBy!: string;

  @Column({ name: 'acceptance_due_at', type: 'timestamptz' })
  acceptanceDueAt!: Date;

  @Column({ type: 'varchar', length: 10 })
  state!: ComplaintState;

  /** When it was accepted or refused, by whom, and why it was refused. */
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decided_by', type: 'varchar', length: 200, nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'refusal_reason', type: 'text', nullable: true })
  refusalReason!: string | null;

  @Column({ name: 'handling_due_at', type: 'timestamptz', nullable: true })
  handlingDueAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  answer!: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ name: 'answered_by', type: 'varchar', length: 200, nullable: true })
  answeredBy!: string | null;

  @Column({ type: 'text', nullable: true })
  conclusion!: string | null;

  @Column({ type: 'boolean', nullable: true })
  substantiated!: boolean | null;

  @Column({ name: 'concluded_at', type: 'timestamptz', nullable: true })
  concludedAt!: Date | null;

  @Column({ name: 'concluded_by', type: 'varchar', length: 200, nullable: true })
  concludedBy!: string | null;

  @Column({ name: 'acceptance_overdue_at', type: 'timestamptz', nullable: true })
  acceptanceOverdueAt!: Date | null;

  @Column({ name: 'handling_overdue_at', type: 'timestamptz', nullable: true })
  handlingOverdueAt!: Date | null;
}
