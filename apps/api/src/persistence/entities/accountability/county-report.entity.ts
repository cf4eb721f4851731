import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CountyReportState } from '@app/domain';

/** Guidance (指导意见) the city sends back on a county's report. */
export interface CountyReportGuidance {
  text: string;
  sentAt: string;
  sentBy: string;
}

/**
 * A county's (region's) periodic report to the city on its accountability work: figures generated
 * from its own departments' data, a narrative, signed off by the region's supervisor, acknowledged
 * by the city, with the city's guidance recorded.
 */
@Entity('county_reports')
@Index('uq_county_reports_region_period', ['regionCode', 'period'], { unique: true })
@Index('idx_county_reports_period', ['period'])
export class CountyReportEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'region_code', type: 'varchar', length: 64 })
  regionCode!: string;

  @Column({ type: 'varchar', length: 8 })
  period!: string;

  @Column({ type: 'varchar', length: 16 })
  state!: CountyReportState;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({ type: 'jsonb' })
  figures!: Record<string, unknown>;

  @Column({ type: 'text' })
  narrative!: string;

  @Column({ type: 'jsonb' })
  guidance!: CountyReportGuidance[];

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'submitted_by', type: 'varchar', length: 200, nullable: true })
  submittedBy!: string | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ name: 'acknowledged_by', type: 'varchar', length: 200, nullable: true })
  acknowledgedBy!: string | null;
}

/** The city's settings for county reports (one row): how many calendar days after the quarter a report is due. */
@Entity('county_report_settings')
export class CountyReportSettingsEntity {
  @PrimaryColumn({ type: 'smallint' })
  id!: number;

  @Column({ name: 'due_days_after_period_end', type: 'integer' })
  dueDaysAfterPeriodEnd!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'varchar', length: 200 })
  updatedBy!: string;
}
