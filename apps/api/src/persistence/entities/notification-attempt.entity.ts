import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One try of one delivery: channel, masked target, outcome. Appended, never edited. */
@Entity('notification_attempts')
@Index('idx_notification_attempts_delivery', ['deliveryId', 'id'])
export class NotificationAttemptEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'delivery_id', type: 'uuid' })
  deliveryId!: string;

  @Column({ type: 'int' })
  attempt!: number;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'varchar', length: 16 })
  channel!: string;

  @Column({ name: 'target_label', type: 'varchar', length: 300 })
  targetLabel!: string;

  /** SENT or FAILED */
  @Column({ type: 'varchar', length: 8 })
  status!: string;

  @Column({ name: 'http_status', type: 'int', nullable: true })
  httpStatus!: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error!: string | null;

  @Column({ name: 'duration_ms', type: 'int' })
  durationMs!: number;
}
