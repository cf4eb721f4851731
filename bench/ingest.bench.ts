/**
 * P1 sustained ingest and P2 event → alert latency, server mode (PostgreSQL + BullMQ), from a private
 * build: api process(es) (APP_ROLE=api) take the HTTP batches, worker process(es) (APP_ROLE=worker)
 * project them (history reload, clocks, rules, cards, outbox). The load generator is a process of
 * its own (dist-bench/bench/ingest-loadgen.js). In the same run: the PostgreSQL and BullMQ ceilings.
 *
 * P1: events acknowledged per second, events fully projected per second (ingest_batches.projected_at),
 * the backlog sampled every second (unprojected batches, BullMQ waiting+active), the time to drain
 * after the load stops, CPU seconds per process. The P1 figure is end to end: acknowledged events
 * divided by (load time + drain time).
 * P2: at half the P1 figure, a probe sends single card-raising events (ACCEPTED with the item's
 * documents missing) and a real socket.io client on /notifications (a centre supervisor, who hears
 * every department's live `card` news) times 202 received → card received.
 *
 * `npm run bench:ingest [-- --quick] [-- --seconds N] [-- --rate N] [-- --batch N] [-- --connections N]
 *  [-- --workers N] [-- --apis N] [-- --concurrency N] [-- --departments N] [-- --p2-seconds N] [-- --p2-rate N]
 *  [-- --irregular SHARE] [-- --profile DIR]` (DIR gets V8 CPU profiles and per-statement query times of api and worker)
 */
import { fork } from 'child_process';
import { resolve } from 'path';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { io, Socket } from 'socket.io-client';
import { bullmqCeiling, pgCeiling } from './support/ceilings';
import { benchCatalogue, cardRaisingEvent } from './support/ingest-stories';
import { cpuDelta, cpuOf, pidsNamed } from './support/process-cpu';
import { Figure, machine, printFigures, withRatio, writeResult } from './support/results';
import { apiClient, createDatabase, privateBuild, REDIS_URL, rssMb, serverSecrets, ServerProcess, startServer } from './support/server';
import type { LoadgenConfig, LoadgenTick } from './ingest-loadgen';

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const option = (name: string, fallback: number): number => {
  const i = argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number`);
  return value;
};
const SECONDS = option('seconds', QUICK ? 15 : 60);
const RATE = option('rate', 0);
const BATCH = option('batch', 500);
const CONNECTIONS = option('connections', 4);
const WORKERS = option('workers', 1);
const APIS = option('apis', 1);
const CONCURRENCY = option('concurrency', 4);
const DEPARTMENTS = option('departments', 40);
const P2_SECONDS = option('p2-seconds', QUICK ? 10 : 30);
const IRREGULAR = option('irregular', 0.02);
/** P2's background rate; default half the P1 figure just measured. */
const P2_RATE = option('p2-rate', 0);
const DRAIN_TIMEOUT_S = option('drain-timeout', QUICK ? 120 : 300);
const PROBE_EVERY_MS = 200;
/** `--profile DIR`: the api and worker processes write V8 CPU profiles there (node --cpu-prof) when they stop. */
const PROFILE_DIR = argv.includes('--profile') ? resolve(argv[argv.indexOf('--profile') + 1]) : null;
const P1_TARGET = 20_000;

interface Sample {
  t: number;
  acked: number;
  projectedEvents: number;
  pendingBatches: number;
  pendingEvents: number;
  bullmqWaiting: number;
  bullmqActive: number;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const db = await createDatabase('ingest');
  const entry = privateBuild('ingest');
  const secrets = serverSecrets();
  const servers: ServerProcess[] = [];
  const pg = new Client({ connectionString: db.url });
  let queue: Queue | null = null;
  let socket: Socket | null = null;
  try {
    console.log(`ceilings: pg-ceiling ${QUICK ? 50_000 : 200_000} rows, bullmq-ceiling ${QUICK ? 5000 : 20_000} jobs × 100 events, concurrency 10`);
    const pgC = pgCeiling(QUICK ? 50_000 : 200_000, db.url);
    const bullC = bullmqCeiling(QUICK ? 5000 : 20_000, 100, 10);
    console.log(`  ${JSON.stringify(pgC)}\n  ${JSON.stringify(bullC)}`);

    const env: Record<string, string> = { WORKER_CONCURRENCY: String(CONCURRENCY), NOTIFICATION_DAILY_DIGEST: 'off' };
    if (PROFILE_DIR) Object.assign(env, { NODE_OPTIONS: `--require ${resolve(__dirname, 'support/cpu-profile-preload.js')}`, CPU_PROFILE_DIR: PROFILE_DIR, QUERY_TIMING_DIR: PROFILE_DIR });
    for (let i = 0; i < APIS; i++) servers.push(await startServer({ entry, databaseUrl: db.url, role: 'api', env, ...secrets }));
    for (let i = 0; i < WORKERS; i++) servers.push(await startServer({ entry, databaseUrl: db.url, role: 'worker', env, ...secrets }));
    const apis = servers.slice(0, APIS);
    const workers = servers.slice(APIS);
    const admin = apiClient(apis[0].baseUrl, secrets.adminToken);
    const catalogue = benchCatalogue(DEPARTMENTS);
    const keys = await loadCatalogue(admin, catalogue);
    await admin('PUT', '/api/v1/users/bench-centre', { password: 'quiet-harbour-2026-pw', role: 'centre_supervisor' });
    const login = await apiClient(apis[0].baseUrl, '')<{ accessToken: string }>('POST', '/api/v1/auth/login', { username: 'bench-centre', password: 'quiet-harbour-2026-pw' });
    console.log(`servers: ${APIS} api, ${WORKERS} worker (concurrency ${CONCURRENCY}); ${DEPARTMENTS} departments; batch ${BATCH}, ${CONNECTIONS} connection(s) per api, ${RATE > 0 ? `open loop at ${RATE} events/s` : 'closed loop'}`);

    await pg.connect();
    queue = new Queue('case-events', { connection: { url: REDIS_URL }, prefix: secrets.queuePrefix });
    const sample = async (t: number, acked: number): Promise<Sample> => {
      const [row] = (await pg.query<{ pending_batches: string; pending_events: string; projected_events: string }>(
        `SELECT count(*) FILTER (WHERE projected_at IS NULL) AS pending_batches,
                coalesce(sum(event_count) FILTER (WHERE projected_at IS NULL), 0) AS pending_events,
                coalesce(sum(event_count) FILTER (WHERE projected_at IS NOT NULL), 0) AS projected_events
           FROM ingest_batches`,
      )).rows;
      const counts = await queue!.getJobCounts('waiting', 'active', 'prioritized');
      return {
        t: round(t), acked, projectedEvents: Number(row.projected_events), pendingBatches: Number(row.pending_batches),
        pendingEvents: Number(row.pending_events), bullmqWaiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0), bullmqActive: counts.active ?? 0,
      };
    };

    // ---- P1 ----
    const backendPids = async () => (await pg.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [db.name])).rows.map((r) => r.pid);
    const loadgenPath = resolve(__dirname, 'ingest-loadgen.js');
    const p1Config: LoadgenConfig = { baseUrls: apis.map((a) => a.baseUrl), keys, departments: DEPARTMENTS, rate: RATE, batchSize: BATCH, connections: CONNECTIONS, seconds: SECONDS, runId: 'P1', irregularShare: IRREGULAR };
    const loadgen = fork(loadgenPath, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const cpuStart = { servers: cpuOf(servers.map((s) => s.pid)), backends: cpuOf(await backendPids()), postgres: cpuOf(pidsNamed('postgres')), redis: cpuOf(pidsNamed('redis-server')) };
    const loadgenCpu = { start: cpuOf([loadgen.pid!]), end: new Map<number, number>() };
    const samples: Sample[] = [];
    const requestMs: number[] = [];
    let last: LoadgenTick | null = null;
    const t0 = performance.now();
    const finished = new Promise<LoadgenTick>((resolveDone, reject) => {
      loadgen.on('message', (tick: LoadgenTick) => {
        last = tick;
        requestMs.push(...tick.requestMs);
        if (tick.type === 'done') {
          loadgenCpu.end = cpuOf([loadgen.pid!]);
          resolveDone(tick);
        }
      });
      loadgen.once('exit', (code) => (last?.type === 'done' ? undefined : reject(new Error(`load generator exited with ${code}`))));
    });
    loadgen.send(p1Config);
    let done = false;
    void finished.then(() => (done = true), () => (done = true));
    while (!done) {
      await sleep(1000);
      const s = await sample((performance.now() - t0) / 1000, (last as LoadgenTick | null)?.acked ?? 0);
      samples.push(s);
      process.stdout.write(`  t=${s.t}s acked ${s.acked.toLocaleString('en')} projected ${s.projectedEvents.toLocaleString('en')} backlog ${s.pendingBatches} batches / ${s.pendingEvents} events, bullmq ${s.bullmqWaiting}+${s.bullmqActive}\n`);
    }
    const result = await finished;
    const loadSeconds = (performance.now() - t0) / 1000;
    const atEnd = await sample(loadSeconds, result.acked);
    samples.push(atEnd);
    // Drain: until every committed batch is projected.
    const drainStart = performance.now();
    let drained = atEnd;
    while (drained.pendingBatches > 0 && (performance.now() - drainStart) / 1000 < DRAIN_TIMEOUT_S) {
      await sleep(250);
      drained = await sample((performance.now() - t0) / 1000, result.acked);
      if (samples[samples.length - 1].t <= drained.t - 1) samples.push(drained);
    }
    const drainSeconds = (performance.now() - drainStart) / 1000;
    const cpuEnd = { servers: cpuOf(servers.map((s) => s.pid)), backends: cpuOf(await backendPids()), postgres: cpuOf(pidsNamed('postgres')), redis: cpuOf(pidsNamed('redis-server')) };
    const cpu = {
      api: round(apis.reduce((sum, a) => sum + (cpuEnd.servers.get(a.pid)! - cpuStart.servers.get(a.pid)!), 0), 2),
      worker: round(workers.reduce((sum, w) => sum + (cpuEnd.servers.get(w.pid)! - cpuStart.servers.get(w.pid)!), 0), 2),
      loadgen: round(cpuDelta(loadgenCpu.start, loadgenCpu.end), 2),
      postgresBackendsOfBenchDb: cpuDelta(cpuStart.backends, cpuEnd.backends),
      postgresAllProcesses: cpuDelta(cpuStart.postgres, cpuEnd.postgres),
      redisAllProcesses: cpuDelta(cpuStart.redis, cpuEnd.redis),
      wallSeconds: round(loadSeconds + drainSeconds, 2),
    };
    const rss = Object.fromEntries(servers.map((s, i) => [`${i < APIS ? 'api' : 'worker'}${i < APIS ? i : i - APIS}`, rssMb(s.pid)]));

    const acked = result.acked;
    const ackRate = acked / result.elapsedS;
    const inWindow = samples.filter((s) => s.t <= loadSeconds);
    const projectedInWindow = (inWindow[inWindow.length - 1]?.projectedEvents ?? 0) / loadSeconds;
    const endToEnd = drained.pendingBatches === 0 ? acked / (loadSeconds + drainSeconds) : drained.projectedEvents / (loadSeconds + drainSeconds);
    const mid = inWindow[Math.floor(inWindow.length / 2)] ?? atEnd;
    const backlogGrowth = atEnd.pendingEvents - mid.pendingEvents;
    const bounded = backlogGrowth <= 0.1 * Math.max(1, atEnd.acked - mid.acked);
    const maxPendingBatches = Math.max(...samples.map((s) => s.pendingBatches));
    const maxPendingEvents = Math.max(...samples.map((s) => s.pendingEvents));
    const maxBullmq = Math.max(...samples.map((s) => s.bullmqWaiting + s.bullmqActive));
    const sortedRequests = [...requestMs].sort((a, b) => a - b);
    console.log(`P1: acked ${acked.toLocaleString('en')} events in ${round(result.elapsedS)} s (${Math.round(ackRate).toLocaleString('en')}/s), ${result.batches} batches, ${result.failures} failures${result.firstError ? ` (first: ${result.firstError})` : ''}; drained in ${round(drainSeconds)} s`);
    console.log(`    request p50 ${round(percentile(sortedRequests, 0.5))} ms p99 ${round(percentile(sortedRequests, 0.99))} ms; cpu ${JSON.stringify(cpu)}; rss MB ${JSON.stringify(rss)}`);

    // ---- P2 ----
    const p2Rate = P2_RATE > 0 ? P2_RATE : Math.max(100, Math.round(endToEnd / 2));
    socket = io(`${apis[0].baseUrl}/notifications`, { auth: { token: login.accessToken }, transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise<void>((ready, fail) => {
      socket!.once('ready', () => ready());
      socket!.once('connect_error', (error: Error) => fail(new Error(`socket /notifications: ${error.message}`)));
    });
    const acceptedAt = new Map<string, number>();
    const latencies: number[] = [];
    const cardReceivedAt = new Map<string, number>();
    socket.on('card', (news: { caseId?: string }) => {
      const at = news.caseId === undefined ? undefined : acceptedAt.get(news.caseId);
      if (at === undefined) return;
      latencies.push(performance.now() - at);
      cardReceivedAt.set(news.caseId!, Date.now());
      acceptedAt.delete(news.caseId!);
    });
    const background = fork(loadgenPath, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const backgroundDone = new Promise<LoadgenTick>((resolveDone) => background.on('message', (tick: LoadgenTick) => tick.type === 'done' && resolveDone(tick)));
    background.send({ ...p1Config, rate: p2Rate, seconds: P2_SECONDS, runId: 'P2' } satisfies LoadgenConfig);
    const probeDepartment = Object.keys(catalogue.departments)[0];
    const probeKey = keys[probeDepartment];
    let probes = 0;
    let probeFailures = 0;
    const p2Start = performance.now();
    await sleep(2000); // let the background load settle first
    // The backlog during P2 says whether a latency is the path's own or time spent queued behind batches.
    const p2Samples: Sample[] = [];
    const p2Sampler = setInterval(() => void sample((performance.now() - p2Start) / 1000, 0).then((x) => p2Samples.push(x), () => undefined), 1000);
    while ((performance.now() - p2Start) / 1000 < P2_SECONDS - 1) {
      const caseId = `PROBE-${probes++}`;
      const event = cardRaisingEvent(catalogue, probeDepartment, caseId, new Date(Date.now() - 60_000).toISOString());
      void sendProbe(apis[0].baseUrl, probeKey, event).then(
        (at) => acceptedAt.set(caseId, at),
        () => probeFailures++,
      );
      await sleep(PROBE_EVERY_MS);
    }
    const background2 = await backgroundDone;
    const p2Backlog = p2Samples.length ? Math.max(...p2Samples.map((x) => x.pendingBatches)) : 0;
    clearInterval(p2Sampler);
    const settle = performance.now();
    while (acceptedAt.size > 0 && performance.now() - settle < 10_000) await sleep(100);
    const missed = acceptedAt.size;
    latencies.sort((a, b) => a - b);
    const p2 = { p50: round(percentile(latencies, 0.5)), p95: round(percentile(latencies, 0.95)), p99: round(percentile(latencies, 0.99)), max: round(latencies[latencies.length - 1] ?? NaN) };
    const stages = await p2Stages(pg, cardReceivedAt);
    console.log(`P2 stages (median ms, server clocks): ${JSON.stringify(stages)}`);
    console.log(`P2: background ${p2Rate}/s offered, ${Math.round(background2.acked / background2.elapsedS)}/s acked; ${latencies.length} probes timed of ${probes} (${probeFailures} failed, ${missed} without a card in 10 s): ${JSON.stringify(p2)} ms; max backlog during P2 ${p2Backlog} batches`);

    const pgCeil = { what: 'PostgreSQL multi-row INSERT (same run)', value: pgC.multiRowInsertRowsPerS, unit: 'rows/s' };
    const figures: Figure[] = [
      withRatio({
        id: 'P1', what: `sustained ingest end to end (HTTP → commit → BullMQ → projection, cards), ${SECONDS} s load + drain`, value: Math.round(endToEnd), unit: 'events/s',
        target: '≥ 20,000 events/s and ≥ 0.5 × ceiling', ceiling: pgCeil, meets: endToEnd >= P1_TARGET && endToEnd >= 0.5 * pgC.multiRowInsertRowsPerS,
        note: `backlog ${bounded ? 'bounded' : 'growing'}; drained in ${round(drainSeconds)} s`,
      }),
      withRatio({ id: 'P1', what: 'events acknowledged (202) during the load', value: Math.round(ackRate), unit: 'events/s', ceiling: pgCeil }),
      withRatio({ id: 'P1', what: 'events projected during the load window', value: Math.round(projectedInWindow), unit: 'events/s', ceiling: { what: 'bare BullMQ, 100-event jobs (same run)', value: bullC.processEventsPerS, unit: 'events/s' } }),
      { id: 'P1', what: 'max backlog (unprojected batches) sampled every second', value: maxPendingBatches, unit: 'batches', note: `${maxPendingEvents} events; BullMQ waiting+active max ${maxBullmq}; ${bounded ? 'bounded' : 'growing'} over the second half` },
      { id: 'P1', what: 'time to drain after the load stops', value: round(drainSeconds), unit: 's' },
      { id: 'P1', what: 'CPU per 1,000 events: api / worker / PostgreSQL backends', value: round(((cpu.api + cpu.worker + cpu.postgresBackendsOfBenchDb) * 1000) / Math.max(1, acked), 3), unit: 's', note: `api ${round((cpu.api * 1000) / Math.max(1, acked), 3)}, worker ${round((cpu.worker * 1000) / Math.max(1, acked), 3)}, pg ${round((cpu.postgresBackendsOfBenchDb * 1000) / Math.max(1, acked), 3)}, loadgen ${round((cpu.loadgen * 1000) / Math.max(1, acked), 3)}` },
      { id: 'P2', what: `event accepted (202) → card on socket.io /notifications, p50, at ${p2Rate} events/s`, value: p2.p50, unit: 'ms', target: '≤ 50 ms', meets: p2.p50 <= 50 },
      { id: 'P2', what: 'event accepted → card, p95', value: p2.p95, unit: 'ms' },
      { id: 'P2', what: 'event accepted → card, p99', value: p2.p99, unit: 'ms', target: '≤ 250 ms', meets: p2.p99 <= 250 && missed === 0, note: `${latencies.length} probes, ${missed} missed; backlog during P2 ≤ ${p2Backlog} batches` },
    ];
    writeResult({
      bench: 'ingest',
      command: `npm run bench:ingest${QUICK ? ' -- --quick' : ''}`,
      quick: QUICK,
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: machine(),
      figures,
      details: {
        settings: { seconds: SECONDS, rate: RATE, batch: BATCH, connections: CONNECTIONS, apis: APIS, workers: WORKERS, concurrency: CONCURRENCY, departments: DEPARTMENTS, irregularShare: IRREGULAR },
        ceilings: { pg: pgC, bullmq: bullC },
        p1: { acked, ackRate: Math.round(ackRate), batches: result.batches, failures: result.failures, firstError: result.firstError, duplicates: result.duplicates, rejected: result.rejected, loadSeconds: round(loadSeconds, 2), drainSeconds: round(drainSeconds, 2), endToEnd: Math.round(endToEnd), projectedInWindow: Math.round(projectedInWindow), requestP50Ms: round(percentile(sortedRequests, 0.5)), requestP99Ms: round(percentile(sortedRequests, 0.99)), maxPendingBatches, maxPendingEvents, maxBullmq, bounded, cpu, rss },
        p2: { rate: p2Rate, probes, timed: latencies.length, missed, probeFailures, ...p2, maxBacklogBatches: p2Backlog, stages, samples: p2Samples },
        samples,
      },
    });
    printFigures(figures);
  } finally {
    socket?.disconnect();
    await queue?.close();
    await pg.end().catch(() => undefined);
    for (const server of servers.reverse()) await server.stop();
    await db.drop();
  }
}

/**
 * Where a probe's time goes, from the timestamps the server keeps (one machine, one clock): request
 * received → projection job started (alerts.raised_at) → outbox published → notification planned
 * (notifications.created_at) → card received by the client. Medians over the timed probes.
 */
async function p2Stages(pg: Client, cardReceivedAt: Map<string, number>): Promise<Record<string, number>> {
  const rows = (await pg.query<{ case_id: string; received: string; raised: string; published: string | null; planned: string | null }>(
    `SELECT a.case_id, extract(epoch FROM b.received_at) * 1000 AS received, extract(epoch FROM a.raised_at) * 1000 AS raised,
            extract(epoch FROM (SELECT min(o.published_at) FROM outbox o WHERE o.payload->>'alertId' = a.id::text)) * 1000 AS published,
            extract(epoch FROM (SELECT min(n.created_at) FROM notifications n WHERE n.alert_id = a.id)) * 1000 AS planned
       FROM alerts a JOIN case_events e ON e.department_code = a.department_code AND e.case_id = a.case_id
       JOIN ingest_batches b ON b.id = e.batch_id
      WHERE a.case_id LIKE 'PROBE-%'`,
  )).rows;
  const stage: Record<string, number[]> = { queuedBeforeProjection: [], projectionToOutboxPublish: [], publishToPlanJob: [], planJobToSocket: [] };
  for (const r of rows) {
    const card = cardReceivedAt.get(r.case_id);
    if (card === undefined || r.published === null || r.planned === null) continue;
    stage.queuedBeforeProjection.push(Number(r.raised) - Number(r.received));
    stage.projectionToOutboxPublish.push(Number(r.published) - Number(r.raised));
    stage.publishToPlanJob.push(Number(r.planned) - Number(r.published));
    stage.planJobToSocket.push(card - Number(r.planned));
  }
  return Object.fromEntries(Object.entries(stage).map(([name, values]) => [name, round(percentile(values.sort((a, b) => a - b), 0.5))]));
}

/** Resolves with the instant the 202 arrived. */
async function sendProbe(baseUrl: string, key: string, event: unknown): Promise<number> {
  const response = await fetch(`${baseUrl}/api/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ events: [event] }) });
  const at = performance.now();
  const body = (await response.json()) as { accepted?: number };
  if (response.status !== 202 || body.accepted !== 1) throw new Error(`probe: ${response.status} ${JSON.stringify(body)}`);
  return at;
}

async function loadCatalogue(admin: ReturnType<typeof apiClient>, catalogue: ReturnType<typeof benchCatalogue>): Promise<Record<string, string>> {
  for (const [code, region] of Object.entries(catalogue.regions)) await admin('PUT', `/api/v1/regions/${code}`, region);
  for (const [code, department] of Object.entries(catalogue.departments)) await admin('PUT', `/api/v1/departments/${code}`, department);
  const officers = Object.entries(catalogue.officers).sort(([, a], [, b]) => Number(!!a.supervisorId) - Number(!!b.supervisorId));
  for (const [id, officer] of officers) await admin('PUT', `/api/v1/officers/${id}`, officer);
  for (const [code, item] of Object.entries(catalogue.items)) await admin('PUT', `/api/v1/items/${code}`, item);
  const keys: Record<string, string> = {};
  for (const code of Object.keys(catalogue.departments)) keys[code] = (await admin<{ key: string }>('POST', `/api/v1/departments/${code}/keys`, { label: 'bench' })).key;
  return keys;
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});

