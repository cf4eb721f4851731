import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One change of a card: who, when, what, why. Appended, never edited. */
@Entity('alert_transitions')
@Index('idx_alert_transitions_alert', ['alertId', 'id'])
export class AlertTransitionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'alert_id', type: 'uuid' })
  alertId!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  /** `system` for the rules engine and scheduler; otherwise the principal who acted. */
  @Column({ type: 'varchar', length: 200 })
  actor!: string;

  @Column({ type: 'varchar', length: 32 })
  action!: string;

  @Column({ name: 'from_state', type: 'varchar', length: 16, nullable: true })
  fromState!: string | null;

  @Column({ name: 'to_state', type: 'varchar', length: 16 })
  toState!: string;

  @Column({ name: 'from_level', type: 'varchar', length: 8, nullable: true })
  fromLevel!: string | null;

  @Column({ name: 'to_level', type: 'varchar', length: 8 })
  toLevel!: string;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;
}
