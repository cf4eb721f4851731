import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Messages written in the same transaction as the change they announce, published afterwards
 * (socket.io, notifications): nothing announced that was not committed, nothing committed unannounced.
 */
@Entity('outbox')
@Index('idx_outbox_unpublished', ['id'], { where: 'published_at IS NULL' })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  topic!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}
