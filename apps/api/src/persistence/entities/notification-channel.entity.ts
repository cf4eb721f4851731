import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AlertLevel } from '@app/contracts';

/**
 * Where a department, an officer or the centre wants cards sent: a signed webhook, a DingTalk or
 * WeCom group robot, or an e-mail address. Targets and secrets are kept as given (they are needed
 * to send) and shown masked everywhere else.
 */
@Entity('notification_channels')
@Index('idx_notification_channels_owner', ['owner', 'position'])
export class NotificationChannelEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** `department:<code>`, `officer:<id>` or `centre`. */
  @Column({ type: 'varchar', length: 80 })
  owner!: string;

  @Column({ type: 'int' })
  position!: number;

  /** webhook | dingtalk | wecom | email */
  @Column({ type: 'varchar', length: 16 })
  type!: string;

  @Column({ type: 'varchar', length: 2000 })
  target!: string;

  /** Signing key: HMAC of a generic webhook, 加签 secret of a DingTalk robot; sealed with CHANNEL_SECRET_KEY when set (common/secret-box.ts). */
  @Column({ type: 'varchar', length: 512, nullable: true })
  secret!: string | null;

  @Column({ type: 'jsonb' })
  levels!: AlertLevel[];

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'varchar', length: 200 })
  updatedBy!: string;
}
