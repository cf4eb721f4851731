import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The working days whose morning digest has been planned: one row, one digest per officer per day. */
@Entity('notification_digest_days')
export class NotificationDigestDayEntity {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day!: string;

  @Column({ name: 'planned_at', type: 'timestamptz' })
  plannedAt!: Date;
}
