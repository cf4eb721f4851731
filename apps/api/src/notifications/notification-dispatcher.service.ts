import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AlertLevel } from '@app/contracts';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { JobName } from '../jobs/job-names';
import { JobQueue } from '../jobs/job-queue';
import { DeliveryStore } from './delivery-store.repository';
import { leaseMsOf } from './delivery-worker.service';
import { DigestPlanner } from './digest-planner.service';
import { EscalationService } from './escalation.service';
import { LEVEL_CHANGES } from './notification-planner.service';
import { ROBOT_MESSAGES_PER_MINUTE } from './outbound-formats';

/** Deliveries handed to the job queue per pass; a long backlog drains over consecutive passes. */
const CLAIM_BATCH = 200;
/** How often card level changes without a notification are looked for (a plan job lost with Redis). */
const SWEEP_EVERY_MS = 60_000;

/**
 * The worker's notification clock: each pass takes the escalation steps and digests that are due,
 * then claims due deliveries and enqueues one DeliverNotification job each. Several workers run it
 * at once (SKIP LOCKED everywhere). Tests switch the timer off and call tick(now) with an injected
 * instant; the real clock only governs leases (are the processes alive?).
 */
@Injectable()
export class NotificationDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('NotificationDispatcher');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private lastSweepAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: DeliveryStore,
    private readonly escalations: EscalationService,
    private readonly digests: DigestPlanner,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.notifications.dispatchIntervalMs;
    if (this.config.role === 'api' || interval === 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      const now = new Date();
      this.running = this.tick(now)
        .then(() => this.sweepIfDue(now))
        .catch((error: Error) => this.logger.warn(`notification pass failed, will retry: ${error.message}`))
        .finally(() => (this.running = null));
    }, interval);
  }

  /** Before any shutdown hook closes the queue or the database, so a pass in progress ends cleanly. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  async tick(now: Date): Promise<{ escalations: number; digests: number; enqueued: number }> {
    const escalations = await this.escalations.run(now);
    const digests = await this.digests.run(now);
    await this.store.recoverExpiredLeases();
    let enqueued = 0;
    const leaseMs = leaseMsOf(this.config.notifications.sendTimeoutMs);
    for (;;) {
      const claimed = await this.store.claimDue(now, CLAIM_BATCH, leaseMs, ROBOT_MESSAGES_PER_MINUTE);
      const failed: string[] = [];
      for (const { id, claims } of claimed) {
        try {
          await this.jobs.enqueue(JobName.DeliverNotification, { deliveryId: id }, `deliver-${id}-${claims}`);
          enqueued++;
        } catch (error) {
          failed.push(id);
          this.logger.warn(`delivery ${id} not enqueued, will retry: ${(error as Error).message}`);
        }
      }
      await this.store.release(failed);
      if (failed.length > 0 || claimed.length < CLAIM_BATCH) break;
    }
    return { escalations, digests, enqueued };
  }

  /**
   * The safety net under "outbox → plan job": a card whose current level was announced by the
   * outbox but has no notification (the job was lost) is planned again. Planning is idempotent, so
   * a job that is merely slow costs a repeat, never a second message. Only recent changes: a card
   * that reached its level before notifications existed is not announced now.
   */
  async sweepIfDue(now: Date): Promise<number> {
    if (now.getTime() - this.lastSweepAt < SWEEP_EVERY_MS) return 0;
    this.lastSweepAt = now.getTime();
    const missed = await this.dataSource.query<{ id: string; level: AlertLevel }[]>(
      `SELECT a.id, a.level FROM alerts a
        WHERE a.state IN ('OPEN', 'ACKNOWLEDGED', 'RECTIFIED', 'APPEALED')
          AND a.updated_at BETWEEN $1::timestamptz - interval '1 day' AND $1::timestamptz - interval '2 minutes'
          AND EXISTS (SELECT 1 FROM alert_transitions t WHERE t.alert_id = a.id AND t.to_level = a.level AND t.action = ANY($2))
          AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.alert_id = a.id AND n.level = a.level)
        LIMIT 500`,
      [now, LEVEL_CHANGES],
    );
    for (const card of missed) await this.jobs.enqueue(JobName.PlanCardNotification, { alertId: card.id, level: card.level }, planJobId(card.id, card.level));
    if (missed.length > 0) this.logger.log(`re-enqueued notification planning for ${missed.length} card level change(s)`);
    return missed.length;
  }
}

/** One plan job per card and level; BullMQ ignores a second add of a waiting id. */
export const planJobId = (alertId: string, level: string): string => `plan-${alertId}-${level}`;
