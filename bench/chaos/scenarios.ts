/**
 * The faults, in order, each under its own load of fresh cases (case ids carry the scenario's run
 * id, so the checker can tell the scenarios apart in the one database they share).
 */
import { execFileSync } from 'child_process';
import { readdirSync } from 'fs';
import IORedis from 'ioredis';
import type { CatalogueFile } from '../../libs/contracts/src';
import { Rng } from '../../libs/simulation/src/prng';
import { TcpProxy } from '../../test/support/tcp-proxy';
import { missingAcknowledged } from './checker';
import { Cluster, ExitRecord } from './cluster';
import { LoadGenerator, sleep } from './load';
import { OwnRedis } from './own-redis';
import { buildWorkload } from './workload';

export interface ChaosContext {
  quick: boolean;
  seed: number;
  cluster: Cluster;
  redis: OwnRedis;
  proxy: TcpProxy;
  keys: ReadonlyMap<string, string>;
  databaseUrl: string;
  buildRoot: string;
  catalogue: CatalogueFile;
  killCount: number;
  casesPerScenario: number;
  /** Load rate in events/s (0: as fast as the centre takes it). */
  ratePerSecond: number;
  /** How long PostgreSQL stays away in R3 (ms). */
  postgresDownMs: number;
  stopSystemPostgres: boolean;
}

export interface ScenarioRun {
  id: 'R1' | 'R2' | 'R3' | 'R6';
  title: string;
  casePrefix: string;
  events: number;
  acknowledged: number;
  lost: number;
  answers: Record<string, number>;
  failures: string[];
  faults: string[];
  details: Record<string, unknown>;
  ms: number;
}

type FaultScript = (ctx: ChaosContext, load: LoadGenerator, rng: Rng, note: (line: string) => void, fail: (why: string) => void) => Promise<Record<string, unknown>>;

async function runScenario(ctx: ChaosContext, id: ScenarioRun['id'], title: string, seedOffset: number, script: FaultScript): Promise<ScenarioRun> {
  const t0 = Date.now();
  const seed = ctx.seed + seedOffset;
  const casePrefix = `C${id}${(seed % 46656).toString(36)}`;
  const batches = buildWorkload(ctx.buildRoot, ctx.catalogue, { runId: casePrefix, seed, cases: ctx.casesPerScenario, batchEvents: 200 });
  const load = new LoadGenerator({ baseUrl: () => ctx.cluster.baseUrl, keys: ctx.keys, concurrency: 3, resendShare: 0.05, seed, ratePerSecond: ctx.ratePerSecond });
  const faults: string[] = [];
  const failures: string[] = [];
  const note = (line: string) => {
    faults.push(`${((Date.now() - t0) / 1000).toFixed(1)} s ${line}`);
    console.log(`  [${id}] ${faults[faults.length - 1]}`);
  };
  console.log(`\n${id} ${title}`);
  const loadDone = load.run(batches);
  // The faults strike a system already under load.
  await sleep(WARM_UP_MS);
  const details = await script(ctx, load, new Rng(seed), note, (why) => failures.push(why)).catch(async (error: Error) => {
    failures.push(`fault script failed: ${error.message}`);
    return {};
  });
  if (load.exhausted()) failures.push('the workload ran out before the faults ended (raise --cases)');
  await sleep(TAIL_MS);
  load.stop();
  await loadDone;
  const lost = await missingAcknowledged(ctx.databaseUrl, load.acknowledged);
  const answers: Record<string, number> = {};
  for (const a of load.answers) answers[String(a.outcome)] = (answers[String(a.outcome)] ?? 0) + 1;
  const serverErrors = load.count((a) => typeof a.outcome === 'number' && a.outcome >= 500 && a.outcome !== 503);
  if (serverErrors > 0) failures.push(`${serverErrors} answer(s) 5xx other than 503`);
  if (lost > 0) failures.push(`${lost} acknowledged event(s) missing from the event log`);
  if (load.rejectedEvents > 0) failures.push(`${load.rejectedEvents} event(s) rejected (the workload must be valid)`);
  const acknowledged = load.acknowledgedCount();
  const run: ScenarioRun = { id, title, casePrefix, events: load.eventsSent, acknowledged, lost, answers, failures, faults, details, ms: Date.now() - t0 };
  console.log(`  [${id}] load done in ${(run.ms / 1000).toFixed(1)} s: ${acknowledged.toLocaleString('en')} events acknowledged (${Math.round(acknowledged / (run.ms / 1000))}/s), answers ${JSON.stringify(answers)}, lost ${lost}`);
  return run;
}

const WARM_UP_MS = 1500;
const TAIL_MS = 1500;

/** BullMQ's list of running jobs: a kill with jobs in it lands mid-batch. */
async function activeJobs(redisUrl: string, prefix: string): Promise<number> {
  const client = new IORedis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await client.connect();
    return await client.llen(`${prefix}:case-events:active`);
  } catch {
    return -1;
  } finally {
    client.disconnect();
  }
}

/**
 * R1: kill -9 a worker at seeded random moments of the load. Each is restarted at once, as a
 * supervisor would; the next kill may hit the other worker while this one still boots.
 */
export function killWorkers(ctx: ChaosContext): Promise<ScenarioRun> {
  return runScenario(ctx, 'R1', `kill -9 of a worker, ${ctx.killCount} times during load`, 1, async (c, load, rng, note) => {
    let midBatch = 0;
    const restartMs: number[] = [];
    const restarting = new Map<number, Promise<void>>();
    for (let i = 0; i < c.killCount; i++) {
      await sleep(rng.int(0, 2500));
      const index = rng.int(0, c.cluster.workers.length - 1);
      await restarting.get(index);
      // A job must be running for the kill to land mid-batch; wait a little for one.
      let active = 0;
      for (let tries = 0; tries < 100 && (active = await activeJobs(c.redis.url, c.cluster.settings.queuePrefix)) <= 0; tries++) await sleep(20);
      if (active > 0) midBatch++;
      const acknowledged = load.acknowledgedCount();
      await c.cluster.signal(index, 'SIGKILL');
      note(`kill -9 #${i + 1} of worker ${index} after ${acknowledged.toLocaleString('en')} events acknowledged, ${active} job(s) running`);
      const t = Date.now();
      restarting.set(index, c.cluster.startWorker(index).then(() => void restartMs.push(Date.now() - t)));
    }
    // The faults are done: no new load while the last workers boot (it would only grow the replay).
    await sleep(1500);
    load.stop();
    await Promise.all(restarting.values());
    note(`every worker back (restarts took ${restartMs.join(', ')} ms)`);
    return { kills: c.killCount, killsWithJobsRunning: midBatch, restartMs };
  });
}

/** R2: our own Redis stops (every queued job gone: no persistence) and comes back. */
export function restartRedis(ctx: ChaosContext): Promise<ScenarioRun> {
  const downMs = ctx.quick ? 3000 : 10_000;
  return runScenario(ctx, 'R2', `Redis down for ${downMs / 1000} s during load, restarted empty`, 2, async (c, load, _rng, note, fail) => {
    const from = Date.now();
    await c.redis.down();
    note('Redis killed');
    await sleep(downMs);
    await c.redis.up();
    const to = Date.now();
    note('Redis restarted (empty)');
    const committedDuring = load.count((a) => a.outcome === 202 && a.at >= from && a.at <= to);
    const notTaken = load.count((a) => a.outcome !== 202 && a.at >= from && a.at <= to);
    note(`while Redis was down: ${committedDuring} batch(es) committed (202), ${notTaken} not taken`);
    if (committedDuring === 0) fail('ingest did not commit anything while Redis was down');
    return { downMs: to - from, committedWhileDown: committedDuring, notTakenWhileDown: notTaken };
  });
}

function systemCluster(): { version: string; name: string } {
  const version = readdirSync('/etc/postgresql').sort().pop();
  if (!version) throw new Error('no PostgreSQL cluster under /etc/postgresql');
  return { version, name: 'main' };
}

/** R3: PostgreSQL goes away (the proxy cuts every connection and refuses new ones, or a real stop). */
export function stopPostgres(ctx: ChaosContext): Promise<ScenarioRun> {
  const downMs = ctx.postgresDownMs;
  const how = ctx.stopSystemPostgres ? 'system cluster stopped (pg_ctlcluster)' : 'connections cut at the proxy';
  return runScenario(ctx, 'R3', `PostgreSQL unavailable for ${downMs / 1000} s during load (${how})`, 3, async (c, load, _rng, note, fail) => {
    const pg = systemCluster();
    const from = Date.now();
    if (c.stopSystemPostgres) execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', pg.version, pg.name, 'stop', '-m', 'fast']);
    else c.proxy.cut();
    note(`PostgreSQL down (${how})`);
    await sleep(downMs);
    if (c.stopSystemPostgres) execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', pg.version, pg.name, 'start']);
    else c.proxy.restore();
    const to = Date.now();
    note('PostgreSQL back');
    let firstCommitMs = -1;
    let readyMs = -1;
    for (const deadline = to + 90_000; Date.now() < deadline && (firstCommitMs < 0 || readyMs < 0); await sleep(100)) {
      const first = load.answers.find((a) => a.outcome === 202 && a.sentAt >= to);
      if (first && firstCommitMs < 0) firstCommitMs = first.at - to;
      if (readyMs < 0 && (await fetch(`${c.cluster.baseUrl}/ready`).then((r) => r.status, () => 0)) === 200) readyMs = Date.now() - to;
    }
    const window = load.answers.filter((a) => a.sentAt >= from && a.at <= to);
    const tally = (outcome: string) => window.filter((a) => String(a.outcome) === outcome).length;
    note(`during the outage: ${tally('503')} × 503, ${tally('202')} × 202, ${tally('500')} × 500, ${tally('connection') + tally('timeout')} connection failures; recovery: first commit ${firstCommitMs} ms, /ready ${readyMs} ms after restart`);
    if (tally('202') > 0) fail(`${tally('202')} request(s) sent during the outage answered 202`);
    if (tally('503') === 0) fail('no 503 during the outage');
    if (readyMs < 0 || readyMs > 60_000) fail(`api not ready within 60 s of the restart (${readyMs} ms)`);
    if (firstCommitMs < 0 || firstCommitMs > 60_000) fail(`ingest did not recover within 60 s (${firstCommitMs} ms)`);
    const afterwards = load.answers.filter((a) => a.at > to).slice(0, 8).map((a) => ({ sentMs: a.sentAt - to, answeredMs: a.at - to, outcome: a.outcome }));
    return { downMs: to - from, how, firstAnswersAfterRestart: afterwards, during: { 503: tally('503'), 202: tally('202'), 500: tally('500'), connection: tally('connection'), timeout: tally('timeout') }, firstCommitMs, readyMs };
  });
}

/** R6: SIGTERM the worker, then the api, under load; each must exit promptly and be restarted. */
export function gracefulStops(ctx: ChaosContext): Promise<ScenarioRun> {
  return runScenario(ctx, 'R6', 'SIGTERM of a worker, then of the api, under load', 6, async (c, load, _rng, note, fail) => {
    const exits: ExitRecord[] = [];
    const active = await activeJobs(c.redis.url, c.cluster.settings.queuePrefix);
    exits.push(await c.cluster.signal(0, 'SIGTERM', 30_000).catch((e: Error) => (fail(e.message.split('\n')[0]), { role: 'worker 0', signal: 'SIGTERM' as const, exitCode: null, ms: -1 })));
    note(`worker 0 stopped by SIGTERM in ${exits[0].ms} ms with ${active} job(s) running (exit ${exits[0].exitCode})`);
    const workerBack = c.cluster.startWorker(0);
    await sleep(1500);
    exits.push(await c.cluster.signal('api', 'SIGTERM', 30_000).catch((e: Error) => (fail(e.message.split('\n')[0]), { role: 'api', signal: 'SIGTERM' as const, exitCode: null, ms: -1 })));
    note(`api stopped by SIGTERM in ${exits[1].ms} ms (exit ${exits[1].exitCode})`);
    await c.cluster.startApi();
    await workerBack;
    note('api and worker 0 restarted');
    return { exits };
  });
}
