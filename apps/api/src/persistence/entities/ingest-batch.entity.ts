import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per accepted ingest request, written in the same transaction as its events. A batch
 * stays unprojected until a worker has projected every case it touched; the recovery sweep
 * re-enqueues such batches, so a lost job (Redis restart, crash) never loses a projection.
 */
@Entity('ingest_batches')
@Index('idx_ingest_batches_unprojected', ['receivedAt'], { where: 'projected_at IS NULL' })
@Index('idx_ingest_batches_department_received', ['departmentCode', 'receivedAt'])
export class IngestBatchEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'department_code', type: 'varchar', length: 32 })
  departmentCode!: string;

  @Column({ name: 'event_count', type: 'int' })
  eventCount!: number;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'projected_at', type: 'timestamptz', nullable: true })
  projectedAt!: Date | null;
}
