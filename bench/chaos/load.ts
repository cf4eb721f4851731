/**
 * The department systems: a few senders posting batches through the public API, as real ones do.
 * A batch counts as acknowledged only on a 202, and then every event in it that was not rejected is
 * a promise the centre made (it was committed or was already stored). A 503, a refused or dropped
 * connection or a timeout means "not taken": the batch is sent again later. Every answer is kept
 * with its time, so a scenario can look at what was answered during its fault window.
 */
import { Rng } from '../../libs/simulation/src/prng';
import { Batch } from './workload';

export type Outcome = number | 'connection' | 'timeout';

export interface Answer {
  /** When the request was sent and when its answer (or failure) came, ms since the epoch. */
  sentAt: number;
  at: number;
  outcome: Outcome;
}

export interface LoadOptions {
  baseUrl: () => string;
  keys: ReadonlyMap<string, string>;
  concurrency: number;
  /** Share of acknowledged batches sent once more (a sender that did not see the answer). */
  resendShare: number;
  seed: number;
  requestTimeoutMs?: number;
  /** Events per second across all senders; 0 for as fast as the centre answers. */
  ratePerSecond?: number;
}

export class LoadGenerator {
  readonly answers: Answer[] = [];
  /** department → eventIds the centre acknowledged. */
  readonly acknowledged = new Map<string, Set<string>>();
  rejectedEvents = 0;
  eventsSent = 0;
  private acknowledgedBatches = 0;
  private total = 0;
  private stopping = false;
  private nextSendAt = 0;
  private readonly rng: Rng;

  constructor(private readonly options: LoadOptions) {
    this.rng = new Rng(options.seed);
  }

  /** Share of the batches acknowledged so far (0…1). */
  progress(): number {
    return this.total === 0 ? 1 : this.acknowledgedBatches / this.total;
  }

  /** Whether every batch has been sent (the workload ran out before the faults did). */
  exhausted(): boolean {
    return this.acknowledgedBatches >= this.total;
  }

  acknowledgedCount(): number {
    let n = 0;
    for (const ids of this.acknowledged.values()) n += ids.size;
    return n;
  }

  count(predicate: (answer: Answer) => boolean): number {
    return this.answers.filter(predicate).length;
  }

  /**
   * No new batches from now on; what was sent and not yet acknowledged is still sent again until it
   * is (a department system does not give up on facts it has tried to deliver).
   */
  stop(): void {
    this.stopping = true;
  }

  /** Sends the batches (all of them, or until stop()) and retries each one until it is acknowledged. */
  async run(batches: Batch[]): Promise<void> {
    this.total = batches.length;
    const fresh = [...batches].reverse();
    const retries: { batch: Batch; resend: boolean; notBefore: number }[] = [];
    let inFlight = 0;
    const sender = async (): Promise<void> => {
      for (;;) {
        const now = Date.now();
        const index = retries.findIndex((p) => p.notBefore <= now);
        let job: { batch: Batch; resend: boolean } | undefined;
        if (index >= 0) [job] = retries.splice(index, 1);
        else if (!this.stopping && fresh.length > 0 && now >= this.nextSendAt) {
          job = { batch: fresh.pop()!, resend: false };
          // Only new batches spend the rate: retries after an outage go out at once, as senders catch up.
          const rate = this.options.ratePerSecond ?? 0;
          if (rate > 0) this.nextSendAt = Math.max(now, this.nextSendAt) + (job.batch.events.length / rate) * 1000;
        }
        if (!job) {
          if (retries.length === 0 && inFlight === 0 && (this.stopping || fresh.length === 0)) return;
          await sleep(20);
          continue;
        }
        inFlight++;
        try {
          const ok = await this.post(job.batch);
          if (!ok) retries.push({ ...job, notBefore: Date.now() + 250 + this.rng.int(0, 250) });
          else if (!job.resend) {
            this.acknowledgedBatches++;
            if (!this.stopping && this.rng.chance(this.options.resendShare)) retries.push({ batch: job.batch, resend: true, notBefore: Date.now() + this.rng.int(0, 2000) });
          }
        } finally {
          inFlight--;
        }
      }
    };
    await Promise.all(Array.from({ length: this.options.concurrency }, sender));
  }

  private async post(batch: Batch): Promise<boolean> {
    const sentAt = Date.now();
    let outcome: Outcome;
    let body: { accepted: number; duplicates: number; rejected: { index: number }[] } | undefined;
    try {
      const response = await fetch(`${this.options.baseUrl()}/api/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.options.keys.get(batch.departmentCode)}`, 'content-type': 'application/json' },
        body: JSON.stringify({ events: batch.events }),
        signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 30_000),
      });
      outcome = response.status;
      const text = await response.text();
      if (response.status === 202) body = JSON.parse(text) as typeof body;
    } catch (error) {
      outcome = (error as Error).name === 'TimeoutError' ? 'timeout' : 'connection';
    }
    this.eventsSent += batch.events.length;
    this.answers.push({ sentAt, at: Date.now(), outcome });
    if (!body) return false;
    const rejected = new Set(body.rejected.map((r) => r.index));
    this.rejectedEvents += rejected.size;
    const ids = this.acknowledged.get(batch.departmentCode) ?? new Set<string>();
    this.acknowledged.set(batch.departmentCode, ids);
    batch.events.forEach((event, i) => {
      if (!rejected.has(i)) ids.add(event.eventId);
    });
    return true;
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
