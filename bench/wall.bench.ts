/**
 * P7: the wall screen in headless Chromium under 50 cards/s for an hour (standing in for weeks).
 * Server mode (PostgreSQL + Redis) as separate api and worker processes from a private build; the
 * demo catalogue loaded through the admin API; a display token; the page at /wall?token=… at
 * 1920×1080. Cards are raised through the public ingest API with department keys (bench/support/
 * card-load.ts), so the whole path runs: ingest → projection → rules → cards → outbox → /wall.
 *
 * Measured in the page (bench/support/wall-page-probe.ts): the JS heap after a forced GC, frame
 * times from a requestAnimationFrame loop, WebSocket closes and live → stale transitions, the feed's
 * size. Same-run reference: the same page connected and idle before the load. Then, once, the
 * embedded quick start on a fresh DATA_DIR: time until the printed wall URL shows a live, populated
 * screen (issue 6: within a minute).
 *
 * `npm run bench:wall [-- --quick] [-- --minutes N] [-- --warmup-minutes N] [-- --rate N] [-- --worker-concurrency N] [-- --no-embedded]`
 * Defaults: 60 minutes of load, the first 5 of them warm-up; --quick: 75 s, the first 15 s warm-up.
 * Diagnosis: `--profile-seconds N` records the page's CPU profile for N s after the warm-up
 * (dist-bench/wall.cpuprofile, top self times printed); BENCH_WALL_DIST serves another build of
 * the wall (e.g. `vite build --minify false --outDir /tmp/wall`) so the profile has real names.
 */
import { cpSync, readFileSync, writeFileSync } from 'fs';
import os from 'os';
import { dirname, resolve } from 'path';
import { Client } from 'pg';
import { Browser, chromium } from 'playwright-core';
import { CardLoad, LoadItem } from './support/card-load';
import { Figure, machine, printFigures, ROOT, withRatio, writeResult } from './support/results';
import { percentile, round, slope } from './support/series';
import { apiClient, cpuSeconds, createDatabase, privateBuild, rssMb, serverSecrets, startServer } from './support/server';
import { measureEmbeddedStart } from './support/embedded-start';
import { childPids, HeapReading, PageReading, traceTimeline, treeCpuSeconds, WallPageProbe } from './support/wall-page-probe';

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const QUICK = argv.includes('--quick');
const MINUTES = Number(option('--minutes') ?? (QUICK ? 1.25 : 60));
const WARMUP_MINUTES = Number(option('--warmup-minutes') ?? (QUICK ? 0.25 : 5));
const RATE = Number(option('--rate') ?? 50);
const EMBEDDED = !argv.includes('--no-embedded');
/** Projection jobs the worker runs at once (the product's default is 4): the load must reach the wall. */
const WORKER_CONCURRENCY = Number(option('--worker-concurrency') ?? 16);
const PROFILE_SECONDS = Number(option('--profile-seconds') ?? 0);
const IDLE_SECONDS = Number(option('--idle-seconds') ?? (QUICK ? 15 : 60));
/** About 120 samples over the run, between 5 and 30 s apart. */
const SAMPLE_SECONDS = Math.min(30, Math.max(5, Math.round((MINUTES * 60) / 120)));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TARGETS = { heapGrowthMb: 10, frameP95Ms: 50, droppedSockets: 0, embeddedStartS: 60 };

interface Catalogue {
  regions: Record<string, unknown>;
  departments: Record<string, unknown>;
  officers: Record<string, { supervisorId?: string }>;
  items: Record<string, { departmentCode: string; feeFen: number; requiredDocuments: string[] }>;
}

interface Sample {
  t: number;
  phase: 'warm-up' | 'measured';
  cards: number;
  cardsPerSecond: number;
  heapMb: number;
  nodes: number;
  listeners: number;
  frames: number;
  frameP50: number;
  frameP95: number;
  frameP99: number;
  frameMax: number;
  rendererBusy: number;
  /** Cores Chromium (all its processes) used since the previous sample. */
  chromiumCores: number;
  feedItems: number;
  state: string | null;
  pageOpenRed: number | null;
  dbOpenRed: number;
  apiRssMb: number;
  workerRssMb: number;
  apiCpu: number;
  workerCpu: number;
  /** CPU seconds so far of the PostgreSQL backends serving this bench's database. */
  pgCpu: number;
  /** What this database's active backends were waiting on at the sample (wait event → count). */
  pgWaits: Record<string, number>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (value: number) => round(value, 2);

function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

async function loadCatalogue(admin: ReturnType<typeof apiClient>, catalogue: Catalogue): Promise<Map<string, string>> {
  for (const [code, region] of Object.entries(catalogue.regions)) await admin('PUT', `/api/v1/regions/${code}`, region);
  for (const [code, department] of Object.entries(catalogue.departments)) await admin('PUT', `/api/v1/departments/${code}`, department);
  // Supervisors before the officers who name them.
  const officers = Object.entries(catalogue.officers).sort(([, a], [, b]) => Number(!!a.supervisorId) - Number(!!b.supervisorId));
  for (const [id, officer] of officers) await admin('PUT', `/api/v1/officers/${id}`, officer);
  for (const [code, item] of Object.entries(catalogue.items)) await admin('PUT', `/api/v1/items/${code}`, item);
  const keys = new Map<string, string>();
  for (const code of Object.keys(catalogue.departments)) {
    keys.set(code, (await admin<{ key: string }>('POST', `/api/v1/departments/${code}/keys`, { label: 'bench wall' })).key);
  }
  return keys;
}

/** One item per department (its first), so the cards spread evenly over every tile. */
function loadItems(catalogue: Catalogue): LoadItem[] {
  const items = new Map<string, LoadItem>();
  for (const [itemCode, item] of Object.entries(catalogue.items)) {
    if (!items.has(item.departmentCode)) items.set(item.departmentCode, { itemCode, ...item });
  }
  return [...items.values()];
}

function frameStats(frames: number[]) {
  return {
    frames: frames.length,
    p50: round(percentile(frames, 50)),
    p95: round(percentile(frames, 95)),
    p99: round(percentile(frames, 99)),
    max: round(frames.length ? Math.max(...frames) : Number.NaN),
  };
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  if (!(MINUTES > WARMUP_MINUTES && WARMUP_MINUTES >= 0 && RATE > 0)) throw new Error('need --minutes > --warmup-minutes ≥ 0 and --rate > 0');
  const catalogue = JSON.parse(readFileSync(resolve(ROOT, 'resources/demo/catalogue.json'), 'utf8')) as Catalogue;
  const entry = privateBuild('wall');
  // The wall page from a private copy too (the server finds apps/dashboard/dist by walking up).
  cpSync(process.env.BENCH_WALL_DIST ?? resolve(ROOT, 'apps/dashboard/dist'), resolve(dirname(entry), '../../dashboard/dist'), { recursive: true });
  const db = await createDatabase('wall');
  const secrets = serverSecrets();
  const common = { entry, databaseUrl: db.url, ...secrets };
  const servers: Awaited<ReturnType<typeof startServer>>[] = [];
  let browser: Browser | null = null;
  const pg = new Client({ connectionString: db.url });
  const details: Record<string, unknown> = {
    settings: { minutes: MINUTES, warmupMinutes: WARMUP_MINUTES, cardsPerSecond: RATE, workerConcurrency: WORKER_CONCURRENCY, idleSeconds: IDLE_SECONDS, sampleSeconds: SAMPLE_SECONDS, viewport: '1920x1080' },
  };
  const figures: Figure[] = [];
  try {
    const api = await startServer({ ...common, role: 'api' });
    servers.push(api);
    const worker = await startServer({ ...common, role: 'worker', env: { WORKER_CONCURRENCY: String(WORKER_CONCURRENCY) } });
    servers.push(worker);
    await pg.connect();
    const admin = apiClient(api.baseUrl, secrets.adminToken);
    const keys = await loadCatalogue(admin, catalogue);
    const display = await admin<{ token: string }>('POST', '/api/v1/displays', { name: 'bench wall' });
    const departments = Object.keys(catalogue.departments).length;
    console.log(`server mode: api pid ${api.pid}, worker pid ${worker.pid}; ${departments} departments; ${RATE} cards/s for ${MINUTES} min (warm-up ${WARMUP_MINUTES} min)`);

    const chromiumBefore = new Set(childPids(process.pid, /chromium/));
    browser = await launch();
    const chromiumPid = childPids(process.pid, /chromium/).find((pid) => !chromiumBefore.has(pid));
    if (chromiumPid === undefined) throw new Error('cannot find the Chromium process just launched');
    const chromiumCpu = () => treeCpuSeconds(chromiumPid);
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
    const probe = new WallPageProbe(page);
    await probe.install();
    await page.goto(`${api.baseUrl}/wall?token=${encodeURIComponent(display.token)}`);
    await page.waitForSelector('html[data-state="live"]', { timeout: 60_000 });
    await page.waitForFunction(`document.querySelectorAll('.tile').length === ${departments}`);

    // Same-run reference: the same page, connected, no load.
    await sleep(5000); // entry animations
    const idle = await idlePeriod(probe, chromiumCpu, 'idle, before the load');
    details.idle = idle;

    const countCards = async () => Number((await pg.query<{ n: string }>('SELECT count(*) AS n FROM alerts')).rows[0].n);
    const countOpenRed = async () => Number((await pg.query<{ n: string }>(`SELECT count(*) AS n FROM alerts WHERE level = 'RED' AND state = 'OPEN'`)).rows[0].n);
    const load = new CardLoad(api.baseUrl, keys, loadItems(catalogue), RATE);
    const cardsBefore = await countCards();
    const loadStartedAt = Date.now();
    load.start();
    const samples: Sample[] = [];
    const measuredFrames: number[] = [];
    const warmupMs = WARMUP_MINUTES * 60_000;
    const endAt = loadStartedAt + MINUTES * 60_000;
    let previous = { t: 0, cards: cardsBefore, busy: idle.taskSeconds, cpu: chromiumCpu() };
    let profiling: Promise<Awaited<ReturnType<WallPageProbe['profile']>> & { timeline: Awaited<ReturnType<typeof traceTimeline>> }> | null = null;
    for (let n = 1; ; n++) {
      const due = Math.min(endAt, loadStartedAt + n * SAMPLE_SECONDS * 1000);
      await sleep(Math.max(0, due - Date.now()));
      const reading: PageReading = await probe.read();
      const heap: HeapReading = await probe.heap();
      const cards = await countCards();
      const cpu = chromiumCpu();
      const t = (Date.now() - loadStartedAt) / 1000;
      const phase = t * 1000 <= warmupMs ? 'warm-up' : 'measured';
      if (phase === 'measured') measuredFrames.push(...reading.frames);
      if (phase === 'measured' && PROFILE_SECONDS > 0) {
        profiling ??= probe.profile(PROFILE_SECONDS * 1000).then(async (result) => ({ ...result, timeline: await traceTimeline(browser!, page, PROFILE_SECONDS * 1000) }));
      }
      const f = frameStats(reading.frames);
      const sample: Sample = {
        t: round(t),
        phase,
        cards: cards - cardsBefore,
        cardsPerSecond: round((cards - previous.cards) / (t - previous.t)),
        heapMb: mb(heap.usedMb),
        nodes: heap.nodes,
        listeners: heap.listeners,
        frames: f.frames,
        frameP50: f.p50,
        frameP95: f.p95,
        frameP99: f.p99,
        frameMax: f.max,
        rendererBusy: round((heap.taskSeconds - previous.busy) / (t - previous.t), 3),
        chromiumCores: round((cpu - previous.cpu) / (t - previous.t), 3),
        feedItems: reading.feedItems,
        state: reading.state,
        pageOpenRed: reading.openRed === null || reading.openRed === '—' ? null : Number(reading.openRed.replace(/,/g, '')),
        dbOpenRed: await countOpenRed(),
        apiRssMb: rssMb(api.pid),
        workerRssMb: rssMb(worker.pid),
        apiCpu: round(cpuSeconds(api.pid)),
        workerCpu: round(cpuSeconds(worker.pid)),
        ...(await postgresActivity(pg, db.name)),
      };
      samples.push(sample);
      previous = { t, cards, busy: heap.taskSeconds, cpu };
      const sockets = probe.totals();
      console.log(
        `${String(Math.round(t)).padStart(5)} s ${phase.padEnd(8)} cards ${sample.cards} (${sample.cardsPerSecond}/s)  heap ${sample.heapMb} MB  nodes ${sample.nodes}  frames p95 ${f.p95} p99 ${f.p99} max ${f.max} ms  chromium ${sample.chromiumCores} cores  ` +
          `feed ${sample.feedItems}  ${sample.state}  red page/db ${sample.pageOpenRed}/${sample.dbOpenRed}  ws closed ${sockets.wsClosed}  rss api/worker ${sample.apiRssMb}/${sample.workerRssMb} MB`,
      );
      if (Date.now() >= endAt) break;
    }
    await load.stop();
    const loadEndedAt = Date.now();
    if (profiling) {
      const { summary, profile, timeline } = await profiling;
      writeFileSync(resolve(ROOT, 'dist-bench/wall.cpuprofile'), JSON.stringify(profile));
      details.profile = { ...summary, timeline };
      console.log(`page timeline, ${PROFILE_SECONDS} s under load: ${timeline.frames} frames; CPU by thread:`);
      for (const t of timeline.threads) console.log(`  ${String(t.cpuMs).padStart(6)} ms CPU ${String(t.wallMs).padStart(6)} ms wall  ${t.thread}`);
      console.log('renderer main thread by event (inclusive):');
      for (const e of timeline.main) console.log(`  ${String(e.cpuMs).padStart(6)} ms CPU ${String(e.wallMs).padStart(6)} ms wall ${String(e.count).padStart(6)}×  ${e.name}`);
      console.log(`page CPU profile, ${summary.seconds} s under load (dist-bench/wall.cpuprofile), self time:`);
      for (const f of summary.top) console.log(`  ${String(f.selfMs).padStart(6)} ms ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.fn}  ${f.at}`);
    }
    console.log(`load: ${JSON.stringify(load.stats)}`);

    const measured = samples.filter((s) => s.phase === 'measured');
    if (measured.length < 2) throw new Error('fewer than two samples after the warm-up: run longer');
    const first = measured[0];
    const last = measured[measured.length - 1];
    const heapGrowth = mb(last.heapMb - first.heapMb);
    const heapSlope = round(slope(measured.map((s) => ({ x: s.t / 3600, y: s.heapMb }))), 2);
    const frames = frameStats(measuredFrames);
    const sockets = probe.totals();
    const dropped = sockets.wsClosed + sockets.reloads;
    const raisedPerSecond = round((last.cards - first.cards) / (last.t - first.t));
    const sentPerSecond = round(load.stats.casesSent / ((loadEndedAt - loadStartedAt) / 1000));
    // Cards raised once the load stopped: what the pipeline still had queued at the end.
    const backlog = (await drained(countCards)) - cardsBefore - last.cards;
    // The page at rest with what the load left on it (every tile red, markers pulsing): what the
    // display costs by itself, apart from the updates.
    details.idleAfterLoad = await idlePeriod(probe, chromiumCpu, 'idle, after the load');
    const maxFeed = Math.max(...samples.map((s) => s.feedItems));
    const cores = (key: 'apiCpu' | 'workerCpu' | 'pgCpu') => round((last[key] - first[key]) / (last.t - first.t), 2);
    const pipeline = { apiCores: cores('apiCpu'), workerCores: cores('workerCpu'), postgresCores: cores('pgCpu') };
    const chromiumUnderLoad = round(measured.reduce((sum, s) => sum + s.chromiumCores, 0) / measured.length, 3);
    const measuredMinutes = round((last.t - first.t) / 60);

    figures.push(
      {
        id: 'P7',
        what: `wall JS heap growth after ${WARMUP_MINUTES}-min warm-up, over ${measuredMinutes} min at ${RATE} cards/s (post-GC, last − first)`,
        value: heapGrowth,
        unit: 'MB',
        target: `≤ ${TARGETS.heapGrowthMb} MB`,
        meets: heapGrowth <= TARGETS.heapGrowthMb,
        note: `least-squares slope ${heapSlope} MB/h; DOM nodes ${first.nodes} → ${last.nodes}`,
      },
      withRatio({
        id: 'P7',
        what: 'wall frame time p95 under load (after warm-up)',
        value: frames.p95,
        unit: 'ms',
        target: `≤ ${TARGETS.frameP95Ms} ms`,
        meets: frames.p95 <= TARGETS.frameP95Ms,
        ceiling: { what: `same page idle ${IDLE_SECONDS} s, frame p95`, value: idle.p95, unit: 'ms' },
        note: `p99 ${frames.p99} ms, max ${frames.max} ms over ${frames.frames} frames (idle p99 ${idle.p99} ms)`,
      }),
      {
        id: 'P7',
        what: 'dropped wall sockets (WebSocket closes + page reloads)',
        value: dropped,
        unit: 'sockets',
        target: '0',
        meets: dropped === 0,
        note: `WebSockets opened ${sockets.wsOpened}, closed ${sockets.wsClosed}, reloads ${sockets.reloads}, live → stale ${sockets.staleAfterLive}`,
      },
      {
        id: 'P7',
        what: 'cards raised per second (alerts table, after warm-up)',
        value: raisedPerSecond,
        unit: 'cards/s',
        target: `≥ ${RATE} cards/s (the load P7 asks for)`,
        meets: raisedPerSecond >= RATE * 0.98,
        note:
          `${sentPerSecond} cases/s sent, ${load.stats.failedRequests} failed requests, ${load.stats.rejectedEvents} rejected events, ${load.stats.skippedCases} cases skipped; ` +
          `${backlog} cards raised after the load stopped (backlog); cores used: api ${pipeline.apiCores}, worker ${pipeline.workerCores}, PostgreSQL backends ${pipeline.postgresCores}; machine load average ${os.loadavg()[0].toFixed(1)}`,
      },
      withRatio({
        id: 'P7',
        what: 'Chromium CPU under load (all its processes, after warm-up)',
        value: chromiumUnderLoad,
        unit: 'cores',
        ceiling: { what: 'same page idle', value: idle.chromiumCores, unit: 'cores' },
      }),
      withRatio({
        id: 'P7',
        what: 'wall JS heap used at the end (post-GC)',
        value: last.heapMb,
        unit: 'MB',
        ceiling: { what: 'same page idle, heap used', value: idle.heapEndMb, unit: 'MB' },
        note: `feed never above ${maxFeed} cards`,
      }),
    );
    Object.assign(details, {
      load: { ...load.stats, sentPerSecond, backlogAfterStop: backlog, pipeline },
      sockets,
      measuredFrames: frames,
      heap: { firstMeasuredMb: first.heapMb, lastMb: last.heapMb, growthMb: heapGrowth, slopeMbPerHour: heapSlope },
      samples,
    });

    await browser.close();
    browser = null;
    for (const server of servers.splice(0).reverse()) await server.stop();
  } finally {
    await browser?.close();
    for (const server of servers.reverse()) await server.stop();
    await pg.end().catch(() => undefined);
    await db.drop();
  }

  if (EMBEDDED) {
    const embedded = await measureEmbeddedStart(entry, departmentsOf(catalogue), launch);
    details.embeddedStart = embedded;
    const populatedS = embedded.populatedS!;
    figures.push({
      id: 'I6',
      what: 'embedded start on a fresh DATA_DIR → printed wall URL live and populated',
      value: populatedS,
      unit: 's',
      target: `≤ ${TARGETS.embeddedStartS} s (issue 6)`,
      meets: populatedS <= TARGETS.embeddedStartS,
      note: `database ready ${embedded.databaseReadyS} s, Nest started ${embedded.nestStartedS} s, demo catalogue loaded ${embedded.catalogueLoadedS} s, URL printed ${embedded.urlPrintedS} s, live ${embedded.liveS} s; load average ${embedded.loadAverage}`,
    });
  }

  writeResult({
    bench: 'wall',
    command: `npm run bench:wall --${QUICK ? ' --quick' : ''} --minutes ${MINUTES} --warmup-minutes ${WARMUP_MINUTES}`,
    quick: QUICK,
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: machine(),
    figures,
    details,
  });
  printFigures(figures);
}

/** CPU of the backends serving `database` (from /proc; the server is local) and what the active ones wait on. */
async function postgresActivity(pg: Client, database: string): Promise<{ pgCpu: number; pgWaits: Record<string, number> }> {
  const { rows } = await pg.query<{ pid: number; state: string | null; wait: string | null }>(
    `SELECT pid, state, wait_event_type || ':' || wait_event AS wait FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
    [database],
  );
  let pgCpu = 0;
  const pgWaits: Record<string, number> = {};
  for (const row of rows) {
    try {
      pgCpu += cpuSeconds(row.pid);
    } catch {
      // Backend gone, or the server is not local.
    }
    if (row.state === 'active') pgWaits[row.wait ?? 'CPU'] = (pgWaits[row.wait ?? 'CPU'] ?? 0) + 1;
  }
  return { pgCpu: round(pgCpu), pgWaits };
}

/** Waits until the count stops moving (the pipeline's backlog is done), at most two minutes. */
async function drained(count: () => Promise<number>): Promise<number> {
  let last = await count();
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; ) {
    await sleep(3000);
    const now = await count();
    if (now === last) return now;
    last = now;
  }
  return last;
}

/** The page connected, nothing sent: frame times, renderer busy share and heap over IDLE_SECONDS. */
async function idlePeriod(probe: WallPageProbe, chromiumCpu: () => number, label: string) {
  await probe.read();
  const start = await probe.heap();
  const cpuStart = chromiumCpu();
  await sleep(IDLE_SECONDS * 1000);
  const frames = (await probe.read()).frames;
  const cpuEnd = chromiumCpu();
  const end = await probe.heap();
  const idle = {
    ...frameStats(frames),
    chromiumCores: round((cpuEnd - cpuStart) / IDLE_SECONDS, 3),
    rendererBusy: round((end.taskSeconds - start.taskSeconds) / IDLE_SECONDS, 3),
    heapStartMb: mb(start.usedMb),
    heapEndMb: mb(end.usedMb),
    nodes: end.nodes,
    taskSeconds: end.taskSeconds,
  };
  console.log(`${label} ${IDLE_SECONDS} s: frame p95 ${idle.p95} ms, p99 ${idle.p99} ms; Chromium ${idle.chromiumCores} cores; renderer busy ${idle.rendererBusy}; heap ${idle.heapEndMb} MB; ${idle.nodes} DOM nodes`);
  return idle;
}

const departmentsOf = (catalogue: Catalogue) => Object.keys(catalogue.departments).length;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
