import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CatalogueFile } from '@app/contracts';
import { WorkingCalendar } from '@app/domain';
import { clockText, DepartmentBatch, parseDurationSeconds, SlidingRate, TrafficSimulator } from '@app/simulation';
import { readBundledCalendars } from '../calendar/bundled-calendars';
import { AdminClient } from '../demo/admin-client';
import { FeedSender } from '../demo/feed-sender';
import { fetchCatalogue } from '../demo/remote-catalogue';
import { resourcesDir } from '../common/resources';
import { connectionFlags, parseFlags, positiveNumber, UsageError } from './cli-options';

const TICK_MS = 250;
/** A run that says how long it lasts: ten minutes unless told (`--duration 1h`, or `forever`). */
const DEFAULT_DURATION_S = 600;
/** The progress line's rate is over the last 10 s: what the sender does now. */
const RATE_WINDOW_MS = 10_000;

/**
 * `simulate`: drives realistic traffic through the public HTTP API as department systems would
 * (their own keys, duplicates, out-of-order deliveries, a share of irregular cases).
 */
export async function simulateCommand(argv: string[]): Promise<void> {
  const { values } = parseFlags(argv, {
    url: { type: 'string' },
    token: { type: 'string' },
    rate: { type: 'string' },
    departments: { type: 'string' },
    days: { type: 'string' },
    'cases-per-day': { type: 'string' },
    duration: { type: 'string' },
    seed: { type: 'string' },
  });
  const { url, token } = connectionFlags(values);
  const rate = positiveNumber('rate', values.rate, 200);
  const departmentCount = positiveNumber('departments', values.departments, 12);
  const days = values.days === undefined ? 0 : positiveNumber('days', values.days, 0);
  const casesPerDay = positiveNumber('cases-per-day', values['cases-per-day'], 100);
  const durationS = durationFlag(values.duration);
  const seed = values.seed === undefined ? Date.now() % 2147483647 : Math.floor(positiveNumber('seed', values.seed, 1));

  const admin = new AdminClient(url, token);
  if ((await admin.departmentCodes()).length === 0) {
    const demo = JSON.parse(readFileSync(path.join(resourcesDir(), 'demo', 'catalogue.json'), 'utf8')) as CatalogueFile;
    await admin.loadCatalogue(demo);
    console.log('the centre had no catalogue: loaded the demo catalogue');
  }
  const catalogue = await fetchCatalogue(admin);
  const codes = Object.keys(catalogue.departments)
    .filter((code) => Object.values(catalogue.items).some((item) => item.departmentCode === code))
    .slice(0, departmentCount);
  if (codes.length === 0) throw new UsageError('the centre has no department with items to simulate');
  const keys = new Map<string, string>();
  for (const code of codes) keys.set(code, await admin.issueKey(code, 'simulator'));
  const sender = new FeedSender(url, keys);
  const calendar = WorkingCalendar.fromYearFiles(readBundledCalendars());
  const simulator = new TrafficSimulator({
    catalogue,
    seed,
    departments: codes,
    casesPerDay,
    runId: `S${seed.toString(36)}`.slice(0, 12),
    isWorkingDay: (date) => calendar.isWorkingDay(date),
  });
  const progress = new Progress();

  if (days > 0) {
    console.log(`sending ${days} days of back-dated history for ${codes.length} departments…`);
    await sendAll(sender, simulator.history(new Date(), days, casesPerDay), progress);
    progress.print('history');
  }
  console.log(`live traffic at ${rate} events/s${Number.isFinite(durationS) ? ` for ${clockText(durationS)} (--duration to change; Ctrl-C stops early)` : ' until Ctrl-C'}`);
  const startAt = Date.now();
  const endAt = startAt + durationS * 1000;
  progress.restartRate();
  let stop = false;
  process.once('SIGINT', () => (stop = true));
  let lastPrint = Date.now();
  while (!stop && Date.now() < endAt) {
    const tickStart = Date.now();
    await sendAll(sender, simulator.live(new Date(), Math.max(1, Math.round((rate * TICK_MS) / 1000))), progress);
    if (Date.now() - lastPrint >= 1000) {
      const elapsed = (Date.now() - startAt) / 1000;
      progress.print(Number.isFinite(durationS) ? `live ${clockText(elapsed)}/${clockText(durationS)}` : `live ${clockText(elapsed)}`);
      lastPrint = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, TICK_MS - (Date.now() - tickStart))));
  }
  // Events the simulator held back (late deliveries) are sent before stopping, not lost.
  await sendAll(sender, simulator.flush(), progress);
  progress.print('done');
}

async function sendAll(sender: FeedSender, batches: DepartmentBatch[], progress: Progress): Promise<void> {
  for (const batch of batches) progress.add(await sender.send(batch.departmentCode, batch.events), batch.events.length);
}

/** `--duration`: seconds or `90s`, `10m`, `1h30m`; `forever` runs until Ctrl-C. */
function durationFlag(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_DURATION_S;
  if (raw === 'forever') return Infinity;
  const seconds = parseDurationSeconds(raw);
  if (seconds === null || seconds <= 0) throw new UsageError(`--duration must be a positive time such as 600, 90s, 10m or 1h (or "forever"), got "${raw}"`);
  return seconds;
}

/** Running totals, and the rate of the last few seconds (a cumulative average hides a slow-down). */
class Progress {
  private rate = new SlidingRate(RATE_WINDOW_MS);
  private sent = 0;
  private accepted = 0;
  private duplicates = 0;
  private rejected = 0;

  add(outcome: { accepted: number; duplicates: number; rejected: number }, sent: number): void {
    this.sent += sent;
    this.accepted += outcome.accepted;
    this.duplicates += outcome.duplicates;
    this.rejected += outcome.rejected;
    this.rate.record(Date.now(), this.sent);
  }

  /** The live phase's rate starts afresh (the history was sent as fast as the server took it). */
  restartRate(): void {
    this.rate = new SlidingRate(RATE_WINDOW_MS);
    this.rate.record(Date.now(), this.sent);
  }

  print(phase: string): void {
    console.log(
      `[${phase}] sent ${this.sent} events (now ${Math.round(this.rate.perSecond())}/s over the last ${RATE_WINDOW_MS / 1000} s): accepted ${this.accepted}, duplicates ${this.duplicates}, rejected ${this.rejected}`,
    );
  }
}
