import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { DepartmentContact, PublicComplaintChannels } from '@app/contracts';

@Entity('departments')
export class DepartmentEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'region_code', type: 'varchar', length: 64, nullable: true })
  regionCode!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  contact!: DepartmentContact | null;

  /** Where the public complains (投诉电话、网址): published in the public directory. */
  @Column({ name: 'public_complaints', type: 'jsonb', nullable: true })
  publicComplaints!: PublicComplaintChannels | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
