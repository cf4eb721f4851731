import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity('officers')
export class OfficerEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Index('idx_officers_department')
  @Column({ name: 'department_code', type: 'varchar', length: 32 })
  departmentCode!: string;

  @Column({ name: 'supervisor_id', type: 'varchar', length: 64, nullable: true })
  supervisorId!: string | null;

  /** 本行政机关负责人: may approve an extension of the decision limit (art. 42 ¶1). */
  @Column({ name: 'is_department_head', type: 'boolean', default: false })
  isDepartmentHead!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
