import path from 'node:path';
import { Env, integer } from './env-readers';

/**
 * 网络安全法 art. 21 asks for network logs to be kept at least six months; the longest six calendar
 * months have 184 days (July to December). No setting can keep the audit log for less.
 */
export const AUDIT_MINIMUM_DAYS = 184;

/**
 * How long the records that only grow are kept (days). The audit log is kept at least six months
 * (AUDIT_MINIMUM_DAYS), then moved to a verifiable archive file, never dropped (docs/operations.md,
 * Retention; operations/audit-archive.service.ts).
 */
export interface RetentionSettings {
  /** Finished notification deliveries (sent, dead letters, cancelled) by webhook, DingTalk, WeCom, e-mail, and their attempts. */
  readonly deliveriesDays: number;
  /** Finished in-app deliveries: the entries of users' inboxes (GET /me/alerts). */
  readonly inboxDays: number;
  /** Outbox messages already published (the wall and notifications have taken them). */
  readonly outboxDays: number;
  /** Audit rows older than this move to the archive (at least AUDIT_MINIMUM_DAYS). */
  readonly auditDays: number;
  /** Where audit archives are written (AUDIT_ARCHIVE_DIR, default DATA_DIR/archive). */
  readonly auditArchiveDir: string;
  /** How often the retention sweep runs; 0 turns it off (tests drive it). */
  readonly intervalMs: number;
}

export function readRetentionSettings(env: Env, dataDir: string, cwd = process.cwd()): RetentionSettings {
  return Object.freeze({
    deliveriesDays: integer(env, 'RETENTION_DELIVERIES_DAYS', 365, 30, 36500),
    inboxDays: integer(env, 'RETENTION_INBOX_DAYS', 180, 7, 36500),
    outboxDays: integer(env, 'RETENTION_OUTBOX_DAYS', 7, 1, 36500),
    auditDays: integer(env, 'RETENTION_AUDIT_DAYS', 365, AUDIT_MINIMUM_DAYS, 36500),
    auditArchiveDir: env.AUDIT_ARCHIVE_DIR ? path.resolve(cwd, env.AUDIT_ARCHIVE_DIR) : path.join(dataDir, 'archive'),
    intervalMs: integer(env, 'RETENTION_INTERVAL_MS', 3_600_000, 0, 86_400_000),
  });
}
