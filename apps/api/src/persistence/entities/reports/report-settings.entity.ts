import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The centre's report settings (grading, complaint and supervision limits): one row, id 1. */
@Entity('report_settings')
export class ReportSettingsEntity {
  @PrimaryColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'jsonb' })
  settings!: Record<string, unknown>;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'varchar', length: 200 })
  updatedBy!: string;
}
