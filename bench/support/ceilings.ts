/**
 * Runs the reference ceilings (bench/ceilings/) as separate processes, in the same run as the
 * figure they sit under, and returns what they printed.
 */
import { execFileSync } from 'child_process';
import { resolve } from 'path';
import { ROOT } from './results';

export interface PgCeiling {
  rows: number;
  multiRowInsertRowsPerS: number;
  copyRowsPerS: number;
  singleRowInsertRowsPerS: number;
}

export interface BullmqCeiling {
  jobs: number;
  eventsPerJob: number;
  concurrency: number;
  addJobsPerS: number;
  processJobsPerS: number;
  processEventsPerS: number;
}

function runCeiling<T>(script: string, args: (string | number)[], env: NodeJS.ProcessEnv = {}): T {
  const output = execFileSync(process.execPath, [resolve(ROOT, 'bench/ceilings', script), ...args.map(String)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = output.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as T;
}

/** `node bench/ceilings/pg-ceiling.mjs <rows>` (200,000 in a full run, as targets.md says). */
export function pgCeiling(rows: number, databaseUrl?: string): PgCeiling {
  return runCeiling<PgCeiling>('pg-ceiling.mjs', [rows], databaseUrl ? { DATABASE_URL: databaseUrl } : {});
}

/** `node bench/ceilings/bullmq-ceiling.mjs <jobs> <eventsPerJob> <concurrency>` (20000 100 10 in a full run). */
export function bullmqCeiling(jobs: number, eventsPerJob: number, concurrency: number, redisUrl?: string): BullmqCeiling {
  return runCeiling<BullmqCeiling>('bullmq-ceiling.mjs', [jobs, eventsPerJob, concurrency], redisUrl ? { REDIS_URL: redisUrl } : {});
}
