import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ResolutionState } from '@app/domain';

/**
 * A joint meeting's resolution (决议): text, the body that owns it, a deadline. Tracked like a
 * supervision order: past the deadline and not done it is flagged once (OVERDUE) and a card is
 * raised on the department concerned.
 */
@Entity('meeting_resolutions')
@Index('idx_meeting_resolutions_meeting', ['meetingId', 'seq'])
@Index('idx_meeting_resolutions_unflagged_due', ['dueAt'], { where: `state = 'OPEN' AND overdue_flagged_at IS NULL` })
export class MeetingResolutionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  /** Its number in the minutes (1, 2, …). */
  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'owner_code', type: 'varchar', length: 64 })
  ownerCode!: string;

  @Column({ name: 'owner_name', type: 'varchar', length: 200 })
  ownerName!: string;

  /** The department concerned: the overdue card is raised on it (or on the owner, when the owner is a department). */
  @Column({ name: 'department_code', type: 'varchar', length: 32, nullable: true })
  departmentCode!: string | null;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'varchar', length: 8 })
  state!: ResolutionState;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy!: string;

  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt!: Date | null;

  @Column({ name: 'done_by', type: 'varchar', length: 200, nullable: true })
  doneBy!: string | null;

  @Column({ name: 'done_note', type: 'text', nullable: true })
  doneNote!: string | null;

  @Column({ name: 'overdue_flagged_at', type: 'timestamptz', nullable: true })
  overdueFlaggedAt!: Date | null;

  @Column({ name: 'overdue_alert_id', type: 'uuid', nullable: true })
  overdueAlertId!: string | null;
}
