import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ItemKind, ItemStep } from '@app/contracts';

@Entity('items')
export class ItemEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Index('idx_items_department')
  @Column({ name: 'department_code', type: 'varchar', length: 32 })
  departmentCode!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: ItemKind;

  @Column({ name: 'statutory_days', type: 'int' })
  statutoryDays!: number;

  @Column({ name: 'promised_days', type: 'int' })
  promisedDays!: number;

  @Column({ type: 'jsonb' })
  steps!: ItemStep[];

  @Column({ name: 'fee_fen', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  feeFen!: number;

  @Column({ name: 'required_documents', type: 'jsonb' })
  requiredDocuments!: string[];

  @Column({ type: 'jsonb', nullable: true })
  thresholds!: Record<string, unknown> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
