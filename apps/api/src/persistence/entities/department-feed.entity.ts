import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * When each department's system last sent anything: the FEED_SILENT rule reads it, and while a feed
 * is silent its time-driven overdue cards are held back (a broken interface is not a late department).
 */
@Entity('department_feeds')
export class DepartmentFeedEntity {
  @PrimaryColumn({ name: 'department_code', type: 'varchar', length: 32 })
  departmentCode!: string;

  @Column({ name: 'last_received_at', type: 'timestamptz' })
  lastReceivedAt!: Date;

  /** Set while the feed is judged silent; cleared when it resumes. */
  @Column({ name: 'silent_since', type: 'timestamptz', nullable: true })
  silentSince!: Date | null;
}
