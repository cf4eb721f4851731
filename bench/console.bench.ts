/**
 * The supervision console (issue 13): first load to interactive, initial JavaScript, and a page of
 * 10,000 open cards. Server mode (PostgreSQL + Redis) from a private build; 10,000 open cards seeded
 * with SQL over 10 departments; a centre supervisor signs in through the login form.
 *
 * - First load: a cold browser context (empty cache) opens /console/ until the login form takes
 *   input ("interactive"); then signing in (Enter) until the Cards page shows its first 20 rows.
 *   Same-run floor: the same cold navigation to /health (a page from the same server with no work).
 * - Initial JS: the gzip size of every script the login page loads (what a first visit downloads
 *   before any section), and of what the Cards page adds.
 * - Card list: GET /api/v1/alerts?state=<open>&sort=urgency&pageSize=20, first page and a deep page,
 *   timed at the client on localhost. Same-run ceiling: the equivalent SQL (count + page) run directly.
 *
 * `npm run bench:console [-- --quick]` (--quick: 3 page loads and 20 requests instead of 7 and 60).
 */
import { gzipSync } from 'zlib';
import { Client } from 'pg';
import { chromium, Page, Response } from 'playwright-core';
import { Figure, machine, printFigures, withRatio, writeResult } from './support/results';
import { percentile, round } from './support/series';
import { apiClient, createDatabase, privateBuild, serverSecrets, startServer } from './support/server';

const QUICK = process.argv.includes('--quick');
const LOADS = QUICK ? 3 : 7;
const REQUESTS = QUICK ? 20 : 60;
const CARDS = 10_000;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TARGETS = { interactiveMs: 1500, initialJsKb: 350, pageMs: 200 };
const OPEN = 'OPEN,ACKNOWLEDGED,RECTIFIED,APPEALED';
const median = (values: number[]) => percentile(values, 50);

async function seedCards(databaseUrl: string): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  // Levels and due dates spread so that sorting has work to do; one active card per (case, rule).
  await db.query(
    `INSERT INTO alerts (id, department_code, case_id, item_code, rule, level, state, ruleset_version, responsible_officer_id, time_driven,
                         breached_at, raised_at, updated_at, evidence, summary)
     SELECT gen_random_uuid(), 'D' || (n % 10), 'BENCH-' || n, NULL, 'STATUTORY_OVERDUE',
            (ARRAY['PROMPT','YELLOW','RED'])[1 + n % 3], (ARRAY['OPEN','ACKNOWLEDGED','RECTIFIED','APPEALED'])[1 + n % 4], 'bench', NULL, true,
            now() - (n || ' minutes')::interval, now() - (n || ' minutes')::interval, now(),
            jsonb_build_object('eventIds', '[]'::jsonb, 'facts', '{}'::jsonb,
              'clock', jsonb_build_object('kind', 'DECISION_STATUTORY', 'dueAt', to_char(now() + ((n * 7919) % 10000 || ' minutes')::interval, 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))),
            jsonb_build_object('zh', '超法定时限', 'en', 'Statutory limit exceeded')
     FROM generate_series(1, $1) AS n`,
    [CARDS],
  );
  await db.query('ANALYZE alerts');
  await db.end();
}

/** The list query as the API runs it, straight in PostgreSQL: the floor under the endpoint. */
async function sqlCeiling(databaseUrl: string, offset: number): Promise<number[]> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = performance.now();
    await db.query(`SELECT count(*) FROM alerts a WHERE a.state IN ('OPEN','ACKNOWLEDGED','RECTIFIED','APPEALED')`);
    await db.query(
      `SELECT * FROM alerts a WHERE a.state IN ('OPEN','ACKNOWLEDGED','RECTIFIED','APPEALED')
       ORDER BY (CASE a.level WHEN 'RED' THEN 2 WHEN 'YELLOW' THEN 1 ELSE 0 END) DESC NULLS LAST,
                CAST(a.evidence #>> '{clock,dueAt}' AS timestamptz) ASC NULLS LAST, a.raised_at DESC, a.id ASC
       LIMIT 20 OFFSET $1`,
      [offset],
    );
    times.push(performance.now() - t0);
  }
  await db.end();
  return times;
}

async function timeRequests(baseUrl: string, token: string, query: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = performance.now();
    const response = await fetch(`${baseUrl}/api/v1/alerts?${query}`, { headers: { authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`GET /alerts?${query}: ${response.status}`);
    times.push(performance.now() - t0);
  }
  return times;
}

/** Gzip bytes of every script the page downloads while `run` goes on. */
function scriptBytes(page: Page): { total: () => Promise<number> } {
  const responses: Response[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') responses.push(r);
  });
  return { total: async () => (await Promise.all(responses.map(async (r) => gzipSync(await r.body(), { level: 9 }).length))).reduce((a, b) => a + b, 0) };
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const secrets = serverSecrets();
  const database = await createDatabase('console');
  const server = await startServer({ entry: privateBuild('console'), databaseUrl: database.url, ...secrets, env: { SCHEDULER_INTERVAL_MS: '0', FEED_CHECK_INTERVAL_MS: '0' } });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    const admin = apiClient(server.baseUrl, secrets.adminToken);
    await admin('PUT', '/api/v1/regions/R1', { name: '东城区' });
    for (let d = 0; d < 10; d++) await admin('PUT', `/api/v1/departments/D${d}`, { name: `部门${d}`, regionCode: 'R1' });
    await admin('PUT', '/api/v1/users/bench-supervisor', { role: 'centre_supervisor', password: 'bench-password-1' });
    await seedCards(database.url);
    const { accessToken } = await apiClient(server.baseUrl, '')<{ accessToken: string }>('POST', '/api/v1/auth/login', { username: 'bench-supervisor', password: 'bench-password-1' });

    const floor: number[] = [];
    const interactive: number[] = [];
    const signedIn: number[] = [];
    const domInteractive: number[] = [];
    let loginJs = 0;
    let cardsJs = 0;
    for (let i = 0; i < LOADS; i++) {
      const blank = await browser.newContext();
      const probe = await blank.newPage();
      const f0 = performance.now();
      await probe.goto(`${server.baseUrl}/health`);
      floor.push(performance.now() - f0);
      await blank.close();

      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      const scripts = scriptBytes(page);
      const t0 = performance.now();
      await page.goto(`${server.baseUrl}/console/`);
      await page.locator('input[name="username"]').waitFor();
      await page.locator('input[name="username"]').focus();
      interactive.push(performance.now() - t0);
      domInteractive.push(await page.evaluate(() => (performance.getEntriesByType('navigation' as never)[0] as unknown as { domInteractive: number }).domInteractive));
      loginJs = await scripts.total();
      await page.keyboard.type('bench-supervisor');
      await page.keyboard.press('Tab');
      await page.keyboard.type('bench-password-1');
      const s0 = performance.now();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="card-table"] tbody tr').length >= 20, undefined, { timeout: 30_000 });
      signedIn.push(performance.now() - s0);
      cardsJs = (await scripts.total()) - loginJs;
      await context.close();
    }

    const firstPage = await timeRequests(server.baseUrl, accessToken, `state=${OPEN}&sort=urgency&pageSize=20`);
    const deepPage = await timeRequests(server.baseUrl, accessToken, `state=${OPEN}&sort=urgency&pageSize=20&page=400`);
    const sqlFirst = await sqlCeiling(database.url, 0);
    const sqlDeep = await sqlCeiling(database.url, 7980);

    const figures: Figure[] = [
      withRatio({
        id: 'C1',
        what: 'console first load to interactive (cold cache, login form takes input), median',
        value: round(median(interactive), 0),
        unit: 'ms',
        target: '≤ 1,500 ms',
        meets: median(interactive) <= TARGETS.interactiveMs,
        ceiling: { what: 'cold navigation to /health on the same server', value: round(median(floor), 0), unit: 'ms' },
      }),
      { id: 'C1b', what: 'sign-in (Enter) to the Cards page showing 20 of 10,000 open cards, median', value: round(median(signedIn), 0), unit: 'ms' },
      { id: 'C2', what: 'initial JavaScript of the console (login page), gzip', value: round(loginJs / 1024, 1), unit: 'KB', target: '≤ 350 KB', meets: loginJs / 1024 <= TARGETS.initialJsKb },
      { id: 'C2b', what: 'JavaScript the signed-in layout and Cards page add, gzip', value: round(cardsJs / 1024, 1), unit: 'KB' },
      withRatio({
        id: 'C3',
        what: `GET /alerts, first page of ${CARDS.toLocaleString('en')} open cards by urgency, p95`,
        value: round(percentile(firstPage, 95), 1),
        unit: 'ms',
        target: '≤ 200 ms',
        meets: percentile(firstPage, 95) <= TARGETS.pageMs,
        ceiling: { what: 'the same count + page in SQL, p95', value: round(percentile(sqlFirst, 95), 1), unit: 'ms' },
      }),
      withRatio({
        id: 'C3b',
        what: 'GET /alerts, page 400 of the same list, p95',
        value: round(percentile(deepPage, 95), 1),
        unit: 'ms',
        target: '≤ 200 ms',
        meets: percentile(deepPage, 95) <= TARGETS.pageMs,
        ceiling: { what: 'the same count + page in SQL, p95', value: round(percentile(sqlDeep, 95), 1), unit: 'ms' },
      }),
    ];
    printFigures(figures);
    const file = writeResult({
      bench: 'console',
      command: `npm run bench:console${QUICK ? ' -- --quick' : ''}`,
      quick: QUICK,
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: machine(),
      figures,
      details: { loads: LOADS, requests: REQUESTS, interactiveMs: interactive.map((v) => round(v, 0)), domInteractiveMs: domInteractive.map((v) => round(v, 0)), signedInMs: signedIn.map((v) => round(v, 0)) },
    });
    console.log(`wrote ${file}`);
  } finally {
    await browser.close();
    await server.stop();
    await database.drop();
  }
}

declare const document: { querySelectorAll(selector: string): { length: number } };

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
