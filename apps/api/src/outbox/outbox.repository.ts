import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface OutboxMessage {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
}

/** Topics are part of the stored state, like queue names: never rename one. */
export const OUTBOX_TOPICS = { alertChanged: 'alert.changed' } as const;

@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inside the caller's transaction: the message exists exactly when the change does. */
  async add(manager: EntityManager, messages: { topic: string; payload: Record<string, unknown> }[], now: Date): Promise<void> {
    if (messages.length === 0) return;
    const params: unknown[] = [];
    const tuples = messages.map((m) => {
      params.push(m.topic, JSON.stringify(m.payload), now);
      return `($${params.length - 2}, $${params.length - 1}, $${params.length})`;
    });
    await manager.query(`INSERT INTO outbox (topic, payload, created_at) VALUES ${tuples.join(',')}`, params);
  }

  /**
   * Claims a batch of unpublished messages for this publisher (others skip them), hands them to
   * `publish`, and marks them published in the same transaction: a crash before the commit leaves
   * them unpublished, so delivery is at-least-once.
   */
  async publishBatch(limit: number, publish: (messages: OutboxMessage[]) => Promise<void>): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<OutboxMessage[]>(
        `SELECT id, topic, payload FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (rows.length === 0) return 0;
      await publish(rows);
      await manager.query('UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
      return rows.length;
    });
  }
}
