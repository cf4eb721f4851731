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
}

export interface JobPayloads {
  [JobName.ProjectBatch]: { batchId: string };
  [JobName.RecomputeClocks]: { year: number; after?: { departmentCode: string; caseId: string } };
}

export type JobHandler<N extends JobName> = (payload: JobPayloads[N]) => Promise<void>;

/** Retries: a job that keeps failing backs off exponentially, then stays visible as failed. */
export const JOB_OPTIONS: Record<JobName, { attempts: number; backoffMs: number }> = {
  [JobName.ProjectBatch]: { attempts: 8, backoffMs: 500 },
  [JobName.RecomputeClocks]: { attempts: 8, backoffMs: 1000 },
};
