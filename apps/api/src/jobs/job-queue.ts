import { JobHandler, JobName, JobPayloads } from './job-names';

/**
 * The one job interface of the application. Server mode backs it with BullMQ on Redis; embedded
 * mode with an in-process runner. Callers never know which.
 */
export abstract class JobQueue {
  /** Adds a job; a job with the same `jobId` still waiting is not added twice; one that failed for good runs again. */
  abstract enqueue<N extends JobName>(name: N, payload: JobPayloads[N], jobId?: string): Promise<void>;

  /** Registers the processor of a job name (worker role). */
  abstract handle<N extends JobName>(name: N, handler: JobHandler<N>): void;

  /** Starts consuming; fails when a job name has no handler, so a missing processor stops the boot. */
  abstract startWorker(): Promise<void>;

  /** Whether the queue's backing store answers (readiness). */
  abstract ping(): Promise<boolean>;

  /** Jobs waiting or running, for readiness details and back-pressure. */
  abstract depth(): Promise<number>;

  /** What waits and runs, by state and by job name, for the operator's metrics and queue page. */
  abstract stats(): Promise<JobQueueStats>;

  /** Stops taking jobs, lets running ones finish (or return to the queue), releases connections. */
  abstract close(): Promise<void>;
}

export interface JobQueueStats {
  /** Exact counts: waiting (incl. prioritized), delayed (retry backoff), active, failed (for good). */
  byState: Record<'waiting' | 'delayed' | 'active' | 'failed', number>;
  /**
   * Jobs not yet run (waiting or delayed) per job name, and when the oldest of them was enqueued.
   * BullMQ: counted over the oldest JOB_STATS_SAMPLE of each state, so a larger backlog shows its
   * oldest part only (byState stays exact).
   */
  byName: { name: string; pending: number; oldestEnqueuedAt: number | null }[];
}

export const JOB_STATS_SAMPLE = 1000;

export function assertEveryJobHandled(registered: Iterable<JobName>): void {
  const have = new Set(registered);
  const missing = Object.values(JobName).filter((name) => !have.has(name));
  if (missing.length > 0) throw new Error(`No handler registered for job(s): ${missing.join(', ')}`);
}
