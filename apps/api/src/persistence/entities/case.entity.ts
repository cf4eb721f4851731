import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CaseAnomaly, CaseStatus } from '@app/contracts';
import type { FoldCursor } from '@app/domain';
import type { StoredClock } from './stored-clock';

/** A case's current state, projected from its full event history; never edited by hand. */
@Entity('cases')
@Index('idx_cases_department_status', ['departmentCode', 'status'])
@Index('idx_cases_item', ['itemCode'])
@Index('idx_cases_next_check', ['nextCheckAt'], { where: 'next_check_at IS NOT NULL' })
@Index('idx_cases_accepted_at', ['acceptedAt'])
@Index('idx_cases_decided_at', ['decidedAt'])
@Index('idx_cases_open_figures', ['departmentCode', 'status', 'promisedDueAt'], { where: 'is_open' })
export class CaseEntity {
  @PrimaryColumn({ name: 'department_code', type: 'varchar', length: 32 })
  departmentCode!: string;

  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 64 })
  caseId!: string;

  @Column({ name: 'item_code', type: 'varchar', length: 64 })
  itemCode!: string;

  @Column({ type: 'varchar', length: 32 })
  status!: CaseStatus;

  @Column({ name: 'is_open', type: 'boolean' })
  isOpen!: boolean;

  /** The item was not in the catalogue when the case was last projected: kept, and marked. */
  @Column({ name: 'unknown_item', type: 'boolean' })
  unknownItem!: boolean;

  @Column({ name: 'current_step', type: 'varchar', length: 64, nullable: true })
  currentStep!: string | null;

  @Column({ name: 'responsible_officer_id', type: 'varchar', length: 64, nullable: true })
  responsibleOfficerId!: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome!: 'APPROVED' | 'DENIED' | null;

  @Column({ name: 'certificate_issued_at', type: 'timestamptz', nullable: true })
  certificateIssuedAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'boolean' })
  suspended!: boolean;

  /** How many events the projection saw; a projection that saw fewer never overwrites one that saw more. */
  @Column({ name: 'event_count', type: 'int' })
  eventCount!: number;

  @Column({ name: 'first_occurred_at', type: 'timestamptz' })
  firstOccurredAt!: Date;

  @Column({ name: 'last_occurred_at', type: 'timestamptz' })
  lastOccurredAt!: Date;

  @Column({ type: 'jsonb' })
  anomalies!: CaseAnomaly[];

  @Column({ name: 'projected_at', type: 'timestamptz' })
  projectedAt!: Date;

  /** The case's statutory clocks as of projection, without the day-by-day explanation (computed on read). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  clocks!: StoredClock[];

  /** The earliest instant a clock crosses a threshold: the deadline scheduler fetches only rows due. */
  @Column({ name: 'next_check_at', type: 'timestamptz', nullable: true })
  nextCheckAt!: Date | null;

  /** A clock counts days of a year whose holiday calendar is not published yet (Monday–Friday assumed). */
  @Column({ name: 'clocks_provisional', type: 'boolean', default: false })
  clocksProvisional!: boolean;

  /** The latest due day of the case's clocks: which cases a newly loaded calendar year can move. */
  @Column({ name: 'latest_due_on', type: 'date', nullable: true })
  latestDueOn!: string | null;

  @Column({ name: 'deemed_accepted_on', type: 'date', nullable: true })
  deemedAcceptedOn!: string | null;

  /** When the running promised decision clock falls due (null: none, paused or stopped): the wall's overdue count. */
  @Column({ name: 'promised_due_at', type: 'timestamptz', nullable: true })
  promisedDueAt!: Date | null;

  /**
   * Where the stored fold stopped (ADR 17): with the snapshot columns, what the next projection
   * folds new events on from. Null: written before cursors were kept; the next projection folds
   * the whole history.
   */
  @Column({ name: 'fold_cursor', type: 'jsonb', nullable: true })
  foldCursor!: FoldCursor | null;
}
