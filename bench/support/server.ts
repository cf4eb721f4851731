/**
 * What every server-mode benchmark needs: a throw-away PostgreSQL database, a private copy of the
 * build, and api/worker processes started from it as separate processes (so their CPU and memory
 * are theirs, and a kill -9 hits only them).
 */
import { ChildProcess, spawn } from 'child_process';
import { randomBytes } from 'crypto';
import { cpSync, existsSync, readFileSync, rmSync } from 'fs';
import { resolve } from 'path';
import { Client } from 'pg';
import { ROOT } from './results';

export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export async function createDatabase(prefix: string): Promise<BenchDatabase> {
  const name = `lm_bench_${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    name,
    url: PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`),
    async drop() {
      const cleanup = new Client({ connectionString: PG_ADMIN_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/**
 * A private copy of the build per benchmark: a `nest build` elsewhere in the tree (it empties dist/
 * first) must not pull the server out from under a benchmark that runs for minutes.
 */
export function privateBuild(bench: string): string {
  const main = 'apps/api/src/main.js';
  if (!existsSync(resolve(ROOT, 'dist', main))) throw new Error('dist/ is not built: run `npm run build` (npm run bench does)');
  const copy = resolve(ROOT, `dist-bench/app-${bench}`);
  rmSync(copy, { recursive: true, force: true });
  cpSync(resolve(ROOT, 'dist'), copy, { recursive: true });
  return resolve(copy, main);
}

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  baseUrl: string;
  /** Everything the process printed so far. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface ServerOptions {
  entry: string;
  databaseUrl: string;
  adminToken: string;
  jwtSecret: string;
  queuePrefix: string;
  role?: 'api' | 'worker' | 'all';
  redisUrl?: string;
  /** Extra environment (SCHEDULER_INTERVAL_MS, WORKER_CONCURRENCY, …). */
  env?: Record<string, string>;
  startTimeoutMs?: number;
}

export function serverSecrets(): Pick<ServerOptions, 'adminToken' | 'jwtSecret' | 'queuePrefix'> {
  return {
    adminToken: `bench-${randomBytes(16).toString('hex')}`,
    jwtSecret: randomBytes(24).toString('hex'),
    queuePrefix: `lmbench-${randomBytes(3).toString('hex')}`,
  };
}

export async function startServer(options: ServerOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, [options.entry], {
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl ?? REDIS_URL,
      ADMIN_TOKEN: options.adminToken,
      JWT_SECRET: options.jwtSecret,
      QUEUE_PREFIX: options.queuePrefix,
      APP_ROLE: options.role ?? 'all',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_FORMAT: 'text',
      DEMO_FEED: 'off',
      RATE_LIMIT_MAX: '10000000',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + (options.startTimeoutMs ?? 90_000);
  const ready = /API:\s+(http:\/\/\S+)\/api\/v1/;
  while (!ready.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server (${options.role ?? 'all'}) did not start:\n${output.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    pid: child.pid!,
    baseUrl: ready.exec(output)![1].replace('localhost', '127.0.0.1'),
    output: () => output,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill(signal);
      return exited;
    },
  };
}

/** A JSON client with the admin (or any) bearer token; throws on a non-2xx answer. */
export function apiClient(baseUrl: string, token: string) {
  return async <T = unknown>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(baseUrl + path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
    return ((response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text) as T;
  };
}

/** CPU seconds (user + system) a process has used so far, read from /proc (Linux). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Resident set size of a process in MB, read from /proc (Linux). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}
