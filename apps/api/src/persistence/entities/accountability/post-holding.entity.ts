import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An officer holding a post over a dated period (任职). History is kept: ending a holding sets
 * `validTo`, nothing is deleted, so a breach is attributed to whoever held the post that day.
 */
@Entity('post_holdings')
@Index('idx_post_holdings_post', ['postId', 'validFrom'])
@Index('idx_post_holdings_officer', ['officerId'])
// The approver directory and the attribution read a department's holdings on every evaluation.
@Index('idx_post_holdings_department', ['departmentCode'])
export class PostHoldingEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'post_id', type: 'uuid' })
  postId!: string;

  /** The post's department, kept here so a holding is scoped without a join. */
  @Column({ name: 'department_code', type: 'varchar', length: 32 })
  departmentCode!: string;

  @Column({ name: 'officer_id', type: 'varchar', length: 64 })
  officerId!: string;

  /** First local day held (inclusive). */
  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  /** Last local day held (inclusive); null: still held. */
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy!: string;
}
