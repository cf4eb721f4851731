import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A watch-list (跟踪) of cases: personal, or shared with the people of its owner's scope. The
 * owner's departments at creation are kept (null = every department) so that sharing follows the
 * scope it was made in, even if the owner's binding changes later.
 */
@Entity('watch_lists')
@Index('idx_watch_lists_owner', ['owner'])
export class WatchListEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** The principal's stable name (username; `admin-token` for break-glass). */
  @Column({ type: 'varchar', length: 200 })
  owner!: string;

  @Column({ type: 'boolean' })
  shared!: boolean;

  /** The owner's departments when the list was made: a JSON array of codes, or null for all. */
  @Column({ name: 'scope_departments', type: 'jsonb', nullable: true })
  scopeDepartments!: string[] | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
