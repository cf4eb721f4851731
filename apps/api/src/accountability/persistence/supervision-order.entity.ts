import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type SupervisionOrderState = 'ISSUED' | 'REPLIED' | 'CLOSED';

/**
 * 督办 / 限期整改: an order to a department to finish or rectify something by a deadline, and its
 * reply. Past the deadline without a reply it is flagged once (a card on the wall) and counts in the
 * department's report.
 */
@Entity('supervision_orders')
@Index('idx_supervision_orders_department_issued', ['departmentCode', 'issuedAt'])
@Index('idx_supervision_orders_unflagged_due', ['dueAt'], { where: `state = 'ISSUED' AND overdue_flagged_at IS NULL` })
export class SupervisionOrderEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'department_code', type: 'varchar', length: 32 })
  departmentCode!: string;

  @Column({ type: 'varchar', length: 300 })
  subject!: string;

  @Column({ type: 'text' })
  detail!: string;

  @Column({ name: 'case_id', type: 'varchar', length: 64, nullable: true })
  caseId!: string | null;

  @Column({ name: 'alert_id', type: 'uuid', nullable: true })
  alertId!: string | null;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ name: 'issued_by', type: 'varchar', length: 200 })
  issuedBy!: string;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'varchar', length: 8 })
  state!: SupervisionOrderState;

  @Column({ type: 'text', nullable: true })
  reply!: string | null;

  @Column({ name: 'replied_at', type: 'timestamptz', nullable: true })
  repliedAt!: Date | null;

  @Column({ name: 'replied_by', type: 'varchar', length: 200, nullable: true })
  repliedBy!: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'closed_by', type: 'varchar', length: 200, nullable: true })
  closedBy!: string | null;

  @Column({ name: 'close_comment', type: 'text', nullable: true })
  closeComment!: string | null;

  @Column({ name: 'overdue_flagged_at', type: 'timestamptz', nullable: true })
  overdueFlaggedAt!: Date | null;

  @Column({ name: 'overdue_alert_id', type: 'uuid', nullable: true })
  overdueAlertId!: string | null;
}
