import { Logger } from '@nestjs/common';
import { Job, Queue, Worker } from 'bullmq';
import IORedis, { Redis } from 'ioredis';
import { JOB_OPTIONS, JobHandler, JobName, JobPayloads, QUEUE_NAME } from './job-names';
import { assertEveryJobHandled, JOB_STATS_SAMPLE, JobQueue, JobQueueStats } from './job-queue';

export interface BullMqSettings {
  redisUrl: string;
  prefix: string;
  concurrency: number;
  /**
   * How long a worker's hold on a job lasts unless renewed, and how often workers look for jobs whose
   * hold ran out (their worker died): such a job goes back to the queue and runs again. Default:
   * BullMQ's (30 s each); the job-queue contract test shortens them to see a recovery in seconds.
   */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

/** Any priority puts a job after every unprioritized one (see JOB_OPTIONS `bulk`). */
const BULK_PRIORITY = 10;

/** Enqueueing must not hang while Redis is away: the recovery sweep will enqueue later. */
const ENQUEUE_TIMEOUT_MS = 2000;

export class BullMqJobQueue extends JobQueue {
  private readonly logger = new Logger('BullMqJobQueue');
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();
  private readonly producerConnection: Redis;
  private readonly queue: Queue;
  private worker: Worker | null = null;

  constructor(private readonly settings: BullMqSettings) {
    super();
    // The producer fails fast (no offline queue) so ingest never waits on a dead Redis.
    this.producerConnection = new IORedis(settings.redisUrl, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      lazyConnect: false,
    });
    this.producerConnection.on('error', (error: Error) => this.logger.warn(`redis (producer): ${error.message}`));
    this.queue = new Queue(QUEUE_NAME, { connection: this.producerConnection, prefix: settings.prefix });
    this.queue.on('error', (error: Error) => this.logger.warn(`queue: ${error.message}`));
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], jobId?: string): Promise<void> {
    const { attempts, backoffMs, bulk } = JOB_OPTIONS[name];
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('enqueue timed out: Redis unavailable')), ENQUEUE_TIMEOUT_MS);
    });
    const add = async () => {
      const job = await this.queue.add(name, payload, {
        jobId,
        attempts,
        backoff: { type: 'exponential', delay: backoffMs },
        ...(bulk ? { priority: BULK_PRIORITY } : {}),
        removeOnComplete: { count: 1000 },
        removeOnFail: { count: 10000 },
      });
      // BullMQ keeps a failed job under its id and ignores a new add with that id, so a batch whose
      // job ran out of attempts (a database outage longer than the backoff, a worker killed twice
      // mid-job) would never be projected however often the recovery sweep enqueued it: run it again.
      if (jobId !== undefined && (await this.queue.getJobState(jobId)) === 'failed') {
        await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true }).catch((error: Error) => {
          this.logger.warn(`job ${name} ${jobId} could not be retried: ${error.message}`);
        });
      }
    };
    try {
      await Promise.race([add(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  handle<N extends JobName>(name: N, handler: JobHandler<N>): void {
    this.handlers.set(name, handler as JobHandler<JobName>);
  }

  async startWorker(): Promise<void> {
    assertEveryJobHandled(this.handlers.keys());
    this.worker = new Worker(
      QUEUE_NAME,
      async (job: Job) => {
        const handler = this.handlers.get(job.name as JobName);
        if (!handler) throw new Error(`no handler for job ${job.name}`);
        await handler(job.data as JobPayloads[JobName]);
      },
      {
        // Workers must keep retrying Redis forever (BullMQ requires maxRetriesPerRequest: null).
        connection: { url: this.settings.redisUrl, maxRetriesPerRequest: null },
        prefix: this.settings.prefix,
        concurrency: this.settings.concurrency,
        ...(this.settings.lockDurationMs ? { lockDuration: this.settings.lockDurationMs } : {}),
        ...(this.settings.stalledIntervalMs ? { stalledInterval: this.settings.stalledIntervalMs } : {}),
      },
    );
    this.worker.on('error', (error: Error) => this.logger.warn(`worker: ${error.message}`));
    this.worker.on('failed', (job, error) =>
      this.logger.warn(`job ${job?.name ?? '?'} ${job?.id ?? ''} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`),
    );
    await this.worker.waitUntilReady();
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.producerConnection.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async depth(): Promise<number> {
    const counts = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(counts).reduce((sum, n) => sum + n, 0);
  }

  async stats(): Promise<JobQueueStats> {
    const counts = await this.queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active', 'failed');
    const byName = new Map<string, { name: string; pending: number; oldestEnqueuedAt: number | null }>();
    for (const state of ['waiting', 'prioritized', 'delayed'] as const) {
      if (!counts[state]) continue;
      for (const job of await this.queue.getJobs([state], 0, JOB_STATS_SAMPLE - 1, true)) {
        if (!job) continue; // removed between listing and reading
        const entry = byName.get(job.name) ?? { name: job.name, pending: 0, oldestEnqueuedAt: null };
        entry.pending++;
        entry.oldestEnqueuedAt = Math.min(entry.oldestEnqueuedAt ?? job.timestamp, job.timestamp);
        byName.set(job.name, entry);
      }
    }
    return {
      byState: { waiting: counts.waiting + counts.prioritized, delayed: counts.delayed, active: counts.active, failed: counts.failed },
      byName: [...byName.values()],
    };
  }

  /** The BullMQ queue itself, for the operator's queue board (server mode). */
  get bullQueue(): Queue {
    return this.queue;
  }

  async close(): Promise<void> {
    // Worker.close() waits for running jobs; a job cut short by a crash returns to the queue as stalled.
    await this.worker?.close();
    await this.queue.close();
    this.producerConnection.disconnect();
  }
}
