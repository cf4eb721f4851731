import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AlertLevel, FindingEvidence } from '@app/contracts';
import type { CardState } from '@app/domain';

/**
 * A card (预警 / 黄牌 / 红牌). Never deleted: every change is a transition row. At most one active
 * or held card per (department, case, rule), except cards raised by hand (MANUAL); a
 * department-level card (FEED_SILENT, or a manual one without a case) has caseId ''.
 */
@Entity('alerts')
@Index('uq_alerts_active', ['departmentCode', 'caseId', 'rule'], {
  unique: true,
  where: `state IN ('PENDING', 'OPEN', 'ACKNOWLEDGED', 'RECTIFIED', 'APPEALED') AND rule <> 'MANUAL'`,
})
@Index('idx_alerts_department_raised', ['departmentCode', 'raisedAt'])
// Expression and sort-order indexes of the open-card list (migration 1765000500000), which the
// schema builder cannot describe: declared so that it leaves them alone.
@Index('idx_alerts_open_urgency', { synchronize: false })
@Index('idx_alerts_open_raised', { synchronize: false })
@Index('idx_alerts_supervision_due', ['supervisionDueAt'], {
  where: `level = 'YELLOW' AND state IN ('OPEN', 'ACKNOWLEDGED')`,
})
export class AlertEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'department_code', type: 'varchar', length: 32 })
  departmentCode!: string;

  @Column({ name: 'case_id', type: 'varchar', length: 64 })
  caseId!: string;

  @Column({ name: 'item_code', type: 'varchar', length: 64, nullable: true })
  itemCode!: string | null;

  @Column({ type: 'varchar', length: 40 })
  rule!: string;

  @Column({ type: 'varchar', length: 8 })
  level!: AlertLevel;

  @Column({ type: 'varchar', length: 16 })
  state!: CardState;

  /** Where an appeal returns to when it is rejected. */
  @Column({ name: 'state_before_appeal', type: 'varchar', length: 16, nullable: true })
  stateBeforeAppeal!: CardState | null;

  @Column({ name: 'ruleset_version', type: 'varchar', length: 40 })
  rulesetVersion!: string;

  @Column({ name: 'responsible_officer_id', type: 'varchar', length: 64, nullable: true })
  responsibleOfficerId!: string | null;

  @Column({ name: 'time_driven', type: 'boolean' })
  timeDriven!: boolean;

  @Column({ name: 'breached_at', type: 'timestamptz' })
  breachedAt!: Date;

  @Column({ name: 'raised_at', type: 'timestamptz' })
  raisedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** A YELLOW card must be rectified or answered by then, or it escalates to RED. */
  @Column({ name: 'supervision_due_at', type: 'timestamptz', nullable: true })
  supervisionDueAt!: Date | null;

  /** The due instant of the clock the evidence cites (lists sort by it); null for rules without a clock. */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'close_reason', type: 'varchar', length: 200, nullable: true })
  closeReason!: string | null;

  /** The centre's answer to the department's appeal: MAINTAINED (the card stands) or REVOKED. */
  @Column({ name: 'appeal_decision', type: 'varchar', length: 16, nullable: true })
  appealDecision!: 'MAINTAINED' | 'REVOKED' | null;

  /** The written reply to the appeal, shown to the department. */
  @Column({ name: 'appeal_reply', type: 'text', nullable: true })
  appealReply!: string | null;

  @Column({ name: 'appeal_decided_at', type: 'timestamptz', nullable: true })
  appealDecidedAt!: Date | null;

  @Column({ name: 'appeal_decided_by', type: 'varchar', length: 200, nullable: true })
  appealDecidedBy!: string | null;

  @Column({ type: 'jsonb' })
  evidence!: FindingEvidence;

  @Column({ type: 'jsonb' })
  summary!: { zh: string; en: string };
}
