import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseProjectionService } from '../cases/case-projection.service';
import { CaseKey } from '../ingest/event-store.repository';
import { JobName, JobPayloads } from '../jobs/job-names';
import { JobQueue } from '../jobs/job-queue';
import { CalendarService } from './calendar.service';

/** Cases per job: small enough to retry cheaply, large enough to keep round trips few. */
const CHUNK = 1000;

/**
 * After a calendar year is loaded, recomputes every open case whose clocks it can move: those
 * marked provisional, and those whose clocks run between 1 December of the year before (a notice
 * can list days of the previous December) and the end of the year. One chunk per job; each job
 * enqueues the next, so the work is batched, resumable and shared by the workers.
 */
@Injectable()
export class ClockRecomputeService {
  private readonly logger = new Logger('ClockRecompute');

  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
    private readonly projection: CaseProjectionService,
    private readonly jobs: JobQueue,
  ) {}

  async start(year: number): Promise<void> {
    await this.jobs.enqueue(JobName.RecomputeClocks, { year });
  }

  async runChunk({ year, after }: JobPayloads[JobName.RecomputeClocks], now: Date): Promise<number> {
    await this.calendars.refresh();
    const rows = await this.dataSource.query<{ department_code: string; case_id: string }[]>(
      `SELECT department_code, case_id FROM cases
        WHERE is_open
          AND (clocks_provisional OR (latest_due_on >= $1::date AND first_occurred_at < $2::timestamptz))
          AND (department_code, case_id) > ($3::varchar, $4::varchar)
        ORDER BY department_code, case_id
        LIMIT ${CHUNK}`,
      [`${year - 1}-12-01`, `${year + 1}-01-01T00:00:00+08:00`, after?.departmentCode ?? '', after?.caseId ?? ''],
    );
    const keys: CaseKey[] = rows.map((r) => ({ departmentCode: r.department_code, caseId: r.case_id }));
    if (keys.length > 0) await this.dataSource.transaction((manager) => this.projection.projectCases(keys, now, manager));
    if (keys.length === CHUNK) {
      await this.jobs.enqueue(JobName.RecomputeClocks, { year, after: keys[keys.length - 1] });
    } else {
      this.logger.log(`calendar ${year}: open clocks recomputed`);
    }
    return keys.length;
  }
}
