import { Column, Entity, PrimaryColumn } from 'typeorm';

const counter = (name: string) => Column({ name, type: 'int', default: 0 });

/**
 * One department's counters for one local day (libs/domain/src/reports/daily-counters.ts defines
 * each). Maintained by the projection as deltas, rebuilt from the stored cases by the rebuild
 * command; a report adds up at most a quarter's rows. Column names are the counters in snake_case.
 */
@Entity('report_daily_rollups')
export class ReportDailyRollupEntity {
  @PrimaryColumn({ name: 'department_code', type: 'varchar', length: 32 })
  departmentCode!: string;

  @PrimaryColumn({ type: 'date' })
  day!: string;

  @counter('accepted') accepted!: number;
  @counter('accepted_immediate') acceptedImmediate!: number;
  @counter('completed') completed!: number;
  @counter('completed_on_time') completedOnTime!: number;
  @counter('completed_early') completedEarly!: number;
  @counter('completed_promised_late') completedPromisedLate!: number;
  @counter('completed_statutory_late') completedStatutoryLate!: number;
  @counter('used_working_days') usedWorkingDays!: number;
  @counter('promised_limit_days') promisedLimitDays!: number;
  @counter('promised_limit_cases') promisedLimitCases!: number;
  @counter('statutory_limit_days') statutoryLimitDays!: number;
  @counter('terminated') terminated!: number;
  @counter('promised_overdue_open_delta') promisedOverdueOpenDelta!: number;
  @counter('statutory_overdue_open_delta') statutoryOverdueOpenDelta!: number;
  @counter('submissions') submissions!: number;
  @counter('suspensions') suspensions!: number;
  @counter('corrections') corrections!: number;
  @counter('events') events!: number;
  @counter('events_late') eventsLate!: number;
  @counter('completed_statutory_early') completedStatutoryEarly!: number;
}
