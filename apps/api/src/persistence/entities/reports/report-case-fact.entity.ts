import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseContributions } from '@app/domain/reports';

/**
 * What one case currently adds to the daily rollup. Kept so that a re-projection adds exactly
 * (new − old): a case projected twice never counts twice.
 */
@Entity('report_case_facts')
export class ReportCaseFactEntity {
  @PrimaryColumn({ name: 'department_code', type: 'varchar', length: 32 })
  departmentCode!: string;

  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 64 })
  caseId!: string;

  @Column({ type: 'jsonb' })
  contributions!: CaseContributions;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
