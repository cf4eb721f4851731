import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * 岗位 (a post) of a department in the posts-and-duties base (岗位责任信息库): its duties, the legal
 * basis, the catalogue items and steps it handles, and whether it is a head post (本行政机关负责人,
 * who may approve an extension, art. 42). The code is unique within the department.
 */
@Entity('posts')
@Index('uq_posts_department_code', ['departmentCode', 'code'], { unique: true })
export class PostEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'department_code', type: 'varchar', length: 32 })
  departmentCode!: string;

  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'text' })
  duties!: string;

  @Column({ name: 'legal_basis', type: 'text' })
  legalBasis!: string;

  /** Catalogue item codes handled; empty: every item of the department. */
  @Column({ name: 'item_codes', type: 'jsonb' })
  itemCodes!: string[];

  /** Step codes handled, as the items' steps and the STEP_* events name them. */
  @Column({ name: 'step_codes', type: 'jsonb' })
  stepCodes!: string[];

  @Column({ name: 'is_head', type: 'boolean' })
  isHead!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
