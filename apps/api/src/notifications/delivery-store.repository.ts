import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { open } from '../common/secret-box';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { maskTarget, scrubSecrets, targetKeyOf } from './channel-input';
import { DeliveryDraft } from './recipient-directory';
import { SendOutcome } from './senders/send-outcome';

export interface NewDelivery extends DeliveryDraft {
  notificationId: string | null;
  alertId: string | null;
  departmentCode: string | null;
  kind: 'CARD' | 'ESCALATION' | 'REMINDER' | 'DIGEST';
  step: number;
  dueAt: Date;
  dedupeKey?: string;
}

/** A delivery as the sender needs it (one row of notification_deliveries). */
export interface DeliveryRow {
  id: string;
  notification_id: string | null;
  alert_id: string | null;
  department_code: string | null;
  kind: NewDelivery['kind'];
  step: number;
  channel: NewDelivery['channel'];
  recipient: string;
  target: string;
  secret: string | null;
  target_label: string;
  with_ack_link: boolean;
  attempts: number;
  due_at: Date;
}

const MAX_BACKOFF_MS = 3_600_000;
/** The vendors' window: a robot takes at most `ROBOT_MESSAGES_PER_MINUTE` messages in any 60 s. */
export const ROBOT_WINDOW_MS = 60_000;
const ROBOTS = `('dingtalk', 'wecom')`;
/**
 * Messages posted to a robot (target_key $k) within the window ending at $w: every attempt that
 * reached the wire, sent or failed (the vendor counts both); MERGED rows rode on another's message.
 */
const robotSendsSql = (k: string, w: string) =>
  `(SELECT count(*) FROM notification_attempts a JOIN notification_deliveries s ON s.id = a.delivery_id
     WHERE s.target_key = ${k} AND a.at > ${w}::timestamptz - interval '${ROBOT_WINDOW_MS} milliseconds'
       AND a.channel IN ${ROBOTS} AND a.status IN ('SENT', 'FAILED'))`;
const COLUMNS = 16;

/**
 * The state of every delivery, in PostgreSQL: planned rows wait for their due time, are claimed
 * (one in flight per target) and handed to the job queue, attempted, and end SENT, DEAD or
 * CANCELLED. Every transition is guarded by the state it expects, so a repeated job or a second
 * worker changes nothing.
 */
@Injectable()
export class DeliveryStore {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async insert(manager: EntityManager, deliveries: NewDelivery[], now: Date): Promise<number> {
    let inserted = 0;
    for (let i = 0; i < deliveries.length; i += 500) {
      const params: unknown[] = [];
      const tuples = deliveries.slice(i, i + 500).map((d) => {
        params.push(
          randomUUID(), d.notificationId, d.alertId, d.departmentCode, d.kind, d.step, d.channel, d.recipient, d.target, d.secret,
          maskTarget(d.channel, d.target), targetKeyOf(d.channel, d.target), d.withAckLink, d.dueAt, d.dedupeKey ?? null, now,
        );
        const base = params.length - COLUMNS;
        return `(${Array.from({ length: COLUMNS }, (_, k) => `$${base + k + 1}`).join(',')}, 'PENDING', 0, 0, $${base + COLUMNS})`;
      });
      const rows = await manager.query<{ id: string }[]>(
        `INSERT INTO notification_deliveries (id, notification_id, alert_id, department_code, kind, step, channel, recipient, target, secret,
            target_label, target_key, with_ack_link, due_at, dedupe_key, created_at, status, attempts, claims, updated_at)
         VALUES ${tuples.join(',')}
         ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING RETURNING id`,
        params,
      );
      inserted += rows.length;
    }
    return inserted;
  }

  /**
   * Claims deliveries due by `now` for the job queue: at most one per target, and none for a target
   * that has one in flight or waiting out a retry (a dead endpoint is tried once per backoff, not
   * once per message). The lease is on the real clock: it is about live processes, not schedules.
   */
  async claimDue(now: Date, limit: number, leaseMs: number, robotPerMinute: number): Promise<{ id: string; claims: number }[]> {
    return this.dataSource.transaction(async (manager) => {
      // A robot that has had its minute's messages waits (its deliveries stay due and queue up, to
      // leave as one digest when it may post again). The window is on the real clock, like the vendor's.
      const candidates = await manager.query<{ id: string; target_key: string }[]>(
        `SELECT d.id, d.target_key FROM notification_deliveries d
          WHERE d.status IN ('PENDING', 'RETRY') AND d.due_at <= $1
            AND NOT EXISTS (SELECT 1 FROM notification_deliveries b
                             WHERE b.target_key = d.target_key AND b.id <> d.id
                               AND (b.status IN ('QUEUED', 'SENDING') OR (b.status = 'RETRY' AND b.due_at > $1)))
            AND (d.channel NOT IN ${ROBOTS} OR ${robotSendsSql('d.target_key', '$3')} < $4)
          ORDER BY d.due_at, d.created_at, d.id LIMIT $2 FOR UPDATE OF d SKIP LOCKED`,
        [now, limit * 4, new Date(), robotPerMinute],
      );
      const seen = new Set<string>();
      const ids = candidates.filter((c) => !seen.has(c.target_key) && seen.add(c.target_key)).slice(0, limit).map((c) => c.id);
      if (ids.length === 0) return [];
      return manager.query<{ id: string; claims: number }[]>(
        `WITH claimed AS (
           UPDATE notification_deliveries SET status = 'QUEUED', claims = claims + 1, lease_until = $2, updated_at = now()
            WHERE id = ANY($1::uuid[]) RETURNING id, claims)
         SELECT id, claims FROM claimed`,
        [ids, new Date(Date.now() + leaseMs)],
      );
    });
  }

  /**
   * The burst behind a robot delivery being sent: the other card deliveries due to the same robot,
   * taken along (SENDING, one attempt each) when sending them one by one would use up the robot's
   * minute — then they leave together as one digest. Empty when the robot has room for them all.
   */
  async takeRobotBurst(delivery: DeliveryRow, robotPerMinute: number, leaseMs: number): Promise<DeliveryRow[]> {
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const [{ sent }] = await manager.query<{ sent: string }[]>(
        `SELECT ${robotSendsSql('(SELECT target_key FROM notification_deliveries WHERE id = $1)', '$2')} AS sent`,
        [delivery.id, now],
      );
      const waiting = await manager.query<{ id: string }[]>(
        `SELECT w.id FROM notification_deliveries w, notification_deliveries me
          WHERE me.id = $1 AND w.target_key = me.target_key AND w.id <> me.id AND w.kind <> 'DIGEST'
            AND w.status IN ('PENDING', 'RETRY') AND w.due_at <= greatest($2, me.due_at)
          ORDER BY w.due_at, w.created_at, w.id LIMIT 1000 FOR UPDATE OF w SKIP LOCKED`,
        [delivery.id, now],
      );
      // After this message the robot has `room` left in its minute: enough for each waiting card, or not.
      const room = robotPerMinute - Number(sent) - 1;
      if (waiting.length === 0 || waiting.length <= room) return [];
      return manager.query<DeliveryRow[]>(
        `WITH taken AS (
           UPDATE notification_deliveries SET status = 'SENDING', attempts = attempts + 1, claims = claims + 1, lease_until = $2, updated_at = now()
            WHERE id = ANY($1::uuid[])
            RETURNING id, notification_id, alert_id, department_code, kind, step, channel, recipient, target, NULL::varchar AS secret, target_label,
                      with_ack_link, attempts, due_at)
         SELECT * FROM taken`,
        [waiting.map((w) => w.id), new Date(Date.now() + leaseMs)],
      );
    });
  }

  /**
   * The deliveries that rode on another's message: SENT with it (logged as MERGED, naming the
   * message), or back to waiting when it failed — they leave with its retry, no attempt counted.
   */
  async finishMerged(carrier: DeliveryRow, merged: DeliveryRow[], ok: boolean, now: Date): Promise<void> {
    if (merged.length === 0) return;
    const ids = merged.map((m) => m.id);
    await this.dataSource.transaction(async (manager) => {
      if (!ok) {
        await manager.query(`UPDATE notification_deliveries SET status = 'PENDING', attempts = attempts - 1, lease_until = NULL, updated_at = $2 WHERE id = ANY($1::uuid[]) AND status = 'SENDING'`, [ids, now]);
        return;
      }
      await manager.query(
        `INSERT INTO notification_attempts (delivery_id, attempt, at, channel, target_label, status, http_status, error, duration_ms)
         SELECT id, attempts, $2::timestamptz, channel, target_label, 'MERGED', NULL, $3::varchar, 0 FROM notification_deliveries WHERE id = ANY($1::uuid[]) AND status = 'SENDING'`,
        [ids, now, `sent in the digest of delivery ${carrier.id}`],
      );
      await manager.query(`UPDATE notification_deliveries SET status = 'SENT', sent_at = $2, lease_until = NULL, updated_at = $2 WHERE id = ANY($1::uuid[]) AND status = 'SENDING'`, [ids, now]);
    });
  }

  /** Back to the pool: the job could not be enqueued (Redis away). */
  async release(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(`UPDATE notification_deliveries SET status = 'PENDING', lease_until = NULL WHERE id = ANY($1::uuid[]) AND status = 'QUEUED'`, [ids]);
  }

  /** Deliveries whose job was lost or whose worker died mid-send are taken again (at least once). */
  async recoverExpiredLeases(): Promise<number> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `WITH recovered AS (
         UPDATE notification_deliveries SET status = 'PENDING', lease_until = NULL, updated_at = now()
          WHERE status IN ('QUEUED', 'SENDING') AND lease_until < $1 RETURNING id)
       SELECT id FROM recovered`,
      // The application's clock, the one the lease was set by (not the database server's).
      [new Date()],
    );
    return rows.length;
  }

  /** Takes a QUEUED delivery for one attempt; null if another job already did (or it was cancelled). */
  async startAttempt(id: string, leaseMs: number): Promise<DeliveryRow | null> {
    const rows = await this.dataSource.query<DeliveryRow[]>(
      `WITH started AS (
         UPDATE notification_deliveries SET status = 'SENDING', attempts = attempts + 1, lease_until = $2, updated_at = now()
          WHERE id = $1 AND status = 'QUEUED'
          RETURNING id, notification_id, alert_id, department_code, kind, step, channel, recipient, target, secret, target_label,
                    with_ack_link, attempts, due_at)
       SELECT * FROM started`,
      [id, new Date(Date.now() + leaseMs)],
    );
    const row = rows[0];
    if (!row) return null;
    // Sealed at rest (CHANNEL_SECRET_KEY): opened only for the attempt that signs with it.
    return row.secret === null ? row : { ...row, secret: open(row.secret, this.config.channelSecretKeys) };
  }

  /** Logs the attempt and moves the delivery on: SENT, RETRY after an exponential backoff, or DEAD. */
  async finish(delivery: DeliveryRow, outcome: SendOutcome, durationMs: number, policy: { maxAttempts: number; retryBaseMs: number }, now: Date) {
    const error = outcome.error === null ? null : scrubSecrets(outcome.error, delivery.channel, delivery.target, delivery.secret).slice(0, 500);
    const dead = !outcome.ok && (outcome.permanent || delivery.attempts >= policy.maxAttempts);
    const status = outcome.ok ? 'SENT' : dead ? 'DEAD' : 'RETRY';
    const retryAt = new Date(now.getTime() + Math.min(policy.retryBaseMs * 2 ** (delivery.attempts - 1), MAX_BACKOFF_MS));
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO notification_attempts (delivery_id, attempt, at, channel, target_label, status, http_status, error, duration_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [delivery.id, delivery.attempts, now, delivery.channel, delivery.target_label, outcome.ok ? 'SENT' : 'FAILED', outcome.httpStatus, error, durationMs],
      );
      await manager.query(
        `UPDATE notification_deliveries
            SET status = $3::varchar, sent_at = CASE WHEN $3::varchar = 'SENT' THEN $4::timestamptz ELSE sent_at END,
                due_at = CASE WHEN $3::varchar = 'RETRY' THEN $5::timestamptz ELSE due_at END,
                last_error = COALESCE($6, last_error), lease_until = NULL, updated_at = $4
          WHERE id = $1 AND status = 'SENDING' AND attempts = $2`,
        [delivery.id, delivery.attempts, status, now, retryAt, error],
      );
    });
    return { status, error };
  }

  /** Nothing to send any more (the card closed or moved on before its due time): no attempt is counted. */
  async cancel(delivery: DeliveryRow, reason: string, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification_deliveries SET status = 'CANCELLED', attempts = attempts - 1, last_error = $2, lease_until = NULL, updated_at = $3
        WHERE id = $1 AND status = 'SENDING'`,
      [delivery.id, reason.slice(0, 500), now],
    );
  }
}
