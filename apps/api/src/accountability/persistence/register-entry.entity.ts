import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { FaultSeverity, RegisterKind, RegisterState } from '@app/domain/reports';

/**
 * One record of the accountability register: a fault from a confirmed card, a department head's
 * accountability, a reprimand or a warning talk. Never deleted: an upheld appeal revokes it.
 */
@Entity('register_entries')
@Index('uq_register_fault_per_card_officer', ['alertId', 'officerId'], { unique: true, where: `kind = 'FAULT' AND state <> 'REVOKED'` })
@Index('idx_register_department_decided', ['departmentCode', 'decidedOn'])
@Index('idx_register_officer_year', ['officerId', 'year'])
export class RegisterEntryEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: RegisterKind;

  @Column({ name: 'department_code', type: 'varchar', length: 32 })
  departmentCode!: string;

  @Column({ name: 'officer_id', type: 'varchar', length: 64 })
  officerId!: string;

  /** The officer's name when the decision was taken: the personnel record reads as decided. */
  @Column({ name: 'officer_name', type: 'varchar', length: 200 })
  officerName!: string;

  @Column({ name: 'alert_id', type: 'uuid', nullable: true })
  alertId!: string | null;

  @Column({ name: 'supervision_order_id', type: 'uuid', nullable: true })
  supervisionOrderId!: string | null;

  @Column({ name: 'case_id', type: 'varchar', length: 64, nullable: true })
  caseId!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  rule!: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  severity!: FaultSeverity | null;

  @Column({ type: 'varchar', length: 32 })
  measure!: string;

  /** The officer's direct responsibility is established (the three-faults rule counts these). */
  @Column({ name: 'direct_responsibility', type: 'boolean' })
  directResponsibility!: boolean;

  @Column({ type: 'text' })
  basis!: string;

  @Column({ name: 'decided_on', type: 'date' })
  decidedOn!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ name: 'decided_by', type: 'varchar', length: 200 })
  decidedBy!: string;

  @Column({ type: 'varchar', length: 16 })
  state!: RegisterState;

  @Column({ name: 'appeal_reason', type: 'text', nullable: true })
  appealReason!: string | null;

  @Column({ name: 'appealed_at', type: 'timestamptz', nullable: true })
  appealedAt!: Date | null;

  @Column({ name: 'appealed_by', type: 'varchar', length: 200, nullable: true })
  appealedBy!: string | null;

  @Column({ name: 'appeal_decision', type: 'varchar', length: 8, nullable: true })
  appealDecision!: 'UPHELD' | 'REJECTED' | null;

  @Column({ name: 'appeal_comment', type: 'text', nullable: true })
  appealComment!: string | null;

  @Column({ name: 'appeal_decided_at', type: 'timestamptz', nullable: true })
  appealDecidedAt!: Date | null;

  @Column({ name: 'appeal_decided_by', type: 'varchar', length: 200, nullable: true })
  appealDecidedBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
