import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A body attending the joint meeting: free for now, a code and a name (a bodies table may follow). */
export interface MeetingAttendee {
  code: string;
  name: string;
}

/**
 * 联席会议: one record per quarter. Its agenda is a snapshot drawn from the quarter's pack (what the
 * pack found when the meeting was recorded, or when the agenda was last refreshed).
 */
@Entity('joint_meetings')
@Index('uq_joint_meetings_quarter', ['quarter'], { unique: true })
export class JointMeetingEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 8 })
  quarter!: string;

  @Column({ name: 'held_on', type: 'date' })
  heldOn!: string;

  @Column({ type: 'jsonb' })
  attendees!: MeetingAttendee[];

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ type: 'jsonb' })
  agenda!: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
