import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { OrderKind, OrderState, VerificationOutcome } from '@app/domain/reports';

/** The order's states (libs/domain supervision-order-machine: what may follow what). */
export type SupervisionOrderState = OrderState;

/**
 * 督办 / 限期整改 / 限期履行: an order to a department to finish, rectify or perform something by a
 * deadline, its reply and the centre's verification of it. Past the deadline without a reply it is
 * flagged once (a card on the wall) and counts in the department's report; a 限期 order then
 * proposes the head's accountability. One not carried out may be re-issued (a new order linked here).
 */
@Entity('supervision_orders')
@Index('idx_supervision_orders_department_issued', ['departmentCode', 'issuedAt'])
@Index('idx_supervision_orders_unflagged_due', ['dueAt'], { where: `state = 'ISSUED' AND overdue_flagged_at IS NULL` })
@Index('idx_supervision_orders_previous', ['previousOrderId'], { where: `previous_order_id IS NOT NULL` })
export class SupervisionOrderEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** SUPERVISION 督办 (rows older than the kinds), RECTIFY 限期整改, PERFORM 限期履行. */
  @Column({ type: 'varchar', length: 16, default: 'SUPERVISION' })
  kind!: OrderKind;

  /** PERFORM of a review decision not carried out (不履行或拖延履行行政复议决定): the decision's reference. */
  @Column({ name: 'review_decision_ref', type: 'varchar', length: 100, nullable: true })
  reviewDecisionRef!: string | null;

  /** The order this one re-issues (not carried out), and the one that re-issued this. */
  @Column({ name: 'previous_order_id', type: 'uuid', nullable: true })
  previousOrderId!: string | null;

  @Column({ name: 'reissued_order_id', type: 'uuid', nullable: true })
  reissuedOrderId!: string | null;

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

  @Column({ type: 'varchar', length: 16 })
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

  /** The centre's verification of the reply (or of the deadline passed without one). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  verification!: VerificationOutcome | null;

  @Column({ name: 'verification_comment', type: 'text', nullable: true })
  verificationComment!: string | null;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  @Column({ name: 'verified_by', type: 'varchar', length: 200, nullable: true })
  verifiedBy!: string | null;

  /** Escalated: by a supervisor after NOT_CARRIED_OUT, or by the deadline watcher (`system:…`). */
  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true })
  escalatedAt!: Date | null;

  @Column({ name: 'escalated_by', type: 'varchar', length: 200, nullable: true })
  escalatedBy!: string | null;

  /** The head-accountability proposal (a PROPOSED register entry) the escalation raised. */
  @Column({ name: 'head_proposal_id', type: 'uuid', nullable: true })
  headProposalId!: string | null;
}
