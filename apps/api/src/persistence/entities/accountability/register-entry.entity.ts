import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { FaultSeverity, RegisterKind, RegisterState, RegisterSubject } from '@app/domain/reports';

/**
 * One record of the accountability register: a fault from a confirmed card, a department head's
 * accountability, a reprimand or a warning talk. Never deleted: an upheld appeal revokes it.
 */
@Entity('register_entries')
@Index('uq_register_fault_per_card_officer', ['alertId', 'officerId'], { unique: true, where: `kind = 'FAULT' AND state <> 'REVOKED'` })
@Index('idx_register_department_decided', ['departmentCode', 'decidedOn'])
@Index('idx_register_officer_year', ['officerId', 'year'])
@Index('idx_register_department_kind_year', ['departmentCode', 'kind', 'year'])
@Index('uq_register_head_proposal_per_order', ['supervisionOrderId'], { unique: true, where: `kind = 'HEAD_ACCOUNTABILITY' AND state = 'PROPOSED'` })
@Index('idx_register_department_subject_decided', ['departmentCode', 'subjectKind', 'decidedOn'])
@Check('chk_register_subject', `(subject_kind = 'DEPARTMENT' AND officer_id IS NULL) OR (subject_kind = 'OFFICER' AND (officer_id IS NOT NULL OR state IN ('PROPOSED', 'DISMISSED')))`)
export class RegisterEntryEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: RegisterKind;

  @Column({ name: 'department_code', type: 'varchar', length: 32 })
  departmentCode!: string;

  /** OFFICER: the record names an officer; DEPARTMENT: it concerns the department as a whole (no officer). */
  @Column({ name: 'subject_kind', type: 'varchar', length: 12, default: 'OFFICER' })
  subjectKind!: RegisterSubject;

  /** Null for a department's record, and for a head-accountability proposal of a department without a recorded head. */
  @Column({ name: 'officer_id', type: 'varchar', length: 64, nullable: true })
  officerId!: string | null;

  /** The officer's name when the decision was taken: the personnel record reads as decided. */
  @Column({ name: 'officer_name', type: 'varchar', length: 200, nullable: true })
  officerName!: string | null;

  @Column({ name: 'alert_id', type: 'uuid', nullable: true })
  alertId!: string | null;

  @Column({ name: 'supervision_order_id', type: 'uuid', nullable: true })
  supervisionOrderId!: string | null;

  @Column({ name: 'case_id', type: 'varchar', length: 64, nullable: true })
  caseId!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  rule!: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  severity!: FaultSeverity | null;

  @Column({ type: 'varchar', length: 32 })
  measure!: string;

  /** The officer's direct responsibility is established (the three-faults rule counts these). */
  @Column({ name: 'direct_responsibility', type: 'boolean' })
  directResponsibility!: boolean;

  @Column({ type: 'text' })
  basis!: string;

  /**
   * The day the fault was committed (a card's breach day); for other records the day of the conduct,
   * the talk or the decision. The register's year is this day's year, not the decision's.
   */
  @Column({ name: 'committed_on', type: 'date' })
  committedOn!: string;

  @Column({ name: 'decided_on', type: 'date' })
  decidedOn!: string;

  /** The year of `committedOn`: the year whose award eligibility and assessment the record concerns. */
  @Column({ type: 'int' })
  year!: number;

  @Column({ name: 'decided_by', type: 'varchar', length: 200 })
  decidedBy!: string;

  @Column({ type: 'varchar', length: 16 })
  state!: RegisterState;

  @Column({ name: 'appeal_reason', type: 'text', nullable: true })
  appealReason!: string | null;

  @Column({ name: 'appealed_at', type: 'timestamptz', nullable: true })
  appealedAt!: Date | null;

  @Column({ name: 'appealed_by', type: 'varchar', length: 200, nullable: true })
  appealedBy!: string | null;

  @Column({ name: 'appeal_decision', type: 'varchar', length: 8, nullable: true })
  appealDecision!: 'UPHELD' | 'REJECTED' | null;

  @Column({ name: 'appeal_comment', type: 'text', nullable: true })
  appealComment!: string | null;

  @Column({ name: 'appeal_decided_at', type: 'timestamptz', nullable: true })
  appealDecidedAt!: Date | null;

  @Column({ name: 'appeal_decided_by', type: 'varchar', length: 200, nullable: true })
  appealDecidedBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** 违纪所得款项: the amount in yuan (two decimals, as the database returns it: a string). */
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  amount!: string | null;

  /** A head-accountability proposal's decision (confirmed or dismissed): when, by whom, why. */
  @Column({ name: 'proposal_decided_at', type: 'timestamptz', nullable: true })
  proposalDecidedAt!: Date | null;

  @Column({ name: 'proposal_decided_by', type: 'varchar', length: 200, nullable: true })
  proposalDecidedBy!: string | null;

  @Column({ name: 'proposal_comment', type: 'text', nullable: true })
  proposalComment!: string | null;

  /**
   * 岗位责任: the post the officer answered for on `committedOn` (the step's post, else the post
   * they held), as recorded in the posts base when the entry was made; null when none was recorded.
   */
  @Column({ name: 'post_code', type: 'varchar', length: 32, nullable: true })
  postCode!: string | null;

  @Column({ name: 'post_name', type: 'varchar', length: 200, nullable: true })
  postName!: string | null;

  /** The duty breached: that post's duties (none for a warning talk). */
  @Column({ name: 'duty_breached', type: 'text', nullable: true })
  dutyBreached!: string | null;
}
