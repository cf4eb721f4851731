/**
 * P9 (card list): one page of GET /api/v1/alerts over 10,000 open cards, with the filters and sorts
 * the console uses, ≤ 200 ms. Server mode (PostgreSQL + Redis) from a private build; 10 departments
 * in two regions; 10,000 open cards and 2,000 closed ones seeded with SQL (evidence the size of a
 * real clock's); a centre supervisor and a region supervisor sign in.
 *
 * Each query is timed at the client on localhost (the server's time plus a loopback round trip);
 * same-run ceiling for the urgency pages: the query the API runs (count + page), straight in SQL. The
 * plans (EXPLAIN ANALYZE) of the urgency page with the index and, for comparison, without it (the
 * index dropped inside a rolled-back transaction) are printed and kept in the result file.
 *
 * `npm run bench:card-list [-- --quick]` (--quick: 20 requests per query instead of 60).
 */
import { Client } from 'pg';
import { Figure, machine, printFigures, withRatio, writeResult } from './support/results';
import { percentile, round } from './support/series';
import { apiClient, createDatabase, privateBuild, serverSecrets, startServer } from './support/server';

const QUICK = process.argv.includes('--quick');
const REQUESTS = QUICK ? 20 : 60;
const OPEN_CARDS = 10_000;
const CLOSED_CARDS = 2_000;
const TARGET_MS = 200;
const OPEN = 'OPEN,ACKNOWLEDGED,RECTIFIED,APPEALED';
const OPEN_SQL = `('OPEN','ACKNOWLEDGED','RECTIFIED','APPEALED')`;

/** The urgency page as the API builds it (the page and a count, side by side). */
const URGENCY_PAGE = (dueAt: string, offset: number) =>
  `SELECT * FROM alerts a WHERE a.state IN ${OPEN_SQL}
    ORDER BY (CASE a.level WHEN 'RED' THEN 2 WHEN 'YELLOW' THEN 1 ELSE 0 END) DESC NULLS LAST, ${dueAt} ASC NULLS LAST, a.raised_at DESC, a.id ASC
    LIMIT 20 OFFSET ${offset}`;
const URGENCY_COUNT = `SELECT count(*) FROM alerts a WHERE a.state IN ${OPEN_SQL}`;

async function seedCards(databaseUrl: string): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  // Levels, states, rules and due instants spread so filters and sorts have work to do; the
  // evidence carries a clock with an explanation, as real cards do (≈ 1.5 KB each).
  await db.query(
    `INSERT INTO alerts (id, department_code, case_id, item_code, rule, level, state, ruleset_version, responsible_officer_id, time_driven,
                         breached_at, raised_at, updated_at, due_at, closed_at, evidence, summary)
     SELECT gen_random_uuid(), 'D' || (n % 10), 'BENCH-' || n, NULL,
            (ARRAY['STATUTORY_OVERDUE','PROMISED_OVERDUE','STEP_OVERDUE','DEADLINE_NEAR','LATE_REPORTING'])[1 + n % 5],
            (ARRAY['PROMPT','YELLOW','RED'])[1 + n % 3],
            CASE WHEN n > $1 THEN 'CLOSED' ELSE (ARRAY['OPEN','ACKNOWLEDGED','RECTIFIED','APPEALED'])[1 + n % 4] END,
            'bench', NULL, true,
            now() - (n || ' minutes')::interval, now() - (n || ' minutes')::interval, now() - ((n % 500) || ' minutes')::interval,
            CASE WHEN n % 5 = 4 THEN NULL ELSE now() + (((n * 7919) % 10000) || ' minutes')::interval END,
            CASE WHEN n > $1 THEN now() END,
            jsonb_build_object('eventIds', jsonb_build_array('e1', 'e2', 'e3'), 'facts', jsonb_build_object('limitWorkingDays', 20),
              'clock', CASE WHEN n % 5 = 4 THEN NULL ELSE jsonb_build_object('kind', 'DECISION_STATUTORY',
                'dueAt', to_char((now() + (((n * 7919) % 10000) || ' minutes')::interval) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                'explanation', jsonb_build_object('countedRanges', (SELECT jsonb_agg(jsonb_build_object('from', '2025-10-' || lpad(d::text, 2, '0'), 'to', '2025-10-' || lpad(d::text, 2, '0'), 'days', 1)) FROM generate_series(1, 25) d)))
              END),
            jsonb_build_object('zh', '超法定时限', 'en', 'Statutory limit exceeded')
     FROM generate_series(1, $2) AS n`,
    [OPEN_CARDS, OPEN_CARDS + CLOSED_CARDS],
  );
  await db.query('ANALYZE alerts');
  await db.end();
}

async function timeRequests(baseUrl: string, token: string, query: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = performance.now();
    const response = await fetch(`${baseUrl}/api/v1/alerts?${query}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { total?: number };
    if (!response.ok || typeof body.total !== 'number') throw new Error(`GET /alerts?${query}: ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
    times.push(performance.now() - t0);
  }
  return times;
}

async function sqlTimes(databaseUrl: string, offset: number): Promise<number[]> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = performance.now();
    await db.query(URGENCY_COUNT);
    await db.query(URGENCY_PAGE('a.due_at', offset));
    times.push(performance.now() - t0);
  }
  await db.end();
  return times;
}

/** EXPLAIN ANALYZE of the urgency page with the index, and as it ran before it (JSON cast, no index). */
async function plans(databaseUrl: string): Promise<Record<string, string>> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const explain = async (sql: string) => (await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`)).rows.map((r) => r['QUERY PLAN']).join('\n');
  try {
    const withIndex = await explain(URGENCY_PAGE('a.due_at', 0));
    const deepWithIndex = await explain(URGENCY_PAGE('a.due_at', 7980));
    const count = await explain(URGENCY_COUNT);
    const countBefore = await explain(`SELECT COUNT(DISTINCT a.id) FROM alerts a WHERE a.state IN ${OPEN_SQL}`);
    await db.query('BEGIN');
    await db.query('DROP INDEX idx_alerts_open_urgency');
    const before = await explain(URGENCY_PAGE(`CAST(a.evidence #>> '{clock,dueAt}' AS timestamptz)`, 0));
    await db.query('ROLLBACK');
    return { withIndex, deepWithIndex, before, count, countBefore };
  } finally {
    await db.end();
  }
}

const QUERIES: { id: string; what: string; query: string; as: 'centre' | 'region' }[] = [
  { id: 'L1', what: 'open cards by urgency, first page', query: `state=${OPEN}&sort=urgency&pageSize=20`, as: 'centre' },
  { id: 'L2', what: 'open cards by urgency, page 400', query: `state=${OPEN}&sort=urgency&pageSize=20&page=400`, as: 'centre' },
  { id: 'L3', what: 'open cards, newest first (default order), first page', query: `state=${OPEN}&pageSize=20`, as: 'centre' },
  { id: 'L4', what: 'one department, RED, soonest due', query: `state=${OPEN}&departmentCode=D3&level=RED&sort=dueAt&pageSize=20`, as: 'centre' },
  { id: 'L5', what: 'a rule in a period, latest change first, 50 a page', query: `rule=STEP_OVERDUE&from=2000-01-01&to=2100-01-01&sort=-updatedAt&pageSize=50`, as: 'centre' },
  { id: 'L6', what: 'region supervisor (5 departments), open by urgency', query: `state=${OPEN}&sort=urgency&pageSize=20`, as: 'region' },
  { id: 'L7', what: 'region filter R2, YELLOW, by case number', query: `regionCode=R2&level=YELLOW&sort=caseId&pageSize=20`, as: 'centre' },
];

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const secrets = serverSecrets();
  const database = await createDatabase('cardlist');
  const server = await startServer({ entry: privateBuild('card-list'), databaseUrl: database.url, ...secrets, env: { SCHEDULER_INTERVAL_MS: '0', FEED_CHECK_INTERVAL_MS: '0' } });
  try {
    const admin = apiClient(server.baseUrl, secrets.adminToken);
    for (const region of ['R1', 'R2']) await admin('PUT', `/api/v1/regions/${region}`, { name: region });
    for (let d = 0; d < 10; d++) await admin('PUT', `/api/v1/departments/D${d}`, { name: `部门${d}`, regionCode: d < 5 ? 'R1' : 'R2' });
    await admin('PUT', '/api/v1/users/bench-centre', { role: 'centre_supervisor', password: 'bench-password-1' });
    await admin('PUT', '/api/v1/users/bench-region', { role: 'region_supervisor', regionCode: 'R1', password: 'bench-password-1' });
    await seedCards(database.url);
    const login = async (username: string) =>
      (await apiClient(server.baseUrl, '')<{ accessToken: string }>('POST', '/api/v1/auth/login', { username, password: 'bench-password-1' })).accessToken;
    const tokens = { centre: await login('bench-centre'), region: await login('bench-region') };

    const sqlFirst = await sqlTimes(database.url, 0);
    const sqlDeep = await sqlTimes(database.url, 7980);
    const figures: Figure[] = [];
    for (const q of QUERIES) {
      const times = await timeRequests(server.baseUrl, tokens[q.as], q.query);
      const p95 = percentile(times, 95);
      const ceiling = q.id === 'L1' ? sqlFirst : q.id === 'L2' ? sqlDeep : null;
      figures.push(
        withRatio({
          id: q.id === 'L1' ? 'P9c' : q.id,
          what: `GET /alerts: ${q.what} (${OPEN_CARDS.toLocaleString('en')} open cards), p95 (p50 ${round(percentile(times, 50), 1)} ms)`,
          value: round(p95, 1),
          unit: 'ms',
          target: '≤ 200 ms',
          meets: p95 <= TARGET_MS,
          ...(ceiling ? { ceiling: { what: 'the same count + page in SQL, p95', value: round(percentile(ceiling, 95), 1), unit: 'ms' } } : {}),
        }),
      );
    }
    const explained = await plans(database.url);
    printFigures(figures);
    console.log(`\nEXPLAIN ANALYZE, urgency first page, with idx_alerts_open_urgency:\n${explained.withIndex}`);
    console.log(`\nEXPLAIN ANALYZE, urgency page 400, with the index:\n${explained.deepWithIndex}`);
    console.log(`\nEXPLAIN ANALYZE, the count:\n${explained.count}`);
    console.log(`\nEXPLAIN ANALYZE, the count as the ORM wrote it before (COUNT(DISTINCT id)):\n${explained.countBefore}`);
    console.log(`\nEXPLAIN ANALYZE, urgency first page as before (due instant cast from the evidence JSON, no index):\n${explained.before}`);
    const file = writeResult({
      bench: 'card-list',
      command: `npm run bench:card-list${QUICK ? ' -- --quick' : ''}`,
      quick: QUICK,
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: machine(),
      figures,
      details: { requests: REQUESTS, openCards: OPEN_CARDS, closedCards: CLOSED_CARDS, queries: QUERIES, plans: explained },
    });
    console.log(`wrote ${file}`);
  } finally {
    await server.stop();
    await database.drop();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
