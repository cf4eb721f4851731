import type { AlertLevel } from '@app/contracts';

/**
 * Queue and job names are part of the deployed state (jobs wait in Redis under these names):
 * never rename one; add a new name and migrate instead.
 */
export const QUEUE_NAME = 'case-events';

export enum JobName {
  /** Project every case touched by one committed ingest batch. */
  ProjectBatch = 'project-batch',
  /** Recompute the open clocks a newly loaded calendar year can move, a chunk per job. */
  RecomputeClocks = 'recompute-clocks',
  /** Turn one card level change into notification deliveries (once per card and level). */
  PlanCardNotification = 'plan-card-notification',
  /** One attempt of one notification delivery; its retries are scheduled in PostgreSQL (ADR 8). */
  DeliverNotification = 'deliver-notification',
  /** Generate the joint meeting's quarterly pack once the quarter has ended (once per quarter). */
  GenerateQuarterlyReport = 'generate-quarterly-report',
}

export interface JobPayloads {
  [JobName.ProjectBatch]: { batchId: string };
  /**
   * No `after` and no `part`: the first job, which cuts the work into key ranges. Otherwise one chunk
   * of range `part` ("2/4"): the cases after `after` up to `until` (inclusive; none = to the end).
   */
  [JobName.RecomputeClocks]: {
    year: number;
    after?: { departmentCode: string; caseId: string };
    until?: { departmentCode: string; caseId: string };
    part?: string;
  };
  [JobName.PlanCardNotification]: { alertId: string; level: AlertLevel };
  [JobName.DeliverNotification]: { deliveryId: string };
  [JobName.GenerateQuarterlyReport]: { quarter: string };
}

export type JobHandler<N extends JobName> = (payload: JobPayloads[N]) => Promise<void>;

/**
 * Retries: a job that keeps failing backs off exponentially, then stays visible as failed.
 * `bulk`: throughput work (batches, recompute chunks) that may pile up. BullMQ takes jobs without a
 * priority before prioritized ones, so bulk jobs get one and a card's notification never waits in
 * line behind a backlog of batches (P2: it waited ~1 s behind one in bench:ingest). Bulk jobs keep
 * their order among themselves (one priority, FIFO).
 */
export const JOB_OPTIONS: Record<JobName, { attempts: number; backoffMs: number; bulk?: true }> = {
  [JobName.ProjectBatch]: { attempts: 8, backoffMs: 500, bulk: true },
  [JobName.RecomputeClocks]: { attempts: 8, backoffMs: 1000, bulk: true },
  [JobName.PlanCardNotification]: { attempts: 8, backoffMs: 1000 },
  // Only a crash or a database error fails this job: a failed send is recorded and rescheduled by the delivery itself.
  [JobName.DeliverNotification]: { attempts: 3, backoffMs: 1000 },
  [JobName.GenerateQuarterlyReport]: { attempts: 5, backoffMs: 5000 },
};
