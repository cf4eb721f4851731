import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The joint-meeting pack of one quarter, generated once at quarter end (the key is the quarter, so
 * several workers racing to create it make one row) and regenerated on demand.
 */
@Entity('quarterly_reports')
export class QuarterlyReportEntity {
  /** `2025Q4`. */
  @PrimaryColumn({ type: 'varchar', length: 6 })
  quarter!: string;

  /** PENDING until the job has stored the content; READY after. */
  @Column({ type: 'varchar', length: 8 })
  status!: 'PENDING' | 'READY';

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ name: 'requested_by', type: 'varchar', length: 200 })
  requestedBy!: string;

  @Column({ name: 'generated_at', type: 'timestamptz', nullable: true })
  generatedAt!: Date | null;

  /** How many times the pack was generated: 1 for a quarter-end run, whatever the number of workers. */
  @Column({ name: 'generation_count', type: 'int', default: 0 })
  generationCount!: number;

  /** `quarter-end` (the scheduled job) or `on-demand`. */
  @Column({ name: 'trigger', type: 'varchar', length: 16 })
  trigger!: string;

  @Column({ type: 'jsonb', nullable: true })
  content!: Record<string, unknown> | null;
}
