import { Logger } from '@nestjs/common';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CatalogueFile } from '@app/contracts';
import { WorkingCalendar } from '@app/domain';
import { cityCatalogue, TrafficSimulator } from '@app/simulation';
import { readBundledCalendars } from '../calendar/bundled-calendars';
import { AppConfig } from '../config/app-config';
import { resourcesDir } from '../common/resources';
import { AdminClient } from './admin-client';
import { DemoFeed } from './demo-feed';
import { ensureDemoDisplayToken, ensureDemoUsers } from './demo-users';
import { FeedSender } from './feed-sender';

export interface DemoHandle {
  describe(): string[];
  /** The demo's wall-screen (display) token, for the ready-to-open wall URL. */
  wallToken: string;
  /**
   * The demo users' lines, once created (null if the server stopped first). They come after the
   * wall URL: their password hashes are CPU the wall's first figures need more.
   */
  users: Promise<string[] | null>;
}

/** History the demo gives itself on first start, so the wall has a past to show. */
const HISTORY_DAYS = 30;
const HISTORY_CASES_PER_DAY = 20;

/** Waits after a failed set-up: 1 s, 2 s, 4 s … up to 30 s. */
const retryDelayMs = (attempt: number): number => Math.min(30_000, 1000 * 2 ** (attempt - 1));

/**
 * Embedded quick start: the demo catalogue, a key per department and one user per role (kept in
 * DATA_DIR so restarts reuse them), a month of back-dated history on first start, then a gentle
 * live feed — all through the public HTTP API, exactly as department systems would send it.
 *
 * The demo is a guest of the server: a failed set-up is logged and tried again (the server stays up
 * and keeps serving), and stop() — the server closing — ends it quietly wherever it is.
 */
export class DemoLoader {
  private readonly logger = new Logger('Demo');
  private readonly abort = new AbortController();
  private stopped = false;
  private feed: DemoFeed | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly config: AppConfig,
    /** Where this process reaches its own server (the bound address). */
    private readonly baseUrl: string,
    /** The URL printed for people (localhost). */
    private readonly shownUrl: string = baseUrl,
  ) {}

  /** Sets the demo up, retrying until it succeeds; null when the server stopped first. */
  async ready(): Promise<DemoHandle | null> {
    return this.retrying('demo set-up', () => this.setUp());
  }

  private async retrying<T>(what: string, work: () => Promise<T>): Promise<T | null> {
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (this.stopped) return null;
        const delay = retryDelayMs(attempt);
        this.logger.warn(`${what} failed (attempt ${attempt}), trying again in ${delay / 1000} s: ${describeError(error)}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
    return null;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    this.wake?.();
    await this.feed?.stop();
  }

  private async setUp(): Promise<DemoHandle | null> {
    const { config, baseUrl, logger } = this;
    const admin = new AdminClient(baseUrl, config.adminToken, this.abort.signal);
    const standard = JSON.parse(readFileSync(path.join(resourcesDir(), 'demo', 'catalogue.json'), 'utf8')) as CatalogueFile;
    const catalogue = config.demoCatalogue === 'city' ? cityCatalogue(standard) : standard;
    if ((await admin.departmentCodes()).length === 0) {
      await admin.loadCatalogue(catalogue);
      logger.log(`demo catalogue loaded: ${Object.keys(catalogue.departments).length} departments, ${Object.keys(catalogue.items).length} items`);
    }
    const [keys, displayToken] = await Promise.all([
      demoKeys(admin, baseUrl, config.dataDir, Object.keys(catalogue.departments), this.abort.signal),
      ensureDemoDisplayToken(admin, baseUrl, config.dataDir),
    ]);
    const { total } = await admin.call<{ total: number }>('GET', '/api/v1/cases?pageSize=1');
    if (total === 0) {
      // The demo's month of history arrives all at once: it was not "reported late" to this centre,
      // which starts watching reporting delays and back-dated bursts from now on.
      const since = new Date().toISOString();
      await admin.call('PUT', '/api/v1/rule-settings', {
        LATE_REPORTING: { monitoredSince: since },
        OFFLINE_HANDLING: { monitoredSince: since },
      });
    }
    if (this.stopped) return null;

    const startedAt = Date.now();
    const calendar = WorkingCalendar.fromYearFiles(readBundledCalendars());
    const simulator = new TrafficSimulator({
      catalogue,
      seed: startedAt % 2147483647,
      // A new run id per start: case and event ids of this run never collide with an earlier one's.
      runId: `D${Math.floor(startedAt / 1000).toString(36)}`,
      isWorkingDay: (date) => calendar.isWorkingDay(date),
    });
    this.feed = new DemoFeed(simulator, new FeedSender(baseUrl, keys), logger);
    // The city has five times the departments: five times the daily cases, so each still has a past.
    const casesPerDay = HISTORY_CASES_PER_DAY * Math.max(1, Math.round(keys.size / 12));
    this.feed.start(total === 0 ? { days: HISTORY_DAYS, casesPerDay } : null);
    // Beside the history, not before it: the wall URL is printed without waiting for the hashes.
    const users = this.retrying('demo users', () => ensureDemoUsers(admin, this.shownUrl, config.dataDir, catalogue));

    return {
      wallToken: displayToken,
      users,
      describe: () => [
        `Demo feed:   on (${keys.size} simulated department systems; DEMO_FEED=off to stop it)`,
        `Demo keys:   ${path.join(config.dataDir, 'demo-keys.json')}`,
      ],
    };
  }
}

/** Reuses the keys saved by an earlier start when they still work; issues the missing ones. */
async function demoKeys(admin: AdminClient, baseUrl: string, dataDir: string, departments: string[], signal: AbortSignal): Promise<Map<string, string>> {
  const file = path.join(dataDir, 'demo-keys.json');
  const saved = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  // All departments at once: each is an HTTP round trip and a short transaction of its own.
  const entries = await Promise.all(
    departments.map(async (code): Promise<[string, string]> => {
      const key = saved[code];
      if (key && (await keyWorks(baseUrl, key, signal))) return [code, key];
      return [code, await admin.issueKey(code, 'demo feed')];
    }),
  );
  const keys = new Map(entries);
  writeFileSync(file, JSON.stringify(Object.fromEntries(keys), null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return keys;
}

async function keyWorks(baseUrl: string, key: string, signal: AbortSignal): Promise<boolean> {
  const response = await fetch(`${baseUrl}/api/v1/events`, {
    signal,
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: '{"events":[]}',
  });
  return response.status === 202;
}

/** fetch's "fetch failed" hides the reason in `cause` (ECONNREFUSED, ECONNRESET…): say it. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  if (cause instanceof Error) return `${error.message} (${(cause as Error & { code?: string }).code ?? cause.message})`;
  return error.message;
}
