import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ClueChannel, ClueOutcome, ClueState } from '@app/contracts';

/** A case a clue concerns. */
export interface ClueCaseRef {
  departmentCode: string;
  caseId: string;
}

/**
 * A clue (线索) of a responsibility matter: where it came from (channel, source document, the body
 * and its report), what it concerns (departments, officers, cases, cards), who investigates it by
 * when, and how it was concluded. The first linked department is the lead one: the overdue card
 * is raised on it.
 */
@Entity('clues')
@Index('idx_clues_registered', ['registeredAt'])
@Index('idx_clues_unflagged_due', ['dueAt'], { where: `state = 'INVESTIGATING' AND overdue_flagged_at IS NULL` })
export class ClueEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  channel!: ClueChannel;

  @Column({ type: 'varchar', length: 300 })
  subject!: string;

  @Column({ type: 'text' })
  detail!: string;

  /** The body the clue came from (反馈 goes back to it), if any. */
  @Column({ name: 'source_body_code', type: 'varchar', length: 32, nullable: true })
  sourceBodyCode!: string | null;

  @Column({ name: 'body_report_id', type: 'uuid', nullable: true })
  bodyReportId!: string | null;

  /** The source document: 文号, title, date, and its text or a reference to the stored file. */
  @Column({ name: 'source_reference_no', type: 'varchar', length: 100 })
  sourceReferenceNo!: string;

  @Column({ name: 'source_title', type: 'varchar', length: 300 })
  sourceTitle!: string;

  @Column({ name: 'source_date', type: 'date' })
  sourceDate!: string;

  @Column({ name: 'source_text', type: 'text', nullable: true })
  sourceText!: string | null;

  @Column({ name: 'source_file_ref', type: 'varchar', length: 500, nullable: true })
  sourceFileRef!: string | null;

  @Column({ name: 'department_codes', type: 'jsonb' })
  departmentCodes!: string[];

  @Column({ name: 'officer_ids', type: 'jsonb' })
  officerIds!: string[];

  @Column({ name: 'case_refs', type: 'jsonb' })
  caseRefs!: ClueCaseRef[];

  @Column({ name: 'alert_ids', type: 'jsonb' })
  alertIds!: string[];

  @Column({ name: 'complaint_id', type: 'uuid', nullable: true })
  complaintId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  state!: ClueState;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt!: Date;

  @Column({ name: 'registered_by', type: 'varchar', length: 200 })
  registeredBy!: string;

  /** The investigator (a username). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  assignee!: string | null;

  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true })
  assignedAt!: Date | null;

  @Column({ name: 'assigned_by', type: 'varchar', length: 200, nullable: true })
  assignedBy!: string | null;

  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn!: string | null;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome!: ClueOutcome | null;

  @Column({ type: 'text', nullable: true })
  conclusion!: string | null;

  @Column({ name: 'concluded_at', type: 'timestamptz', nullable: true })
  concludedAt!: Date | null;

  @Column({ name: 'concluded_by', type: 'varchar', length: 200, nullable: true })
  concludedBy!: string | null;

  @Column({ name: 'referred_to_body_code', type: 'varchar', length: 32, nullable: true })
  referredToBodyCode!: string | null;

  /** SUBSTANTIATED: the register entry the conclusion recorded. */
  @Column({ name: 'register_entry_id', type: 'uuid', nullable: true })
  registerEntryId!: string | null;

  @Column({ name: 'overdue_flagged_at', type: 'timestamptz', nullable: true })
  overdueFlaggedAt!: Date | null;

  @Column({ name: 'overdue_alert_id', type: 'uuid', nullable: true })
  overdueAlertId!: string | null;
}
