import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AlertLevel } from '@app/contracts';

/**
 * One card level change announced: a card reaches each level at most once (levels only rise), so
 * (alert, level) is unique and a repeated evaluation or a redelivered job announces nothing twice.
 * Carries the card's escalation ladder: who is told next, and when, while nobody acknowledges.
 */
@Entity('notifications')
@Index('uq_notifications_alert_level', ['alertId', 'level'], { unique: true })
@Index('idx_notifications_escalation_due', ['nextEscalationAt'], { where: 'next_escalation_at IS NOT NULL' })
export class NotificationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'alert_id', type: 'uuid' })
  alertId!: string;

  @Column({ type: 'varchar', length: 8 })
  level!: AlertLevel;

  @Column({ name: 'department_code', type: 'varchar', length: 32 })
  departmentCode!: string;

  /** RAISED, UPGRADED or ESCALATED: the card change announced. */
  @Column({ type: 'varchar', length: 16 })
  reason!: string;

  /** When the card reached this level (the transition's time, not the time it was announced). */
  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** 0 = only the first recipients told; n = the n-th step of the ladder has been taken. */
  @Column({ name: 'escalation_step', type: 'int' })
  escalationStep!: number;

  /** Null when the ladder has ended (acknowledged, closed, superseded or exhausted). */
  @Column({ name: 'next_escalation_at', type: 'timestamptz', nullable: true })
  nextEscalationAt!: Date | null;
}
