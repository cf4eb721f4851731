import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { BodyReportKind } from '@app/contracts';

/**
 * A report a body copies to the supervision body (财政监督报告, 审计结果报告, 行政执法检查报告),
 * attached to the departments it concerns; clues may be opened from it.
 */
@Entity('body_reports')
@Index('idx_body_reports_body_issued', ['bodyCode', 'issuedOn'])
export class BodyReportEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'body_code', type: 'varchar', length: 32 })
  bodyCode!: string;

  @Column({ type: 'varchar', length: 40 })
  kind!: BodyReportKind;

  /** 文号. */
  @Column({ name: 'reference_no', type: 'varchar', length: 100 })
  referenceNo!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ name: 'issued_on', type: 'date' })
  issuedOn!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ name: 'department_codes', type: 'jsonb' })
  departmentCodes!: string[];

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt!: Date;

  @Column({ name: 'registered_by', type: 'varchar', length: 200 })
  registeredBy!: string;
}
