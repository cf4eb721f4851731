import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HolidayYearFile } from '@app/domain';

/**
 * A year's holiday calendar as loaded at runtime (holiday-cn format). Overrides the copy shipped
 * in resources/holiday-cn, so a new year's notice takes effect without a redeploy.
 */
@Entity('calendar_years')
export class CalendarYearEntity {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ type: 'jsonb' })
  file!: HolidayYearFile;

  @Column({ type: 'boolean' })
  published!: boolean;

  @Column({ name: 'loaded_at', type: 'timestamptz' })
  loadedAt!: Date;

  @Column({ name: 'loaded_by', type: 'varchar', length: 200 })
  loadedBy!: string;
}
