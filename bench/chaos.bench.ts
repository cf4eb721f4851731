/**
 * Fault injection (R1, R2, R3, R6 of targets.md): `npm run chaos [-- --quick]`.
 *
 * Server mode from a private build: one api process and two worker processes on a throw-away
 * database reached through a TCP proxy, with a redis-server of our own on a free port (the system
 * Redis on 6379 and the system PostgreSQL are never touched). Department systems post realistic
 * back-dated case stories (seeded simulator, demo catalogue, all departments) while, in order:
 *   R2  our Redis is killed and restarted empty (first: a later wipe of the queue would hide jobs
 *       that R1's kills left stuck);
 *   R1  a worker is killed with SIGKILL at seeded random moments (3 times quick, 20 full) and restarted;
 *   R3  PostgreSQL becomes unreachable for a few seconds (the proxy drops every connection and
 *       refuses new ones); `--stop-system-postgres` instead stops and starts the machine's real
 *       cluster with pg_ctlcluster (by hand only: other work on the machine uses it);
 *   R6  the worker, then the api, get SIGTERM under load and are restarted.
 * Then the checker: every acknowledged event is in the event log, no case+rule has two cards, no
 * event is stored twice, every batch and case is projected, and a clean replay of the event log
 * (fresh database, fresh server, same batches in commit order) gives the same cases, clocks and
 * cards. Prints PASS/FAIL per scenario, writes bench/results/chaos.json, exits 1 on any failure.
 *
 * Options: --quick, --kills N (R1), --cases N (cases generated per scenario), --rate N (events/s,
 * 0 = as fast as it goes; quick 120), --seed N, --only R1,R3,
 * --pg-down-s N (R3 outage, quick 6, full 10), --stop-system-postgres, --keep (keep the databases).
 */
import { resolve } from 'path';
import { TcpProxy } from '../test/support/tcp-proxy';
import { quietPrivateBuild } from './chaos/build-module';
import { compareStates, dumpState, duplicates, selfCheck, waitProjected } from './chaos/checker';
import { Cluster } from './chaos/cluster';
import { demoCatalogue, setUpCentre } from './chaos/centre';
import { OwnRedis } from './chaos/own-redis';
import { cleanReplay, prepareReplay, ReplayTarget } from './chaos/replay';
import { ChaosContext, gracefulStops, killWorkers, restartRedis, ScenarioRun, stopPostgres } from './chaos/scenarios';
import { Figure, machine, printFigures, writeResult } from './support/results';
import { createDatabase, privateBuild, serverSecrets } from './support/server';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const QUICK = flag('--quick');
const KILLS = Number(option('--kills') ?? (QUICK ? 3 : 20));
const CASES = Number(option('--cases') ?? (QUICK ? 2000 : 50000));
const RATE = Number(option('--rate') ?? (QUICK ? 120 : 0));
const SEED = Number(option('--seed') ?? 20261130);
// R2 first: its empty Redis restart wipes the queue, which would hide a job R1's kills left stuck.
const ONLY = (option('--only') ?? 'R2,R1,R3,R6').split(',');
const PG_DOWN_MS = Number(option('--pg-down-s') ?? (QUICK ? 6 : 10)) * 1000;
const STOP_SYSTEM_POSTGRES = flag('--stop-system-postgres');
const KEEP = flag('--keep');
const DRAIN_TIMEOUT_MS = QUICK ? 120_000 : 1_200_000;

/** The local date the clocks count in: a replay on another day would count one more working day. */
const shanghaiDate = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

async function main(): Promise<number> {
  const startedAt = new Date().toISOString();
  const t0 = Date.now();
  const entry = await quietPrivateBuild('chaos', privateBuild);
  const buildRoot = resolve(entry, '../../../..');
  const db = await createDatabase('chaos');
  const redis = await OwnRedis.start();
  const proxy = new TcpProxy('127.0.0.1', 5432);
  await proxy.start();
  const secrets = serverSecrets();
  // Jobs lost with Redis or stuck behind a killed worker are found again by the recovery sweep.
  const env = { RECOVERY_INTERVAL_MS: '2000' };
  const cluster = new Cluster({
    entry,
    databaseUrl: db.url.replace('127.0.0.1:5432', `127.0.0.1:${proxy.port}`),
    redisUrl: redis.url,
    ...secrets,
    workers: 2,
    env,
  });
  const runs: ScenarioRun[] = [];
  const figures: Figure[] = [];
  const details: Record<string, unknown> = { seed: SEED, kills: KILLS, casesPerScenario: CASES, ratePerSecond: RATE, database: db.name, redisPort: redis.port };
  let failed = false;
  let replayTarget: ReplayTarget | undefined;
  const dayAtStart = shanghaiDate();
  try {
    await cluster.start();
    const catalogue = demoCatalogue();
    replayTarget = await prepareReplay({ entry, buildRoot, redisUrl: redis.url, catalogue, env });
    const keys = await setUpCentre(buildRoot, cluster.baseUrl, secrets.adminToken, catalogue);
    console.log(`chaos${QUICK ? ' (quick)' : ''}: api ${cluster.baseUrl}, 2 workers, database ${db.name} via proxy :${proxy.port}, own Redis :${redis.port}, seed ${SEED}`);
    const ctx: ChaosContext = {
      quick: QUICK, seed: SEED, cluster, redis, proxy, keys, databaseUrl: db.url, buildRoot, catalogue,
      killCount: KILLS, casesPerScenario: CASES, ratePerSecond: RATE, postgresDownMs: PG_DOWN_MS, stopSystemPostgres: STOP_SYSTEM_POSTGRES,
    };
    const scenarios = { R1: killWorkers, R2: restartRedis, R3: stopPostgres, R6: gracefulStops };
    for (const id of ONLY) {
      const scenario = scenarios[id as keyof typeof scenarios];
      if (!scenario) throw new Error(`--only: unknown scenario ${id}`);
      runs.push(await scenario(ctx));
    }

    console.log('\nchecker: clean replay of the event log into a fresh database, while the chaos workers finish their backlog…');
    const replaying = cleanReplay(replayTarget, db.url);
    replaying.catch(() => undefined);
    const drained = await waitProjected(db.url, DRAIN_TIMEOUT_MS);
    console.log(`  chaos database: ${drained.unprojectedBatches} batch(es) and ${drained.staleCases} case(s) left unprojected after ${(drained.ms / 1000).toFixed(1)} s`);
    const drainFailure = drained.unprojectedBatches !== 0 || drained.staleCases !== 0
      ? `${drained.unprojectedBatches} batch(es) / ${drained.staleCases} case(s) still unprojected after ${DRAIN_TIMEOUT_MS / 1000} s`
      : null;
    details.drain = drained;
    const chaosDump = await dumpState(db.url);
    await selfCheck(db.url, chaosDump);
    const replay = await replaying;
    console.log(`  replayed ${replay.events.toLocaleString('en')} events in ${replay.batches} batches in ${(replay.ms / 1000).toFixed(1)} s`);
    const dayChanged = shanghaiDate() !== dayAtStart;
    details.replay = { events: replay.events, batches: replay.batches, ms: replay.ms, localDayChangedDuringRun: dayChanged };
    if (dayChanged) console.log('  note: the local (Asia/Shanghai) day changed during the run; clock counts of open cases may differ by a day');

    console.log('\nresults');
    for (const run of runs) {
      const dup = await duplicates(db.url, run.casePrefix);
      const mine = (map: Map<string, string>) => new Map([...map].filter(([key]) => key.split('/')[1].startsWith(`${run.casePrefix}-`)));
      const diff = compareStates({ cases: mine(chaosDump.cases), cards: mine(chaosDump.cards) }, { cases: mine(replay.dump.cases), cards: mine(replay.dump.cards) });
      const cases = mine(chaosDump.cases).size;
      if (dup.activeCards + dup.cards + dup.events > 0) run.failures.push(`duplicates: ${JSON.stringify(dup)}`);
      if (diff.cases + diff.cards > 0) run.failures.push(`${diff.cases} case(s) and ${diff.cards} case+rule card set(s) differ from the clean replay:\n${diff.examples.join('\n')}`);
      if (drainFailure) run.failures.push(drainFailure);
      if (cases === 0) run.failures.push('no case projected');
      const pass = run.failures.length === 0;
      failed ||= !pass;
      console.log(
        `${pass ? 'PASS' : 'FAIL'} ${run.id} ${run.title}: ${run.acknowledged.toLocaleString('en')} events acknowledged, ${run.lost} lost; ` +
          `duplicates ${dup.activeCards + dup.cards + dup.events}; ${cases} cases, differing from replay: ${diff.cases} cases, ${diff.cards} card sets (${(run.ms / 1000).toFixed(1)} s)`,
      );
      for (const failure of run.failures) console.log(`     ${failure}`);
      figures.push(
        { id: run.id, what: `${run.title}: acknowledged events lost`, value: run.lost, unit: 'events', target: '0', meets: run.lost === 0 },
        { id: run.id, what: `${run.title}: duplicate cards or events`, value: dup.activeCards + dup.cards + dup.events, unit: 'duplicates', target: '0', meets: dup.activeCards + dup.cards + dup.events === 0 },
        { id: run.id, what: `${run.title}: cases and card sets differing from a clean replay`, value: diff.cases + diff.cards, unit: 'differences', target: '0', meets: diff.cases + diff.cards === 0, note: `${cases} cases compared` },
      );
      if (run.id === 'R3') {
        const recovery = run.details as { firstCommitMs?: number; readyMs?: number; during?: Record<string, number> };
        figures.push(
          { id: 'R3', what: 'answers 500 (or 202 to a request sent) during the outage', value: (recovery.during?.[500] ?? 0) + (recovery.during?.[202] ?? 0), unit: 'answers', target: '0', meets: (recovery.during?.[500] ?? 0) + (recovery.during?.[202] ?? 0) === 0 },
          { id: 'R3', what: 'recovery: api ready after PostgreSQL is back', value: Math.round((recovery.readyMs ?? -1) / 100) / 10, unit: 's', target: '≤ 60 s', meets: (recovery.readyMs ?? -1) >= 0 && (recovery.readyMs ?? 0) <= 60_000 },
        );
      }
      if (run.id === 'R6') {
        const exits = (run.details as { exits?: { role: string; ms: number }[] }).exits ?? [];
        for (const exit of exits) figures.push({ id: 'R6', what: `${exit.role} shutdown under load after SIGTERM`, value: exit.ms, unit: 'ms', note: 'must not hang (30 s limit)' });
      }
    }
    details.runs = runs.map(({ id, title, casePrefix, events, acknowledged, lost, answers, failures, faults, details: d, ms }) => ({
      id, title, casePrefix, events, acknowledged, lost, answers, failures, faults, details: d, ms,
    }));
  } catch (error) {
    failed = true;
    console.error(`chaos run aborted: ${(error as Error).stack ?? String(error)}\n--- process output (tail) ---\n${cluster.output().slice(-4000)}`);
    details.aborted = (error as Error).message;
  } finally {
    await replayTarget?.close();
    await cluster.stop();
    await proxy.stop();
    await redis.down();
    if (KEEP) console.log(`kept database ${db.url}`);
    else await db.drop();
  }
  writeResult({
    bench: 'chaos',
    command: `npm run chaos${QUICK ? ' -- --quick' : ''}`,
    quick: QUICK,
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: machine(),
    figures,
    details: { ...details, seconds: Math.round((Date.now() - t0) / 1000), pass: !failed },
  });
  console.log('');
  printFigures(figures);
  console.log(`\nchaos ${failed ? 'FAILED' : 'PASSED'} in ${Math.round((Date.now() - t0) / 1000)} s`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
