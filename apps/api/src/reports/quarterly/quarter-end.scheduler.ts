import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { lastEndedQuarter, parseQuarter } from '@app/domain/reports';
import { COUNTING_POLICY } from '../../calendar/clock-policy';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { JobName } from '../../jobs/job-names';
import { JobQueue } from '../../jobs/job-queue';
import { QuarterlyReportService } from './quarterly-report.service';

/** How often a worker looks whether a quarter has ended without its pack. */
const CHECK_INTERVAL_MS = 10 * 60_000;
/** A PENDING pack older than this lost its job (a crash between claim and enqueue): enqueue again. */
const STALE_PENDING_MS = 15 * 60_000;

const jobIdOf = (quarter: string): string => `quarterly-report-${quarter}`;

/**
 * Generates the joint meeting's pack when a quarter ends — once, however many workers run. Each
 * worker periodically (and at boot) tries to claim the quarter by inserting its row; the primary key
 * lets exactly one insert succeed, and only that worker enqueues the job. The job stores the pack
 * only while the row is PENDING, so a redelivered job does not generate it twice. A missed instant
 * (no worker running at midnight) is caught up at the next check.
 */
@Injectable()
export class QuarterEndScheduler implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('QuarterEndScheduler');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly quarterly: QuarterlyReportService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Registered before the worker starts (its start checks that every job name has a handler). */
  onModuleInit(): void {
    this.jobs.handle(JobName.GenerateQuarterlyReport, ({ quarter }) => this.generate(quarter, new Date()));
  }

  onApplicationBootstrap(): void {
    // Off with the deadline scheduler (tests drive both with an injected clock).
    if (this.config.role === 'api' || this.config.schedulerIntervalMs === 0) return;
    const run = () => {
      if (this.running) return;
      this.running = this.check(new Date())
        .catch((error: Error) => this.logger.warn(`quarter-end check failed, will retry: ${error.message}`))
        .finally(() => (this.running = null));
    };
    run();
    this.timer = setInterval(run, CHECK_INTERVAL_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Claims the last ended quarter if nobody has; enqueues its job (again, if a claim went stale). */
  async check(now: Date): Promise<{ quarter: string; claimed: boolean }> {
    const quarter = lastEndedQuarter(now, COUNTING_POLICY).key;
    const claimed = await this.dataSource.query<unknown[]>(
      `INSERT INTO quarterly_reports (quarter, status, requested_at, requested_by, trigger)
       VALUES ($1, 'PENDING', $2, 'system:quarter-end', 'quarter-end') ON CONFLICT (quarter) DO NOTHING RETURNING quarter`,
      [quarter, now],
    );
    if (claimed.length > 0) {
      await this.jobs.enqueue(JobName.GenerateQuarterlyReport, { quarter }, jobIdOf(quarter));
      return { quarter, claimed: true };
    }
    const stale = await this.dataSource.query<{ quarter: string }[]>(
      `SELECT quarter FROM quarterly_reports WHERE status = 'PENDING' AND requested_at < $1`,
      [new Date(now.getTime() - STALE_PENDING_MS)],
    );
    // A fresh job id per stale period: the first job may sit in the failed set, where its id blocks a re-add.
    const retry = Math.floor(now.getTime() / STALE_PENDING_MS);
    for (const row of stale) await this.jobs.enqueue(JobName.GenerateQuarterlyReport, { quarter: row.quarter }, `${jobIdOf(row.quarter)}-retry-${retry}`);
    return { quarter, claimed: false };
  }

  /** The job: compute and store the pack if it is still PENDING. */
  async generate(quarterKey: string, now: Date): Promise<void> {
    const quarter = parseQuarter(quarterKey);
    if (!quarter) throw new Error(`not a quarter: ${quarterKey}`);
    const row = await this.quarterly.stored(quarterKey);
    if (row?.status !== 'PENDING') return;
    const pack = await this.quarterly.compute(quarter, now, 'quarter-end');
    if (await this.quarterly.store(pack, 'system:quarter-end', true, now)) this.logger.log(`quarterly pack ${quarterKey} generated`);
  }
}
