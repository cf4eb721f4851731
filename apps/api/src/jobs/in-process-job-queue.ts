import { Logger } from '@nestjs/common';
import { JOB_OPTIONS, JobHandler, JobName, JobPayloads } from './job-names';
import { assertEveryJobHandled, JobQueue, JobQueueStats } from './job-queue';

interface PendingJob {
  name: JobName;
  payload: unknown;
  jobId?: string;
  attempt: number;
  enqueuedAt: number;
}

/**
 * Embedded mode's runner: one job at a time, in this process, with the same retry policy as
 * BullMQ. Jobs live in memory; what a crash loses is found again by the batch recovery sweep,
 * because every job's input is committed in PostgreSQL before the job is enqueued.
 */
export class InProcessJobQueue extends JobQueue {
  private readonly logger = new Logger('InProcessJobQueue');
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();
  private readonly queue: PendingJob[] = [];
  private readonly waitingIds = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Jobs waiting out a retry backoff, kept for stats (the timer holds the job itself). */
  private readonly delayed = new Set<PendingJob>();
  private active = 0;
  private failed = 0;
  private running = false;
  private draining: Promise<void> | null = null;
  private closed = false;

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], jobId?: string): Promise<void> {
    if (this.closed) throw new Error('job queue is closed');
    if (jobId !== undefined) {
      if (this.waitingIds.has(jobId)) return;
      this.waitingIds.add(jobId);
    }
    this.line({ name, payload, jobId, attempt: 1, enqueuedAt: Date.now() });
    this.kick();
  }

  /**
   * Into the line as BullMQ orders it (JOB_OPTIONS `bulk`): a job without a priority goes ahead of
   * every waiting bulk job, so a card's notification never waits behind a backlog of batches; jobs
   * of one kind keep their order. test/job-queue-contract.e2e-spec.ts holds both runners to this.
   */
  private line(job: PendingJob): void {
    const firstBulk = JOB_OPTIONS[job.name].bulk ? -1 : this.queue.findIndex((waiting) => JOB_OPTIONS[waiting.name].bulk);
    if (firstBulk === -1) this.queue.push(job);
    else this.queue.splice(firstBulk, 0, job);
  }

  handle<N extends JobName>(name: N, handler: JobHandler<N>): void {
    this.handlers.set(name, handler as JobHandler<JobName>);
  }

  async startWorker(): Promise<void> {
    assertEveryJobHandled(this.handlers.keys());
    this.running = true;
    this.kick();
  }

  async ping(): Promise<boolean> {
    return !this.closed;
  }

  async depth(): Promise<number> {
    return this.queue.length + this.timers.size;
  }

  async stats(): Promise<JobQueueStats> {
    const byName = new Map<string, { name: string; pending: number; oldestEnqueuedAt: number | null }>();
    for (const job of [...this.queue, ...this.delayed]) {
      const entry = byName.get(job.name) ?? { name: job.name, pending: 0, oldestEnqueuedAt: null };
      entry.pending++;
      entry.oldestEnqueuedAt = Math.min(entry.oldestEnqueuedAt ?? job.enqueuedAt, job.enqueuedAt);
      byName.set(job.name, entry);
    }
    return {
      byState: { waiting: this.queue.length, delayed: this.delayed.size, active: this.active, failed: this.failed },
      byName: [...byName.values()],
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.running = false;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.delayed.clear();
    await this.draining;
  }

  private kick(): void {
    if (!this.running || this.draining) return;
    this.draining = this.drain().finally(() => {
      this.draining = null;
      if (this.running && this.queue.length > 0) this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (this.running && this.queue.length > 0) {
      const job = this.queue.shift()!;
      if (job.jobId !== undefined) this.waitingIds.delete(job.jobId);
      const handler = this.handlers.get(job.name);
      this.active++;
      try {
        if (!handler) throw new Error(`no handler for ${job.name}`);
        await handler(job.payload as JobPayloads[JobName]);
      } catch (error) {
        this.retryLater(job, error);
      } finally {
        this.active--;
      }
    }
  }

  private retryLater(job: PendingJob, error: unknown): void {
    const { attempts, backoffMs } = JOB_OPTIONS[job.name];
    const message = error instanceof Error ? error.message : String(error);
    if (job.attempt >= attempts) {
      this.failed++;
      this.logger.error(`job ${job.name} ${job.jobId ?? ''} failed after ${job.attempt} attempts: ${message}`);
      return;
    }
    this.logger.warn(`job ${job.name} ${job.jobId ?? ''} attempt ${job.attempt} failed: ${message}`);
    this.delayed.add(job);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.delayed.delete(job);
      this.line({ ...job, attempt: job.attempt + 1 });
      this.kick();
    }, backoffMs * 2 ** (job.attempt - 1));
    this.timers.add(timer);
  }
}
