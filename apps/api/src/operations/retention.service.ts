import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuditArchiveService } from './audit-archive.service';

/** Rows per statement: a sweep never holds long locks or a huge transaction. */
const CHUNK = 5000;
const DAY_MS = 86_400_000;
/** Statuses a delivery never leaves: only these are ever removed. */
const FINISHED = `('SENT', 'DEAD', 'CANCELLED')`;

export interface SweepResult {
  deliveries: number;
  attempts: number;
  inbox: number;
  outbox: number;
  /** Audit rows moved to archive files (not deleted: see AuditArchiveService). */
  auditArchived: number;
}

/**
 * Removes what is past its retention (config/retention-settings.ts): finished deliveries and their
 * attempts, finished in-app deliveries (inbox entries), published outbox messages; and moves audit
 * rows past theirs (at least six months) to archive files — never drops them. Never a delivery
 * still to be sent or retried. Runs on the worker roles; several at once only
 * delete the same rows once.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auditArchive: AuditArchiveService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.role === 'api' || this.config.retention.intervalMs === 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.sweep(new Date())
        .catch((error: Error) => this.logger.warn(`retention sweep failed, will retry: ${error.message}`))
        .finally(() => (this.running = null));
    }, this.config.retention.intervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  async sweep(now: Date): Promise<SweepResult> {
    const { deliveriesDays, inboxDays, outboxDays } = this.config.retention;
    const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
    const external = await this.deliveries(`channel <> 'inapp'`, before(deliveriesDays));
    const inbox = await this.deliveries(`channel = 'inapp'`, before(inboxDays));
    const outbox = await this.repeat(
      `WITH gone AS (DELETE FROM outbox WHERE id IN (
         SELECT id FROM outbox WHERE published_at IS NOT NULL AND published_at < $1 ORDER BY id LIMIT ${CHUNK}) RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      before(outboxDays),
    );
    const archived = await this.auditArchive.archive(now);
    const result = { deliveries: external.deliveries, attempts: external.attempts + inbox.attempts, inbox: inbox.deliveries, outbox, auditArchived: archived.rows };
    if (result.deliveries + result.inbox + result.outbox > 0) {
      this.logger.log(`removed past retention: ${result.deliveries} deliveries (${result.attempts} attempts), ${result.inbox} inbox entries, ${result.outbox} outbox messages`);
    }
    return result;
  }

  /** Finished deliveries last changed before the cutoff, with their attempts, in one statement per chunk. */
  private async deliveries(which: string, cutoff: Date): Promise<{ deliveries: number; attempts: number }> {
    let deliveries = 0;
    let attempts = 0;
    for (;;) {
      const [row] = await this.dataSource.query<{ deliveries: number; attempts: number }[]>(
        `WITH gone AS (
           DELETE FROM notification_deliveries WHERE id IN (
             SELECT id FROM notification_deliveries WHERE ${which} AND status IN ${FINISHED} AND updated_at < $1 LIMIT ${CHUNK})
           RETURNING id),
         gone_attempts AS (DELETE FROM notification_attempts WHERE delivery_id IN (SELECT id FROM gone) RETURNING 1)
         SELECT (SELECT count(*)::int FROM gone) AS deliveries, (SELECT count(*)::int FROM gone_attempts) AS attempts`,
        [cutoff],
      );
      deliveries += row.deliveries;
      attempts += row.attempts;
      if (row.deliveries < CHUNK) return { deliveries, attempts };
    }
  }

  private async repeat(sql: string, cutoff: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const [row] = await this.dataSource.query<{ n: number }[]>(sql, [cutoff]);
      total += row.n;
      if (row.n < CHUNK) return total;
    }
  }
}
