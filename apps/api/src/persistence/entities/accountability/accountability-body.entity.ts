import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BodyKind } from '@app/contracts';

/** A body supervision information flows to and from (财政、审计、法制、人事、信访…), recorded by the centre admin. */
@Entity('accountability_bodies')
export class AccountabilityBodyEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: BodyKind;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
