/**
 * Drives cards (alerts) through the public ingest API at a fixed rate, as department systems would:
 * each case is a short story that makes a rule fire on the events themselves, so every case raises
 * exactly one card straight away through the real path (ingest → projection → rules → cards →
 * outbox → /wall). Four cases in five are charged a fee above the item's standard (FEE_IRREGULAR,
 * RED); the fifth is accepted without its required documents (DOCUMENTS_MISSING, PROMPT). Cases
 * are spread round-robin over the departments, sent every `tickMs` (a second) in one request per department, as a department system reports.
 */
import { randomBytes } from 'crypto';

export interface LoadItem {
  departmentCode: string;
  itemCode: string;
  feeFen: number;
  requiredDocuments: string[];
}

export interface CardLoadStats {
  casesSent: number;
  requests: number;
  failedRequests: number;
  rejectedEvents: number;
  lastError: string | null;
  /** Cases due but not sent because too many requests were still in flight. */
  skippedCases: number;
}

/** Requests in flight beyond which a tick is skipped: a slow server must not pile up sockets here. */
const MAX_IN_FLIGHT = 200;

export class CardLoad {
  readonly stats: CardLoadStats = { casesSent: 0, requests: 0, failedRequests: 0, rejectedEvents: 0, lastError: null, skippedCases: 0 };
  private readonly run = randomBytes(3).toString('hex');
  private stopped = false;
  private loop: Promise<void> | null = null;
  private inFlight = new Set<Promise<void>>();
  private next = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly keys: ReadonlyMap<string, string>,
    private readonly items: readonly LoadItem[],
    private readonly casesPerSecond: number,
    private readonly tickMs = 1000,
  ) {
    if (items.length === 0) throw new Error('no items to raise cards on');
  }

  start(): void {
    this.loop ??= this.drive();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
    await Promise.all(this.inFlight);
  }

  private async drive(): Promise<void> {
    const startedAt = Date.now();
    let due = 0;
    for (let tick = 1; !this.stopped; tick++) {
      const wait = startedAt + tick * this.tickMs - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (this.stopped) break;
      // Paced on the wall clock: a late tick sends what fell due meanwhile.
      const target = Math.floor(((Date.now() - startedAt) * this.casesPerSecond) / 1000);
      const count = target - due;
      due = target;
      if (count <= 0) continue;
      if (this.inFlight.size >= MAX_IN_FLIGHT) {
        this.stats.skippedCases += count;
        continue;
      }
      this.sendTick(count);
    }
  }

  private sendTick(count: number): void {
    const byDepartment = new Map<string, unknown[]>();
    const now = Date.now();
    for (let i = 0; i < count; i++) {
      const n = this.next++;
      const item = this.items[n % this.items.length];
      const events = byDepartment.get(item.departmentCode) ?? [];
      events.push(...caseEvents(`WB${this.run}-${n}`, item, n % 5 === 4, now));
      byDepartment.set(item.departmentCode, events);
    }
    for (const [department, events] of byDepartment) {
      const request = this.post(department, events).finally(() => this.inFlight.delete(request));
      this.inFlight.add(request);
    }
    this.stats.casesSent += count;
  }

  private async post(department: string, events: unknown[]): Promise<void> {
    this.stats.requests += 1;
    try {
      const response = await fetch(`${this.baseUrl}/api/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.keys.get(department)}`, 'content-type': 'application/json' },
        body: JSON.stringify({ events }),
      });
      const text = await response.text();
      if (response.status !== 202) throw new Error(`${response.status} ${text.slice(0, 200)}`);
      const body = JSON.parse(text) as { rejected?: unknown[] };
      this.stats.rejectedEvents += body.rejected?.length ?? 0;
      if (body.rejected?.length) this.stats.lastError = `rejected: ${JSON.stringify(body.rejected[0]).slice(0, 300)}`;
    } catch (error) {
      this.stats.failedRequests += 1;
      this.stats.lastError = (error as Error).message;
    }
  }
}

/** One case's events: a RED fee case, or (missingDocuments) a PROMPT case accepted without its documents. */
function caseEvents(caseId: string, item: LoadItem, missingDocuments: boolean, now: number): unknown[] {
  const at = (secondsAgo: number) => new Date(now - secondsAgo * 1000).toISOString();
  const base = { departmentCode: item.departmentCode, caseId, itemCode: item.itemCode };
  const documents = missingDocuments ? [] : item.requiredDocuments;
  const events: unknown[] = [
    { ...base, eventId: `${caseId}-1`, seq: 1, type: 'SUBMITTED', occurredAt: at(3), data: { channel: 'ONLINE', documents } },
    { ...base, eventId: `${caseId}-2`, seq: 2, type: 'ACCEPTED', occurredAt: at(2), data: {} },
  ];
  if (!missingDocuments) {
    events.push({ ...base, eventId: `${caseId}-3`, seq: 3, type: 'FEE_CHARGED', occurredAt: at(1), data: { amountFen: item.feeFen + 20_000 } });
  }
  return events;
}
