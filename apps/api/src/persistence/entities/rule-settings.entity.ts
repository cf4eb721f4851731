import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RuleSettingsOverrides } from '@app/domain';

/** The centre-wide rule thresholds: a single row (id 1). */
@Entity('rule_settings')
export class RuleSettingsEntity {
  @PrimaryColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'jsonb' })
  overrides!: RuleSettingsOverrides;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'varchar', length: 200 })
  updatedBy!: string;
}
