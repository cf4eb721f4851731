import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { JobQueue } from '../jobs/job-queue';
import { Metrics } from '../telemetry/metrics';

const OPEN_CARD_STATES = `('PENDING', 'OPEN', 'ACKNOWLEDGED', 'RECTIFIED', 'APPEALED')`;

const seconds = (since: Date | string | number | null, now: number): number => (since === null ? 0 : Math.max(0, (now - new Date(since).getTime()) / 1000));

/**
 * Sets the gauges that describe stored state, at each scrape: every query reads a partial index or a
 * small table, so a scrape costs the same with ten million events. A failing source (database down)
 * shows as lm_metrics_source_up{source} 0, and the rest of the scrape still answers.
 */
@Injectable()
export class StateMetricsService {
  constructor(
    private readonly metrics: Metrics,
    private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly calendars: CalendarService,
  ) {}

  async refresh(now = new Date()): Promise<void> {
    const m = this.metrics;
    const up = m.gauge('lm_metrics_source_up', 'Whether a source of the state metrics answered this scrape (database, queue).', ['source']);
    const results = await Promise.allSettled([this.database(now.getTime()), this.queue(now.getTime())]);
    up.set({ source: 'database' }, results[0].status === 'fulfilled' ? 1 : 0);
    up.set({ source: 'queue' }, results[1].status === 'fulfilled' ? 1 : 0);
    this.pool();
    this.calendar(now);
    const sockets = m.gauge('lm_socket_connections', 'Open socket.io connections on this node, by namespace.', ['namespace']);
    m.setAll(sockets, m.socketCounts().map(({ namespace, count }) => ({ labels: { namespace }, value: count })));
  }

  private async database(now: number): Promise<void> {
    const m = this.metrics;
    const q = <T>(sql: string) => this.dataSource.query<T[]>(sql);
    const [batches, outbox, due, cards, deliveries, feeds] = await Promise.all([
      q<{ n: string; oldest: Date | null }>(`SELECT count(*) AS n, min(received_at) AS oldest FROM ingest_batches WHERE projected_at IS NULL`),
      q<{ n: string; oldest: Date | null }>(`SELECT count(*) AS n, min(created_at) AS oldest FROM outbox WHERE published_at IS NULL`),
      q<{ n: string }>(`SELECT count(*) AS n FROM cases WHERE next_check_at IS NOT NULL AND next_check_at <= now()`),
      q<{ level: string; n: string }>(`SELECT level, count(*) AS n FROM alerts WHERE state IN ${OPEN_CARD_STATES} GROUP BY level`),
      q<{ channel: string; status: string; n: string }>(`SELECT channel, status, count(*) AS n FROM notification_deliveries GROUP BY channel, status`),
      q<{ silent: string; total: string }>(`SELECT count(*) FILTER (WHERE silent_since IS NOT NULL) AS silent, count(*) AS total FROM department_feeds`),
    ]);
    m.gauge('lm_projection_lag_seconds', 'Age of the oldest ingest batch not yet projected (0 when all are).').set(seconds(batches[0].oldest, now));
    m.gauge('lm_unprojected_batches', 'Ingest batches committed but not yet projected.').set(Number(batches[0].n));
    m.gauge('lm_outbox_depth', 'Outbox messages committed but not yet published.').set(Number(outbox[0].n));
    m.gauge('lm_outbox_oldest_age_seconds', 'Age of the oldest unpublished outbox message (0 when none).').set(seconds(outbox[0].oldest, now));
    m.gauge('lm_scheduler_due_cases', 'Cases whose next threshold has passed and that the scheduler has not yet re-evaluated.').set(Number(due[0].n));
    const levels = m.gauge('lm_open_cards', 'Open irregularity cards (not closed or dismissed), by level.', ['level']);
    m.setAll(levels, ['YELLOW', 'RED', ...cards.map((c) => c.level)].filter((l, i, all) => all.indexOf(l) === i).map((level) => ({
      labels: { level },
      value: Number(cards.find((c) => c.level === level)?.n ?? 0),
    })));
    const byOutcome = m.gauge('lm_notification_deliveries', 'Notification deliveries stored, by channel and status (SENT, RETRY, DEAD…).', ['channel', 'status']);
    m.setAll(byOutcome, deliveries.map((d) => ({ labels: { channel: d.channel, status: d.status }, value: Number(d.n) })));
    m.gauge('lm_notification_dead_letters', 'Notification deliveries that gave up after their last attempt (status DEAD).').set(
      deliveries.filter((d) => d.status === 'DEAD').reduce((sum, d) => sum + Number(d.n), 0),
    );
    m.gauge('lm_feed_silent_departments', 'Departments whose event feed is judged silent (FEED_SILENT).').set(Number(feeds[0].silent));
    m.gauge('lm_feed_departments', 'Departments that have sent events at least once.').set(Number(feeds[0].total));
  }

  private async queue(now: number): Promise<void> {
    const m = this.metrics;
    const stats = await this.jobs.stats();
    const byState = m.gauge('lm_job_queue_jobs', 'Jobs in the queue by state (waiting, delayed, active, failed).', ['state']);
    m.setAll(byState, Object.entries(stats.byState).map(([state, value]) => ({ labels: { state }, value })));
    const pending = m.gauge('lm_job_queue_pending', 'Jobs not yet run (waiting or in retry backoff), by job name.', ['name']);
    m.setAll(pending, stats.byName.map((s) => ({ labels: { name: s.name }, value: s.pending })));
    const age = m.gauge('lm_job_queue_oldest_age_seconds', 'Age of the oldest job not yet run, by job name.', ['name']);
    m.setAll(age, stats.byName.map((s) => ({ labels: { name: s.name }, value: seconds(s.oldestEnqueuedAt, now) })));
  }

  private pool(): void {
    const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
    const gauge = this.metrics.gauge('lm_db_pool_connections', 'Database pool connections of this process: total, idle, and requests waiting for one.', ['state']);
    if (!pool) return gauge.reset();
    this.metrics.setAll(gauge, [
      { labels: { state: 'total' }, value: pool.totalCount },
      { labels: { state: 'idle' }, value: pool.idleCount },
      { labels: { state: 'waiting' }, value: pool.waitingCount },
    ]);
    this.metrics.gauge('lm_db_pool_max', 'Size limit of the database pool (DATABASE_POOL_SIZE).').set(pool.options.max ?? 0);
  }

  private calendar(now: Date): void {
    // From November the next year's calendar is expected (the State Council publishes it then).
    this.metrics.gauge('lm_calendar_missing_years', 'Years the clocks need whose holiday calendar is not published or loaded (this year; from November also the next).').set(this.calendars.warnings(now).length);
    const loaded = this.metrics.gauge('lm_calendar_year_loaded', 'Whether the published holiday calendar of a year is known (bundled or loaded): this year and the next.', ['year']);
    const calendar = this.calendars.current();
    const year = now.getUTCFullYear();
    this.metrics.setAll(loaded, [year, year + 1].map((y) => ({ labels: { year: String(y) }, value: calendar.isPublishedYear(y) ? 1 : 0 })));
  }
}
