import { Env, integer } from './env-readers';

/**
 * How long the records that only grow are kept (days). The audit log is not among them: it is kept
 * whole, which is at least the 6 months 网络安全法 art. 21 asks, and its hash chain stays verifiable
 * from the first row (docs/operations.md, Retention).
 */
export interface RetentionSettings {
  /** Finished notification deliveries (sent, dead letters, cancelled) by webhook, DingTalk, WeCom, e-mail, and their attempts. */
  readonly deliveriesDays: number;
  /** Finished in-app deliveries: the entries of users' inboxes (GET /me/alerts). */
  readonly inboxDays: number;
  /** Outbox messages already published (the wall and notifications have taken them). */
  readonly outboxDays: number;
  /** How often the retention sweep runs; 0 turns it off (tests drive it). */
  readonly intervalMs: number;
}

export function readRetentionSettings(env: Env): RetentionSettings {
  return Object.freeze({
    deliveriesDays: integer(env, 'RETENTION_DELIVERIES_DAYS', 365, 30, 36500),
    inboxDays: integer(env, 'RETENTION_INBOX_DAYS', 180, 7, 36500),
    outboxDays: integer(env, 'RETENTION_OUTBOX_DAYS', 7, 1, 36500),
    intervalMs: integer(env, 'RETENTION_INTERVAL_MS', 3_600_000, 0, 86_400_000),
  });
}
