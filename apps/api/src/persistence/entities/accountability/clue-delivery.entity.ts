import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DeliveryKind } from '@app/contracts';

/**
 * One thing sent to a body about a clue — 反馈 (feedback to the body it came from), 抄送 (a copy to
 * personnel) or 移送 (a referral) — and the body's acknowledgement and reply.
 */
@Entity('clue_deliveries')
@Index('idx_clue_deliveries_body_sent', ['bodyCode', 'sentAt'])
@Index('idx_clue_deliveries_clue', ['clueId'])
export class ClueDeliveryEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'clue_id', type: 'uuid' })
  clueId!: string;

  @Column({ name: 'body_code', type: 'varchar', length: 32 })
  bodyCode!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: DeliveryKind;

  @Column({ name: 'content_summary', type: 'text' })
  contentSummary!: string;

  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt!: Date;

  @Column({ name: 'sent_by', type: 'varchar', length: 200 })
  sentBy!: string;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ name: 'acknowledged_by', type: 'varchar', length: 200, nullable: true })
  acknowledgedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  reply!: string | null;
}
