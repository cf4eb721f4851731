import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseProjectionService } from '../cases/case-projection.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { OutboxPublisherService } from '../outbox/outbox-publisher.service';
import { Metrics } from '../telemetry/metrics';
import { SupervisionEscalationService } from './supervision-escalation.service';

/** Cases per transaction: one tick takes what is due, in chunks, until nothing due is left. */
const CHUNK = 500;

/**
 * Time-driven evaluation. Every open case stores the instant its next threshold is crossed
 * (`next_check_at`, indexed); a tick fetches only the rows whose instant has passed — its cost grows
 * with crossings, not with open cases — re-evaluates them (which moves their instant on), and
 * escalates YELLOW cards past their supervision deadline. `FOR UPDATE SKIP LOCKED` lets several
 * workers tick at once without taking the same case twice; a crash rolls the chunk back, so a
 * crossing is neither lost nor doubled.
 */
@Injectable()
export class DeadlineSchedulerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DeadlineScheduler');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly projection: CaseProjectionService,
    private readonly escalation: SupervisionEscalationService,
    private readonly outbox: OutboxPublisherService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.role === 'api' || this.config.schedulerIntervalMs === 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick(new Date())
        .catch((error: Error) => this.logger.warn(`tick failed, will retry: ${error.message}`))
        .finally(() => (this.running = null));
    }, this.config.schedulerIntervalMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass at `now` (injected in tests). Returns how many cases and cards it moved. */
  async tick(now: Date): Promise<{ cases: number; escalated: number }> {
    const started = performance.now();
    let cases = 0;
    for (;;) {
      const n = await this.dataSource.transaction(async (manager) => {
        const due = await manager.query<{ department_code: string; case_id: string }[]>(
          `SELECT department_code, case_id FROM cases
            WHERE next_check_at <= $1 ORDER BY next_check_at LIMIT ${CHUNK} FOR UPDATE SKIP LOCKED`,
          [now],
        );
        if (due.length === 0) return 0;
        await this.projection.projectCases(due.map((r) => ({ departmentCode: r.department_code, caseId: r.case_id })), now, manager);
        return due.length;
      });
      cases += n;
      // After each commit: the cards of a crossing reach the outbox's readers now, not at its next poll.
      if (n > 0) this.outbox.kick();
      if (n < CHUNK) break;
    }
    const escalated = await this.escalation.escalateDue(now);
    if (escalated > 0) this.outbox.kick();
    this.metrics.schedulerTick.observe((performance.now() - started) / 1000);
    this.metrics.schedulerMoved.inc({ kind: 'case' }, cases);
    this.metrics.schedulerMoved.inc({ kind: 'escalation' }, escalated);
    // The tick's cost, for operators and bench/scale: it should follow the crossings, not the open cases.
    if (cases + escalated > 0) this.logger.log(`tick: ${cases} case(s) due, ${escalated} escalated, ${Math.round(performance.now() - started)} ms`);
    return { cases, escalated };
  }
}
