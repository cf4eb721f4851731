import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A wall screen's read-only credential. Only a SHA-256 of the token is kept. */
@Entity('display_tokens')
export class DisplayTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Index('uq_display_tokens_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash!: string;

  /** A district's screen sees its region; a department's screen its department; neither = all. */
  @Column({ name: 'region_code', type: 'varchar', length: 64, nullable: true })
  regionCode!: string | null;

  @Column({ name: 'department_code', type: 'varchar', length: 32, nullable: true })
  departmentCode!: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
