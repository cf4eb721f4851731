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

  async casesOfBatch(batchId: string, manager: EntityManager = this.dataSource.manager): Promise<CaseKey[]> {
    const rows: { department_code: string; case_id: string }[] = await manager.query(
      'SELECT DISTINCT department_code, case_id FROM case_events WHERE batch_id = $1',
      [batchId],
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

  async markBatchProjected(batchId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query('UPDATE ingest_batches SET projected_at = now() WHERE id = $1 AND projected_at IS NULL', [batchId]);
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
