import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const DELIVERY_STATUSES = ['PENDING', 'QUEUED', 'SENDING', 'RETRY', 'SENT', 'DEAD', 'CANCELLED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One message to one target over one channel: the unit that is queued, retried, logged and, after
 * the last attempt, dead-lettered. PostgreSQL holds its state (due time, attempts), so a deferral to
 * the next working morning or a retry in an hour survives Redis and any restart.
 */
@Entity('notification_deliveries')
@Index('idx_notification_deliveries_due', ['dueAt'], { where: `status IN ('PENDING', 'RETRY')` })
@Index('idx_notification_deliveries_busy_target', ['targetKey'], { where: `status IN ('QUEUED', 'SENDING', 'RETRY')` })
@Index('idx_notification_deliveries_inbox', ['recipient', 'dueAt'], { where: `channel = 'inapp'` })
@Index('idx_notification_deliveries_status', ['status', 'updatedAt'])
@Index('uq_notification_deliveries_dedupe', ['dedupeKey'], { unique: true, where: 'dedupe_key IS NOT NULL' })
export class NotificationDeliveryEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Null for a digest, which is about many cards. */
  @Column({ name: 'notification_id', type: 'uuid', nullable: true })
  notificationId!: string | null;

  @Column({ name: 'alert_id', type: 'uuid', nullable: true })
  alertId!: string | null;

  /** The card's department (scopes the delivery log); null for a digest. */
  @Column({ name: 'department_code', type: 'varchar', length: 32, nullable: true })
  departmentCode!: string | null;

  /** CARD | ESCALATION | REMINDER | DIGEST */
  @Column({ type: 'varchar', length: 16 })
  kind!: string;

  @Column({ type: 'int' })
  step!: number;

  /** inapp | webhook | dingtalk | wecom | email */
  @Column({ type: 'varchar', length: 16 })
  channel!: string;

  /** Who it is for: `officer:<id>`, `user:<name>`, `department:<code>`, `centre`. */
  @Column({ type: 'varchar', length: 200 })
  recipient!: string;

  /** URL, address, or the socket room of an in-app delivery. Never logged: see targetLabel. */
  @Column({ type: 'varchar', length: 2000 })
  target!: string;

  @Column({ type: 'varchar', length: 512, nullable: true })
  secret!: string | null;

  /** The target with its secrets masked: what logs, lists and the audit show. */
  @Column({ name: 'target_label', type: 'varchar', length: 300 })
  targetLabel!: string;

  /** Hash of channel and target: one delivery in flight per target, so a dead endpoint holds one slot. */
  @Column({ name: 'target_key', type: 'varchar', length: 64 })
  targetKey!: string;

  /** Whether the message carries the signed acknowledgement link (the department's side only). */
  @Column({ name: 'with_ack_link', type: 'boolean' })
  withAckLink!: boolean;

  @Column({ type: 'varchar', length: 12 })
  status!: string;

  @Column({ type: 'int' })
  attempts!: number;

  /** Times the dispatcher handed it to the job queue (names the job, so a re-queue is a new job). */
  @Column({ type: 'int' })
  claims!: number;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  /** A QUEUED or SENDING delivery whose lease ran out (job lost, worker killed) is taken again. */
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 200, nullable: true })
  dedupeKey!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
