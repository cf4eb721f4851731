import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { evaluateFeedSilence, feedLookbackStart, planCardChanges, resolveRuleSettings } from '@app/domain';
import { COUNTING_POLICY } from '../calendar/clock-policy';
import { CalendarService } from '../calendar/calendar.service';
import { CatalogueReader } from '../catalogue/catalogue.reader';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AlertStoreRepository } from './alert-store.repository';
import { RuleSettingsRepository } from './rule-settings.repository';

/**
 * FEED_SILENT: a department that normally reports and has gone quiet gets a card, and while it is
 * silent its time-driven overdue cards are held back (the projection reads `silent_since`). When it
 * speaks again the card closes and its open cases are re-evaluated at once.
 */
@Injectable()
export class FeedMonitorService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('FeedMonitor');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
    private readonly catalogue: CatalogueReader,
    private readonly store: AlertStoreRepository,
    private readonly ruleSettings: RuleSettingsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.role === 'api' || this.config.feedCheckIntervalMs === 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.check(new Date())
        .catch((error: Error) => this.logger.warn(`feed check failed, will retry: ${error.message}`))
        .finally(() => (this.running = null));
    }, this.config.feedCheckIntervalMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Judges every department's feed at `now`; returns the departments whose state changed. */
  async check(now: Date): Promise<{ silenced: string[]; resumed: string[] }> {
    const feeds = await this.dataSource.query<{ department_code: string; last_received_at: Date; silent_since: Date | null }[]>(
      'SELECT department_code, last_received_at, silent_since FROM department_feeds ORDER BY department_code',
    );
    const result = { silenced: [] as string[], resumed: [] as string[] };
    for (const feed of feeds) {
      const changed = await this.dataSource.transaction((manager) => this.judge(manager, feed, now));
      if (changed === 'silenced') result.silenced.push(feed.department_code);
      if (changed === 'resumed') result.resumed.push(feed.department_code);
    }
    return result;
  }

  private async judge(
    manager: EntityManager,
    feed: { department_code: string; last_received_at: Date; silent_since: Date | null },
    now: Date,
  ): Promise<'silenced' | 'resumed' | null> {
    const calendar = this.calendars.current();
    const settings = resolveRuleSettings(undefined, await this.ruleSettings.centreOverrides(manager)).FEED_SILENT;
    const lastReceivedAt = feed.last_received_at.toISOString();
    const since = feedLookbackStart(calendar, lastReceivedAt, settings, COUNTING_POLICY);
    const [{ n }] = await manager.query<{ n: string }[]>(
      'SELECT coalesce(sum(event_count), 0) AS n FROM ingest_batches WHERE department_code = $1 AND received_at BETWEEN $2 AND $3',
      [feed.department_code, since, feed.last_received_at],
    );
    const contacts = await this.catalogue.departmentContacts([feed.department_code], manager);
    const verdict = evaluateFeedSilence({
      departmentCode: feed.department_code,
      lastReceivedAt,
      recentEventCount: Number(n),
      settings,
      departmentContact: contacts.get(feed.department_code),
      calendar,
      policy: COUNTING_POLICY,
      now,
    });
    const active = (await this.store.activeCards(manager, [{ departmentCode: feed.department_code, caseId: '' }])).get(`${feed.department_code}\u0000`) ?? [];
    const changes = planCardChanges(active, verdict.finding ? [verdict.finding] : [], false);
    await this.store.applyAll(manager, [{ ref: { departmentCode: feed.department_code, caseId: '', itemCode: null }, changes }], () => null, now);

    if (verdict.silent && feed.silent_since === null) {
      await manager.query('UPDATE department_feeds SET silent_since = $2 WHERE department_code = $1', [feed.department_code, now]);
      return 'silenced';
    }
    if (!verdict.silent && feed.silent_since !== null) {
      await manager.query('UPDATE department_feeds SET silent_since = NULL WHERE department_code = $1', [feed.department_code]);
      // Cards held back while the feed was silent are due now: the scheduler picks these cases up.
      await manager.query('UPDATE cases SET next_check_at = $2 WHERE department_code = $1 AND is_open', [feed.department_code, now]);
      return 'resumed';
    }
    return null;
  }
}
