/**
 * P6: one department's compliance report for one quarter with N cases in the database (default
 * 10,000,000). Seeds the cases with generate_series in PostgreSQL (no round trip per row), builds
 * the daily rollup with the product's own rebuild (the running server's POST
 * /api/v1/reports/rollups/rebuild, department by department), then times the report over HTTP —
 * cold and warm — next to what the database underneath costs (a round trip, and the same figures
 * aggregated straight from the cases table). Prints a table and one JSON line; writes
 * bench/results/reports-latest.json. Run: `npm run bench:reports -- --cases 1000000`
 * (options: --cases N, --departments N, --parallel N rebuild requests at a time, --keep the database).
 *
 * Talks to the built server (dist/) as a separate process, like the CLI: no path aliases needed here.
 */
import { ChildProcess, spawn } from 'child_process';
import { randomBytes } from 'crypto';
import { cpSync, existsSync, rmSync } from 'fs';
import { resolve } from 'path';
import { performance } from 'perf_hooks';
import { Client } from 'pg';
import { machine, printFigures, writeResult } from './support/results';
import { apiClient } from './support/server';

const args = new Map(process.argv.slice(2).map((arg, i, all) => [arg, all[i + 1]]));
const QUICK = args.has('--quick');
const CASES = Number(args.get('--cases') ?? (QUICK ? 500_000 : 10_000_000));
const DEPARTMENTS = Number(args.get('--departments') ?? 100);
const KEEP = args.has('--keep');
const PARALLEL = Number(args.get('--parallel') ?? 2);
const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ROOT = resolve(__dirname, '../..');
const TARGET_MS = 1000;
const QUARTER = '2025Q4';
const DEPARTMENT = 'D001';

const code = (i: number) => `D${String(i).padStart(3, '0')}`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  if (!Number.isInteger(CASES) || CASES < DEPARTMENTS) throw new Error('--cases must be an integer ≥ --departments');
  const name = `lm_bench_reports_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const databaseUrl = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const token = `bench-${randomBytes(16).toString('hex')}`;
  const server = await startServer(databaseUrl, token);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const api = apiClient(server.baseUrl, token);
    await loadCatalogue(api);
    const seeded = await timed(() => seedCases(db));
    console.log(`seeded ${CASES.toLocaleString()} cases and ${(CASES / 20).toLocaleString()} cards in ${seconds(seeded.ms)} (${Math.round(CASES / (seeded.ms / 1000)).toLocaleString()} cases/s)`);
    // Statistics first, as a live database has them: the rebuild's keyset scan then uses the primary key.
    await db.query('VACUUM ANALYZE cases');
    await db.query('VACUUM ANALYZE alerts');
    const rebuilt = await timed(async () => {
      let next = 0;
      const worker = async () => {
        while (next < DEPARTMENTS) await api('POST', '/api/v1/reports/rollups/rebuild', { departmentCode: code(next++) });
      };
      await Promise.all(Array.from({ length: PARALLEL }, worker));
    });
    console.log(`rollup rebuilt from the stored cases in ${seconds(rebuilt.ms)} (${Math.round(CASES / (rebuilt.ms / 1000)).toLocaleString()} cases/s, ${PARALLEL} departments at a time)`);
    await db.query('VACUUM ANALYZE');

    const path = `/api/v1/reports/departments/${DEPARTMENT}?quarter=${QUARTER}`;
    const cold = await timed(() => api('GET', path));
    const warm: number[] = [];
    for (let i = 0; i < 30; i++) warm.push((await timed(() => api('GET', path))).ms);
    warm.sort((a, b) => a - b);
    const html = await timed(() => api('GET', `${path}&format=html`));
    const xlsx = await timed(() => api('GET', `${path}&format=xlsx`));
    const ranking = await timed(() => api('GET', `/api/v1/reports/quarterly/${QUARTER}?live=true`));
    const city = await timed(() => api('GET', `/api/v1/reports/city?quarter=${QUARTER}`));
    const roundTrip = await timed(() => db.query('SELECT 1'));
    const naive = await timed(() => naiveAggregate(db));
    const report = (cold.value as { metrics: { accepted: number; completed: number } }).metrics;

    const result = {
      benchmark: 'reports',
      target: 'P6',
      cases: CASES,
      departments: DEPARTMENTS,
      quarter: QUARTER,
      department: DEPARTMENT,
      departmentAccepted: report.accepted,
      departmentCompleted: report.completed,
      seedMs: Math.round(seeded.ms),
      rebuildMs: Math.round(rebuilt.ms),
      reportColdMs: round(cold.ms),
      reportWarmP50Ms: round(warm[Math.floor(warm.length / 2)]),
      reportWarmP95Ms: round(warm[Math.floor(warm.length * 0.95)]),
      reportWarmMaxMs: round(warm[warm.length - 1]),
      reportHtmlMs: round(html.ms),
      reportXlsxMs: round(xlsx.ms),
      quarterlyRankingAllDepartmentsMs: round(ranking.ms),
      cityReportMs: round(city.ms),
      ceilingSelect1Ms: round(roundTrip.ms),
      naiveAggregateFromCasesMs: round(naive.ms),
      pass: cold.ms <= TARGET_MS && warm[warm.length - 1] <= TARGET_MS,
    };
    console.table({
      'report (JSON) cold': `${result.reportColdMs} ms`,
      'report (JSON) warm p50 / p95 / max': `${result.reportWarmP50Ms} / ${result.reportWarmP95Ms} / ${result.reportWarmMaxMs} ms`,
      'report HTML (with SVG charts)': `${result.reportHtmlMs} ms`,
      'report XLSX': `${result.reportXlsxMs} ms`,
      [`quarterly ranking, ${DEPARTMENTS} departments`]: `${result.quarterlyRankingAllDepartmentsMs} ms`,
      'city report': `${result.cityReportMs} ms`,
      'ceiling: SELECT 1 round trip': `${result.ceilingSelect1Ms} ms`,
      'without the rollup: same quarter aggregated from cases': `${result.naiveAggregateFromCasesMs} ms`,
      [`target P6 ≤ ${TARGET_MS} ms`]: result.pass ? 'met' : 'MISSED',
    });
    console.log(JSON.stringify(result));
    const figures = [
      {
        id: 'P6',
        what: `department quarter report, ${CASES.toLocaleString('en')} cases, cold`,
        value: result.reportColdMs,
        unit: 'ms',
        target: `≤ ${TARGET_MS} ms`,
        meets: result.reportColdMs <= TARGET_MS,
        ceiling: { what: 'same figures aggregated straight from the cases table', value: result.naiveAggregateFromCasesMs, unit: 'ms' },
        ratio: round(result.reportColdMs / result.naiveAggregateFromCasesMs),
      },
      { id: 'P6', what: 'department quarter report, warm p95', value: result.reportWarmP95Ms, unit: 'ms', target: `≤ ${TARGET_MS} ms`, meets: result.reportWarmMaxMs <= TARGET_MS },
      { id: 'P6', what: `quarterly ranking, ${DEPARTMENTS} departments`, value: result.quarterlyRankingAllDepartmentsMs, unit: 'ms' },
    ];
    writeResult({
      bench: 'reports',
      command: `npm run bench:reports -- --cases ${CASES}`,
      quick: QUICK,
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: machine(),
      figures,
      details: result,
    });
    printFigures(figures);
  } finally {
    await db.end();
    await stopServer(server.child);
    if (!KEEP) {
      const cleanup = new Client({ connectionString: PG_ADMIN_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    } else console.log(`kept database ${databaseUrl}`);
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}


async function loadCatalogue(api: ReturnType<typeof apiClient>): Promise<void> {
  for (let r = 0; r < 10; r++) await api('PUT', `/api/v1/regions/R${r}`, { name: `区县${r}` });
  for (let d = 0; d < DEPARTMENTS; d++) {
    await api('PUT', `/api/v1/departments/${code(d)}`, { name: `部门${d}`, regionCode: `R${d % 10}` });
    await api('PUT', `/api/v1/items/${code(d)}-001`, {
      name: `事项${d}`, departmentCode: code(d), kind: d % 10 === 0 ? 'IMMEDIATE' : 'PROMISED', statutoryDays: 20, promisedDays: 10,
      steps: [], feeFen: 0, requiredDocuments: [],
    });
  }
}

/**
 * Cases accepted over 2023–2025 (1,095 days), spread evenly over the departments. Nine in ten are
 * decided; of those, used working days 0–24 against a promise of 10 and a statutory limit of 20.
 * Clock figures are plausible rather than calendar-exact: the report only reads what the rollup keeps.
 */
async function seedCases(db: Client): Promise<void> {
  await db.query('SET synchronous_commit = off');
  const chunk = 1_000_000;
  for (let from = 0; from < CASES; from += chunk) {
    const to = Math.min(CASES, from + chunk) - 1;
    await db.query(
      `INSERT INTO cases (department_code, case_id, item_code, status, is_open, unknown_item, current_step, responsible_officer_id,
          submitted_at, accepted_at, decided_at, outcome, certificate_issued_at, closed_at, suspended, event_count,
          first_occurred_at, last_occurred_at, anomalies, projected_at, clocks, next_check_at, clocks_provisional, latest_due_on, deemed_accepted_on)
       SELECT dep, 'c' || i, dep || '-001', CASE WHEN decided THEN 'COMPLETED' ELSE 'IN_PROGRESS' END, NOT decided, false, NULL, NULL,
              acc, acc, CASE WHEN decided THEN stop END, CASE WHEN decided THEN 'APPROVED' END, CASE WHEN decided THEN stop END,
              CASE WHEN decided THEN stop END, false, 5, acc, coalesce(CASE WHEN decided THEN stop END, acc), '[]'::jsonb, now(),
              jsonb_build_array(
                jsonb_build_object('kind', 'DECISION_PROMISED', 'startedOn', acc_day, 'dueOn', acc_day + 14, 'limitWorkingDays', 10,
                  'usedWorkingDays', used, 'remainingWorkingDays', 10 - used, 'suspendedWorkingDays', 0, 'provisional', false,
                  'state', CASE WHEN used > 10 THEN 'breached' WHEN decided THEN 'met' ELSE 'running' END,
                  'startedAt', acc, 'dueAt', acc_day + 15, 'warningAt', acc_day + 13, 'nextCheckAt', NULL)
                  || CASE WHEN decided THEN jsonb_build_object('stoppedAt', stop, 'stoppedBy', 'DECIDED') ELSE '{}'::jsonb END,
                jsonb_build_object('kind', 'DECISION_STATUTORY', 'startedOn', acc_day, 'dueOn', acc_day + 28, 'limitWorkingDays', 20,
                  'usedWorkingDays', used, 'remainingWorkingDays', 20 - used, 'suspendedWorkingDays', 0, 'provisional', false,
                  'state', CASE WHEN used > 20 THEN 'breached' WHEN decided THEN 'met' ELSE 'running' END,
                  'startedAt', acc, 'dueAt', acc_day + 29, 'warningAt', acc_day + 27, 'nextCheckAt', NULL)
                  || CASE WHEN decided THEN jsonb_build_object('stoppedAt', stop, 'stoppedBy', 'DECIDED') ELSE '{}'::jsonb END),
              NULL, false, acc_day + 28, NULL
         FROM generate_series($1::bigint, $2::bigint) AS i,
              LATERAL (SELECT 'D' || lpad((i % ${DEPARTMENTS})::text, 3, '0') AS dep,
                              date '2023-01-01' + ((i * 7919) % 1095)::int AS acc_day,
                              (i % 10) <> 0 AS decided,
                              ((i * 31) % 25)::int AS used) base,
              LATERAL (SELECT (acc_day + time '10:00') AT TIME ZONE 'Asia/Shanghai' AS acc,
                              (acc_day + (used * 7 / 5) + time '15:00') AT TIME ZONE 'Asia/Shanghai' AS stop) times`,
      [from, to],
    );
    process.stdout.write(`  cases ${(to + 1).toLocaleString()} / ${CASES.toLocaleString()}\r`);
  }
  await db.query(
    `INSERT INTO alerts (id, department_code, case_id, item_code, rule, level, state, ruleset_version, responsible_officer_id, time_driven,
        breached_at, raised_at, updated_at, supervision_due_at, closed_at, evidence, summary)
     SELECT gen_random_uuid(), 'D' || lpad((i % ${DEPARTMENTS})::text, 3, '0'), 'c' || (i * 20), NULL,
            (ARRAY['PROMISED_OVERDUE', 'STATUTORY_OVERDUE', 'LATE_REPORTING', 'DEADLINE_NEAR'])[1 + i % 4],
            (ARRAY['YELLOW', 'RED', 'PROMPT', 'PROMPT'])[1 + i % 4], 'CLOSED', 'bench', NULL, true, at, at, at,
            CASE WHEN i % 4 = 0 THEN at + interval '7 days' END, at + interval '9 days', '{"eventIds":[],"facts":{}}', '{"zh":"","en":""}'
       FROM generate_series(1, $1::bigint) AS i,
            LATERAL (SELECT timestamptz '2023-01-02 02:00Z' + ((i * 7919) % 1095) * interval '1 day' AS at) t`,
    [Math.floor(CASES / 20)],
  );
  process.stdout.write('\n');
}

/** The department's quarter straight from the cases table: what a report costs without a rollup. */
async function naiveAggregate(db: Client): Promise<unknown> {
  return db.query(
    `SELECT count(*) FILTER (WHERE accepted_at >= $2 AND accepted_at < $3) AS accepted,
            count(*) FILTER (WHERE decided_at >= $2 AND decided_at < $3) AS completed,
            count(*) FILTER (WHERE decided_at >= $2 AND decided_at < $3
                              AND (SELECT c->>'state' FROM jsonb_array_elements(clocks) c WHERE c->>'kind' = 'DECISION_PROMISED') = 'met') AS on_time,
            count(*) FILTER (WHERE accepted_at < $3 AND (decided_at IS NULL OR decided_at >= $3)) AS in_progress
       FROM cases WHERE department_code = $1`,
    [DEPARTMENT, '2025-10-01T00:00:00+08:00', '2026-01-01T00:00:00+08:00'],
  );
}

/**
 * A private copy of the build: a `nest build` elsewhere in the tree (it empties dist/ first) must not
 * pull the server out from under a benchmark that runs for minutes.
 */
function privateBuild(): string {
  const main = 'apps/api/src/main.js';
  if (!existsSync(resolve(ROOT, 'dist', main))) throw new Error('dist/ is not built: run `npx nest build api` (npm run bench:reports does)');
  const copy = resolve(ROOT, 'dist-bench/app');
  rmSync(copy, { recursive: true, force: true });
  cpSync(resolve(ROOT, 'dist'), copy, { recursive: true });
  return resolve(copy, main);
}

async function startServer(databaseUrl: string, token: string): Promise<{ child: ChildProcess; baseUrl: string }> {
  const child = spawn(process.execPath, [privateBuild()], {
    env: {
      PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, REDIS_URL, ADMIN_TOKEN: token, JWT_SECRET: randomBytes(24).toString('hex'),
      QUEUE_PREFIX: `lmbench-${randomBytes(3).toString('hex')}`, HOST: '127.0.0.1', PORT: '0', LOG_FORMAT: 'text', DEMO_FEED: 'off',
      SCHEDULER_INTERVAL_MS: '0', FEED_CHECK_INTERVAL_MS: '0', RATE_LIMIT_MAX: '1000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  while (!/API:\s+(http:\/\/\S+)\/api\/v1/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, baseUrl: /API:\s+(http:\/\/\S+)\/api\/v1/.exec(output)![1].replace('localhost', '127.0.0.1') };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
