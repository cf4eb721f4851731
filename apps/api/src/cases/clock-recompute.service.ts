import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseProjectionService } from './case-projection.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CaseKey } from '../ingest/event-store.repository';
import { JobName, JobPayloads } from '../jobs/job-names';
import { JobQueue } from '../jobs/job-queue';
import { CalendarService } from '../calendar/calendar.service';

/** Cases per job: small enough to retry cheaply (and to hold in memory), large enough to keep round trips few. */
const CHUNK = 1000;
/**
 * Key ranges run side by side: two keep both cores of a small machine busy (one range computes while
 * the other's statements run in PostgreSQL); more only add cases held in memory at once.
 */
const MAX_PARTS = 2;
/** Rows sampled to cut the affected cases into key ranges of about equal size. */
const PARTITION_SAMPLE_ROWS = 20_000;

type RecomputePayload = JobPayloads[JobName.RecomputeClocks];

/** The open cases a loaded year can move: provisional ones, and those whose clocks run from 1 December before it to its end. */
const AFFECTED = `is_open AND (clocks_provisional OR (latest_due_on >= $1::date AND first_occurred_at < $2::timestamptz))`;

export interface RecomputeChunkResult {
  cases: number;
  /** This key range has nothing left (the wall is told then, not after every chunk). */
  finished: boolean;
}

/**
 * After a calendar year is loaded, recomputes every open case whose clocks it can move. The first
 * job cuts the affected cases into key ranges (a sample of the keys gives the bounds); each range is then a chain of chunk jobs, each enqueuing the next, so
 * the ranges run side by side — one range's projection computes while another's statements run in
 * PostgreSQL — and the work stays batched, resumable and shared by the workers.
 */
@Injectable()
export class ClockRecomputeService {
  private readonly logger = new Logger('ClockRecompute');

  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
    private readonly projection: CaseProjectionService,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async runChunk(payload: RecomputePayload, now: Date): Promise<RecomputeChunkResult> {
    await this.calendars.refresh();
    if (payload.after === undefined && payload.part === undefined) {
      await this.split(payload.year);
      return { cases: 0, finished: false };
    }
    const { year, after, until } = payload;
    const rows = await this.dataSource.query<{ department_code: string; case_id: string }[]>(
      `SELECT department_code, case_id FROM cases
        WHERE ${AFFECTED}
          AND (department_code, case_id) > ($3::varchar, $4::varchar)
          AND ($5::varchar IS NULL OR (department_code, case_id) <= ($5::varchar, $6::varchar))
        ORDER BY department_code, case_id
        LIMIT ${CHUNK}`,
      [...this.window(year), after?.departmentCode ?? '', after?.caseId ?? '', until?.departmentCode ?? null, until?.caseId ?? null],
    );
    const keys: CaseKey[] = rows.map((r) => ({ departmentCode: r.department_code, caseId: r.case_id }));
    // A recompute folds every history whole: it is the oracle's pass, and repairs any stored fold.
    if (keys.length > 0) await this.dataSource.transaction((manager) => this.projection.projectCases(keys, now, manager, { rederive: true }));
    if (keys.length === CHUNK) {
      await this.jobs.enqueue(JobName.RecomputeClocks, { ...payload, after: keys[keys.length - 1] });
      return { cases: keys.length, finished: false };
    }
    this.logger.log(`calendar ${year}: open clocks recomputed${payload.part ? ` (part ${payload.part})` : ''}`);
    return { cases: keys.length, finished: true };
  }

  /** Enqueues one chain per key range; bounds are inclusive upper keys, the last range is open-ended. */
  private async split(year: number): Promise<void> {
    const parts = Math.min(MAX_PARTS, this.config.workerConcurrency);
    const bounds = parts > 1 ? await this.partitionBounds(year, parts) : [];
    const ranges = [...bounds, undefined].map((until, i) => ({ after: i === 0 ? { departmentCode: '', caseId: '' } : bounds[i - 1], until }));
    for (const [i, range] of ranges.entries()) {
      await this.jobs.enqueue(JobName.RecomputeClocks, { year, ...range, part: `${i + 1}/${ranges.length}` });
    }
  }

  private async partitionBounds(year: number, parts: number): Promise<CaseKey[]> {
    const [table] = await this.dataSource.query<{ rows: number }[]>(`SELECT greatest(reltuples, 0)::float8 AS rows FROM pg_class WHERE oid = 'cases'::regclass`);
    const percent = Math.min(100, (100 * PARTITION_SAMPLE_ROWS) / Math.max(1, table?.rows ?? 0));
    const sample = await this.dataSource.query<{ department_code: string; case_id: string }[]>(
      `SELECT department_code, case_id FROM cases TABLESAMPLE SYSTEM (${percent.toFixed(4)}) WHERE ${AFFECTED} ORDER BY department_code, case_id`,
      this.window(year),
    );
    // Too few to be worth cutting: one range.
    if (sample.length < parts * 10) return [];
    return Array.from({ length: parts - 1 }, (_, i) => sample[Math.floor(((i + 1) * sample.length) / parts)]).map((r) => ({
      departmentCode: r.department_code,
      caseId: r.case_id,
    }));
  }

  private window(year: number): [string, string] {
    return [`${year - 1}-12-01`, `${year + 1}-01-01T00:00:00+08:00`];
  }
}
