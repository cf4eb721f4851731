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

  /** Stops taking jobs, lets running ones finish (or return to the queue), releases connections. */
  abstract close(): Promise<void>;
}

export function assertEveryJobHandled(registered: Iterable<JobName>): void {
  const have = new Set(registered);
  const missing = Object.values(JobName).filter((name) => !have.has(name));
  if (missing.length > 0) throw new Error(`No handler registered for job(s): ${missing.join(', ')}`);
}
