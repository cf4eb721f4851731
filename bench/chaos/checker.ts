/**
 * What a chaos run must leave behind, read straight from PostgreSQL: every acknowledged event
 * stored, no case+rule with two cards, every committed batch projected, every case projected from
 * its whole history — and (compare) the same cases, clocks and cards as a clean replay.
 */
import { Client } from 'pg';
import { sleep } from './load';

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const count = async (client: Client, sql: string, params: unknown[] = []): Promise<number> =>
  Number((await client.query<{ n: string }>(sql, params)).rows[0].n);

/** Acknowledged events (department → eventIds) that are not in the event log. */
export function missingAcknowledged(url: string, acknowledged: ReadonlyMap<string, ReadonlySet<string>>): Promise<number> {
  const departments: string[] = [];
  const ids: string[] = [];
  for (const [department, set] of acknowledged) {
    for (const id of set) {
      departments.push(department);
      ids.push(id);
    }
  }
  return withClient(url, (client) =>
    count(
      client,
      `SELECT count(*) AS n FROM unnest($1::varchar[], $2::varchar[]) AS a(department_code, event_id)
        WHERE NOT EXISTS (SELECT 1 FROM case_events e WHERE e.department_code = a.department_code AND e.event_id = a.event_id)`,
      [departments, ids],
    ),
  );
}

export interface Duplicates {
  /** Cases with two active cards for one rule (the unique index should make this impossible). */
  activeCards: number;
  /** Extra cards for a case+rule, in any state: with whole-case batches a card is raised once. */
  cards: number;
  /** Extra rows for one (department, eventId) in the event log. */
  events: number;
}

export function duplicates(url: string, casePrefix: string): Promise<Duplicates> {
  return withClient(url, async (client) => ({
    activeCards: await count(
      client,
      `SELECT coalesce(sum(n - 1), 0) AS n FROM (SELECT count(*) AS n FROM alerts
        WHERE case_id LIKE $1 AND state IN ('OPEN', 'ACKNOWLEDGED', 'RECTIFIED', 'APPEALED')
        GROUP BY department_code, case_id, rule) g`,
      [`${casePrefix}%`],
    ),
    cards: await count(
      client,
      `SELECT coalesce(sum(n - 1), 0) AS n FROM (SELECT count(*) AS n FROM alerts WHERE case_id LIKE $1 GROUP BY department_code, case_id, rule) g`,
      [`${casePrefix}%`],
    ),
    events: await count(
      client,
      `SELECT coalesce(sum(n - 1), 0) AS n FROM (SELECT count(*) AS n FROM case_events WHERE case_id LIKE $1 GROUP BY department_code, event_id) g`,
      [`${casePrefix}%`],
    ),
  }));
}

export interface Backlog {
  unprojectedBatches: number;
  /** Cases missing, or projected from fewer events than the log holds. */
  staleCases: number;
}

export function backlog(url: string): Promise<Backlog> {
  return withClient(url, async (client) => ({
    unprojectedBatches: await count(client, 'SELECT count(*) AS n FROM ingest_batches WHERE projected_at IS NULL'),
    staleCases: await count(
      client,
      `SELECT count(*) AS n FROM (SELECT department_code, case_id, count(*) AS n FROM case_events GROUP BY 1, 2) e
         LEFT JOIN cases c USING (department_code, case_id)
        WHERE c.event_count IS DISTINCT FROM e.n`,
    ),
  }));
}

/** Waits until every committed batch and case is projected; returns the last backlog and the time it took. */
export async function waitProjected(url: string, timeoutMs: number): Promise<Backlog & { ms: number }> {
  const t0 = Date.now();
  for (;;) {
    const now = await backlog(url).catch(() => ({ unprojectedBatches: -1, staleCases: -1 }));
    if ((now.unprojectedBatches === 0 && now.staleCases === 0) || Date.now() - t0 > timeoutMs) return { ...now, ms: Date.now() - t0 };
    await sleep(500);
  }
}

/**
 * Everything a replay must reproduce, without what depends on the instant of projection
 * (projected_at, next_check_at, raised/updated times, supervision due dates) or on identity (ids).
 * Clocks count in whole working days, so two projections on the same local day agree.
 */
const RECEPTION_RULES = ['LATE_REPORTING', 'OFFLINE_HANDLING'];

export interface StateDump {
  cases: Map<string, string>;
  cards: Map<string, string>;
}

export function dumpState(url: string): Promise<StateDump> {
  return withClient(url, async (client) => {
    const cases = await client.query<Record<string, unknown>>(
      `SELECT department_code, case_id, item_code, status, is_open, unknown_item, current_step, responsible_officer_id,
              submitted_at, accepted_at, decided_at, outcome, certificate_issued_at, closed_at, suspended, event_count,
              first_occurred_at, last_occurred_at, anomalies, clocks, clocks_provisional, latest_due_on, deemed_accepted_on
         FROM cases`,
    );
    // Reception rules judge when the centre received each event: a replay receives them again,
    // later, so only their verdict (rule, level, state) can match, not their evidence.
    const cards = await client.query<Record<string, unknown>>(
      `SELECT department_code, case_id, rule, item_code, level, state, ruleset_version, responsible_officer_id, time_driven,
              close_reason,
              CASE WHEN rule = ANY($1) THEN NULL ELSE breached_at END AS breached_at,
              CASE WHEN rule = ANY($1) THEN NULL ELSE evidence END AS evidence,
              CASE WHEN rule = ANY($1) THEN NULL ELSE summary END AS summary
         FROM alerts ORDER BY department_code, case_id, rule, raised_at, id`,
      [RECEPTION_RULES],
    );
    const byKey = (rows: Record<string, unknown>[], key: (row: Record<string, unknown>) => string) => {
      const map = new Map<string, string>();
      for (const row of rows) {
        const k = key(row);
        map.set(k, map.has(k) ? `${map.get(k)}\n${JSON.stringify(row)}` : JSON.stringify(row));
      }
      return map;
    };
    return {
      cases: byKey(cases.rows, (r) => `${String(r.department_code)}/${String(r.case_id)}`),
      cards: byKey(cards.rows, (r) => `${String(r.department_code)}/${String(r.case_id)}/${String(r.rule)}`),
    };
  });
}

export interface StateDiff {
  cases: number;
  cards: number;
  examples: string[];
}

export function compareStates(chaos: StateDump, replay: StateDump): StateDiff {
  const examples: string[] = [];
  const diff = (what: string, a: Map<string, string>, b: Map<string, string>): number => {
    let n = 0;
    for (const key of new Set([...a.keys(), ...b.keys()])) {
      if (a.get(key) === b.get(key)) continue;
      n++;
      if (examples.length < 5) examples.push(`${what} ${key}\n  chaos:  ${a.get(key) ?? '(none)'}\n  replay: ${b.get(key) ?? '(none)'}`);
    }
    return n;
  };
  return { cases: diff('case', chaos.cases, replay.cases), cards: diff('card', chaos.cards, replay.cards), examples };
}

export interface LoggedBatch {
  departmentCode: string;
  events: Record<string, unknown>[];
}

/** The event log, batch by batch in the order the centre committed them, as a department would send it. */
export function eventLog(url: string): Promise<LoggedBatch[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{
      batch_id: string; department_code: string; event_id: string; case_id: string; item_code: string; type: string;
      occurred_at_text: string; seq: number | null; officer_id: string | null; data: Record<string, unknown>;
    }>(
      `SELECT e.batch_id, e.department_code, e.event_id, e.case_id, e.item_code, e.type, e.occurred_at_text, e.seq, e.officer_id, e.data
         FROM case_events e JOIN ingest_batches b ON b.id = e.batch_id
        ORDER BY b.received_at, b.id, e.event_id`,
    );
    const batches: LoggedBatch[] = [];
    let current: (LoggedBatch & { id: string }) | undefined;
    for (const row of rows) {
      if (current?.id !== row.batch_id) {
        current = { id: row.batch_id, departmentCode: row.department_code, events: [] };
        batches.push(current);
      }
      current.events.push({
        eventId: row.event_id, departmentCode: row.department_code, caseId: row.case_id, itemCode: row.item_code,
        type: row.type, occurredAt: row.occurred_at_text, data: row.data,
        ...(row.seq === null ? {} : { seq: row.seq }),
        ...(row.officer_id === null ? {} : { officerId: row.officer_id }),
      });
    }
    return batches.map(({ departmentCode, events }) => ({ departmentCode, events }));
  });
}

/** The checker must be able to fail: one event never sent and one altered case must both be caught. */
export async function selfCheck(url: string, dump: StateDump): Promise<void> {
  const [department] = [...dump.cases.keys()].map((key) => key.split('/')[0]);
  const missing = await missingAcknowledged(url, new Map([[department, new Set([`chaos-canary-${Date.now()}`])]]));
  const [someCase, row] = [...dump.cases][0];
  const altered = new Map(dump.cases).set(someCase, row.replace('"event_count":', '"event_count":1'));
  const diff = compareStates(dump, { cases: altered, cards: dump.cards });
  if (missing !== 1 || diff.cases !== 1) throw new Error(`checker self-check failed: missing ${missing} (want 1), differing cases ${diff.cases} (want 1)`);
}
