import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { UserRole } from '../../common/principal';

/** A person who signs in. Only a bcrypt hash of the password is kept. */
@Entity('users')
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 100 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 32 })
  role!: UserRole;

  @Column({ name: 'display_name', type: 'varchar', length: 200, nullable: true })
  displayName!: string | null;

  /** department_supervisor and officer: the department they belong to. */
  @Column({ name: 'department_code', type: 'varchar', length: 32, nullable: true })
  departmentCode!: string | null;

  /** region_supervisor: the region (and the regions below it) they supervise. */
  @Column({ name: 'region_code', type: 'varchar', length: 64, nullable: true })
  regionCode!: string | null;

  /** officer (required) or department_supervisor (optional): who they are in the officer register. */
  @Column({ name: 'officer_id', type: 'varchar', length: 64, nullable: true })
  officerId!: string | null;

  /** body_liaison: the accountability body (审计、法制、人事…) whose referrals and copies they read and answer. */
  @Column({ name: 'body_code', type: 'varchar', length: 32, nullable: true })
  bodyCode!: string | null;

  /** Raised on every change of password, role, binding or status: older session tokens stop working. */
  @Column({ name: 'token_version', type: 'int' })
  tokenVersion!: number;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
