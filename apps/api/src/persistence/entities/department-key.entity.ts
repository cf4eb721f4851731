import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A department system's ingest credential. Only a SHA-256 of the key is kept. */
@Entity('department_keys')
export class DepartmentKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  @Index('idx_department_keys_department')
  @Column({ name: 'department_code', type: 'varchar', length: 32 })
  departmentCode!: string;

  @Index('uq_department_keys_hash', { unique: true })
  @Column({ name: 'key_hash', type: 'char', length: 64 })
  keyHash!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  label!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
