import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CaseEventInput, StoredCaseEvent } from '@app/contracts';

export interface EventToStore {
  event: CaseEventInput;
  contentHash: string;
}

export interface CaseKey {
  departmentCode: string;
  caseId: string;
}

const COLUMNS = [
  'department_code', 'event_id', 'case_id', 'item_code', 'type', 'occurred_at', 'occurred_at_text',
  'seq', 'officer_id', 'data', 'received_at', 'content_hash', 'batch_id',
] as const;

/** The event log. Multi-row statements only: this is the ingest hot path. */
@Injectable()
export class EventStoreRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inserts what is new and returns the eventIds actually inserted; an eventId already stored is
   * left untouched (the caller compares content hashes to tell duplicates from conflicts).
   */
  async insertNew(
    manager: EntityManager,
    departmentCode: string,
    batchId: string,
    receivedAt: Date,
    rows: EventToStore[],
  ): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const params: unknown[] = [];
    const tuples = rows.map(({ event, contentHash }) => {
      const values = [
        departmentCode, event.eventId, event.caseId, event.itemCode, event.type, event.occurredAt,
        event.occurredAt, event.seq ?? null, event.officerId ?? null, JSON.stringify(event.data),
        receivedAt, contentHash, batchId,
      ];
      const start = params.length;
      params.push(...values);
      return `(${values.map((_, i) => `$${start + i + 1}`).join(',')})`;
    });
    const inserted: { event_id: string }[] = await manager.query(
      `INSERT INTO case_events (${COLUMNS.join(',')}) VALUES ${tuples.join(',')}
       ON CONFLICT (department_code, event_id) DO NOTHING RETURNING event_id`,
      params,
    );
    return new Set(inserted.map((row) => row.event_id));
  }

  async contentHashes(manager: EntityManager, departmentCode: string, eventIds: string[]): Promise<Map<string, string>> {
    if (eventIds.length === 0) return new Map();
    const rows: { event_id: string; content_hash: string }[] = await manager.query(
      'SELECT event_id, content_hash FROM case_events WHERE department_code = $1 AND event_id = ANY($2)',
      [departmentCode, eventIds],
    );
    return new Map(rows.map((row) => [row.event_id, row.content_hash]));
  }

  async insertBatch(manager: EntityManager, batchId: string, departmentCode: string, eventCount: number, receivedAt: Date): Promise<void> {
    await manager.query(
      'INSERT INTO ingest_batches (id, department_code, event_count, received_at) VALUES ($1, $2, $3, $4)',
      [batchId, departmentCode, eventCount, receivedAt],
    );
    // The department's feed is alive: FEED_SILENT reads this.
    await manager.query(
      `INSERT INTO department_feeds (department_code, last_received_at) VALUES ($1, $2)
       ON CONFLICT (department_code) DO UPDATE SET last_received_at = GREATEST(department_feeds.last_received_at, EXCLUDED.last_received_at)`,
      [departmentCode, receivedAt],
    );
  }

  /** Each case the batches touch, once. */
  async casesOfBatches(batchIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<CaseKey[]> {
    const rows: { department_code: string; case_id: string }[] = await manager.query(
      'SELECT DISTINCT department_code, case_id FROM case_events WHERE batch_id = ANY($1::uuid[])',
      [batchIds],
    );
    return rows.map((row) => ({ departmentCode: row.department_code, caseId: row.case_id }));
  }

  /** The full history of each case, in one query. */
  async historiesOf(cases: CaseKey[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, StoredCaseEvent[]>> {
    const histories = new Map<string, StoredCaseEvent[]>();
    if (cases.length === 0) return histories;
    const rows: StoredRow[] = await manager.query(
      `SELECT e.department_code, e.event_id, e.case_id, e.item_code, e.type, e.occurred_at_text, e.seq,
              e.officer_id, e.data, e.received_at
         FROM case_events e
         JOIN unnest($1::varchar[], $2::varchar[]) AS k(department_code, case_id)
           ON e.department_code = k.department_code AND e.case_id = k.case_id`,
      [cases.map((c) => c.departmentCode), cases.map((c) => c.caseId)],
    );
    for (const row of rows) {
      const key = caseKeyString(row.department_code, row.case_id);
      const list = histories.get(key) ?? [];
      list.push(toStoredEvent(row));
      histories.set(key, list);
    }
    return histories;
  }

  async markBatchesProjected(batchIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query('UPDATE ingest_batches SET projected_at = now() WHERE id = ANY($1::uuid[]) AND projected_at IS NULL', [batchIds]);
  }

  /**
   * Claims batches for one projection pass, locked until the caller's transaction ends: the given
   * batch with up to `limit - 1` other unprojected batches of its department no one is projecting
   * (oldest first, within `eventBudget` events). When another pass holds the given batch, this pass takes only others —
   * useful work instead of a wait — and `own` says so; with nothing else to take it waits for the
   * batch's row, so a job never ends while its batch may still be unprojected (the other pass may
   * roll back). Never waits while holding a claim: two claiming passes cannot deadlock.
   */
  async claimBatches(batchId: string, limit: number, eventBudget: number, manager: EntityManager): Promise<BatchClaim> {
    const lockOwn = async (wait: boolean) =>
      manager.query<{ projected_at: Date | null; event_count: number; department_code: string }[]>(
        `SELECT projected_at, event_count, department_code FROM ingest_batches WHERE id = $1 FOR UPDATE${wait ? '' : ' SKIP LOCKED'}`,
        [batchId],
      );
    let own = await lockOwn(false);
    if (own.length === 0) {
      const [row] = await manager.query<{ projected_at: Date | null; department_code: string }[]>(
        'SELECT projected_at, department_code FROM ingest_batches WHERE id = $1',
        [batchId],
      );
      // No row: a batch this store never committed; project whatever it finds, as before.
      if (!row) return { own: 'claimed', batches: [batchId] };
      if (row.projected_at !== null) return { own: 'projected', batches: [] };
      const others = await this.unclaimedBatches(batchId, row.department_code, limit, eventBudget, 0, manager);
      if (others.length > 0) return { own: 'elsewhere', batches: others };
      own = await lockOwn(true);
    }
    if (own[0].projected_at !== null) return { own: 'projected', batches: [] };
    const others = await this.unclaimedBatches(batchId, own[0].department_code, limit - 1, eventBudget, own[0].event_count, manager);
    return { own: 'claimed', batches: [batchId, ...others] };
  }

  /**
   * The department's other waiting batches: a department's consecutive batches tend to touch the
   * same cases (a case's next events), which one pass then projects once; another department's
   * would only make the pass longer and its row locks wider. Scans the unprojected batches only
   * (partial index), so the cost follows the backlog, not the history.
   */
  private async unclaimedBatches(
    except: string,
    departmentCode: string,
    limit: number,
    eventBudget: number,
    eventsSoFar: number,
    manager: EntityManager,
  ): Promise<string[]> {
    if (limit <= 0) return [];
    const rows = await manager.query<{ id: string; event_count: number }[]>(
      `SELECT id, event_count FROM ingest_batches
        WHERE projected_at IS NULL AND department_code = $2 AND id <> $1
        ORDER BY received_at LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [except, departmentCode, limit],
    );
    const taken: string[] = [];
    let events = eventsSoFar;
    for (const row of rows) {
      // The first one always: a pass that waits on nothing else must make progress.
      if ((taken.length > 0 || eventsSoFar > 0) && events + row.event_count > eventBudget) break;
      taken.push(row.id);
      events += row.event_count;
    }
    return taken;
  }

  /** Batches committed a while ago and still not projected: their job was lost or is failing. */
  async unprojectedBatches(olderThanMs: number, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM ingest_batches
        WHERE projected_at IS NULL AND received_at < $1
        ORDER BY received_at LIMIT $2`,
      // received_at is the application's clock: compare with it, not with the database server's now().
      [new Date(Date.now() - olderThanMs), limit],
    );
    return rows.map((row) => row.id);
  }
}

/** What a projection pass took: `own` tells whether the job's own batch is done once the pass commits. */
export interface BatchClaim {
  /** claimed: in `batches`; projected: by an earlier pass; elsewhere: held by a pass still running. */
  own: 'claimed' | 'projected' | 'elsewhere';
  batches: string[];
}

interface StoredRow {
  department_code: string;
  event_id: string;
  case_id: string;
  item_code: string;
  type: string;
  occurred_at_text: string;
  seq: number | null;
  officer_id: string | null;
  data: Record<string, unknown>;
  received_at: Date;
}

export const caseKeyString = (departmentCode: string, caseId: string): string => `${departmentCode}\u0000${caseId}`;

function toStoredEvent(row: StoredRow): StoredCaseEvent {
  const event = {
    eventId: row.event_id,
    departmentCode: row.department_code,
    caseId: row.case_id,
    itemCode: row.item_code,
    type: row.type,
    occurredAt: row.occurred_at_text,
    data: row.data,
    receivedAt: row.received_at.toISOString(),
    ...(row.seq === null ? {} : { seq: row.seq }),
    ...(row.officer_id === null ? {} : { officerId: row.officer_id }),
  };
  return event as StoredCaseEvent;
}
