import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One case on a watch-list, with who added it and when. */
@Entity('watch_list_cases')
@Index('idx_watch_list_cases_case', ['departmentCode', 'caseId'])
export class WatchListCaseEntity {
  @PrimaryColumn({ name: 'list_id', type: 'uuid' })
  listId!: string;

  @PrimaryColumn({ name: 'department_code', type: 'varchar', length: 32 })
  departmentCode!: string;

  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 64 })
  caseId!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'added_at', type: 'timestamptz' })
  addedAt!: Date;

  @Column({ name: 'added_by', type: 'varchar', length: 200 })
  addedBy!: string;
}
