import ipaddr from 'ipaddr.js';
import { createHmac } from 'node:crypto';
import { parseWorkingWindows, WorkingWindow } from '@app/domain';
import { ConfigError, Env, integer, url } from './env-readers';

/**
 * Notification settings, read from the environment record that loadConfig (config/app-config.ts,
 * the only reader of process.env) hands over, validated once; a bad value names its variable.
 */
export interface NotificationSettings {
  /** smtp(s)://user:pass@host:port; null: e-mail deliveries fail and are dead-lettered at once. */
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  /** Base of the links in messages (card page, acknowledgement), as the recipients reach the API. */
  readonly publicBaseUrl: string;
  /** Signs the acknowledgement links; derived from ADMIN_TOKEN when NOTIFICATION_LINK_SECRET is unset. */
  readonly linkSecret: string;
  readonly linkTtlHours: number;
  /** Office hours of a working day (Asia/Shanghai); outside them and on rest days only RED goes at once. */
  readonly workingWindows: readonly WorkingWindow[];
  /** Working hours an OPEN card may stay unacknowledged before the officer's supervisor is told. */
  readonly escalateAfterWorkingHours: number;
  /** Working hours between the later steps (department supervisor, then reminders). */
  readonly reminderBackoffWorkingHours: readonly number[];
  readonly maxAttempts: number;
  /** First retry after this long, doubling per attempt (capped at one hour). */
  readonly retryBaseMs: number;
  /** A webhook or SMTP exchange that takes longer is abandoned and retried later. */
  readonly sendTimeoutMs: number;
  /** How often due deliveries, escalations and digests are looked for; 0 turns it off (tests tick). */
  readonly dispatchIntervalMs: number;
  readonly dailyDigest: boolean;
  /**
   * Private, loopback or link-local addresses and networks (CIDR) webhooks may reach anyway: an
   * intranet receiver, a test server. Everything else non-public is refused at connect time.
   */
  readonly allowedPrivateAddresses: readonly string[];
}

function addressList(env: Env, name: string): string[] {
  const raw = (env[name] ?? '').trim();
  if (raw === '') return [];
  return raw.split(',').map((part) => {
    const entry = part.trim();
    if (!ipaddr.isValid(entry) && !ipaddr.isValidCIDR(entry)) {
      throw new ConfigError(name, `must be a comma-separated list of IP addresses or CIDR networks like 10.20.0.0/16, got "${entry}"`);
    }
    return entry;
  });
}

function hoursList(env: Env, name: string, fallback: number[]): number[] {
  const raw = (env[name] ?? '').trim();
  if (raw === '') return fallback;
  const values = raw.split(',').map((part) => part.trim());
  if (values.length > 10 || values.some((v) => !/^\d{1,3}$/.test(v) || Number(v) < 1 || Number(v) > 200)) {
    throw new ConfigError(name, `must be a comma-separated list of up to 10 whole working hours (1–200), got "${raw}"`);
  }
  return values.map(Number);
}

export function readNotificationSettings(env: Env, context: { port: number; adminToken: string }): NotificationSettings {
  const mailFrom = env.SMTP_FROM || '行政审批电子监察中心 <no-reply@localhost>';
  // One address, optionally with a display name: anything else could smuggle headers into mail.
  if (!/^([^<>\r\n"]{0,100} )?<?[^\s<>@",;]+@[^\s<>@",;]+>?$/.test(mailFrom)) {
    throw new ConfigError('SMTP_FROM', `must be an address like "监察中心 <noreply@example.gov.cn>", got "${mailFrom}"`);
  }
  const base = url(env, 'PUBLIC_BASE_URL', ['http:', 'https:']) ?? `http://localhost:${context.port || 3000}`;
  const linkSecret = env.NOTIFICATION_LINK_SECRET ?? '';
  if (linkSecret !== '' && linkSecret.length < 32) throw new ConfigError('NOTIFICATION_LINK_SECRET', 'must be at least 32 characters');
  let workingWindows: WorkingWindow[];
  try {
    workingWindows = parseWorkingWindows(env.NOTIFICATION_WORKING_HOURS || '08:30-12:00,14:00-17:30');
  } catch (error) {
    throw new ConfigError('NOTIFICATION_WORKING_HOURS', (error as Error).message);
  }
  const digest = env.NOTIFICATION_DAILY_DIGEST || 'on';
  if (digest !== 'on' && digest !== 'off') throw new ConfigError('NOTIFICATION_DAILY_DIGEST', `must be on or off, got "${digest}"`);
  return Object.freeze({
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom,
    publicBaseUrl: base.replace(/\/+$/, ''),
    // Every process of a deployment shares ADMIN_TOKEN, so the derived key verifies everywhere.
    linkSecret: linkSecret || createHmac('sha256', context.adminToken).update('notification-links/v1').digest('base64url'),
    linkTtlHours: integer(env, 'NOTIFICATION_LINK_TTL_HOURS', 168, 1, 2160),
    workingWindows: Object.freeze(workingWindows),
    escalateAfterWorkingHours: integer(env, 'NOTIFICATION_ESCALATE_AFTER_WORKING_HOURS', 4, 1, 200),
    reminderBackoffWorkingHours: Object.freeze(hoursList(env, 'NOTIFICATION_REMINDER_BACKOFF_HOURS', [1, 4, 8])),
    maxAttempts: integer(env, 'NOTIFICATION_MAX_ATTEMPTS', 6, 1, 20),
    retryBaseMs: integer(env, 'NOTIFICATION_RETRY_BASE_MS', 30_000, 100, 3_600_000),
    sendTimeoutMs: integer(env, 'NOTIFICATION_SEND_TIMEOUT_MS', 5000, 200, 60_000),
    dispatchIntervalMs: integer(env, 'NOTIFICATION_DISPATCH_INTERVAL_MS', 1000, 0, 60_000),
    dailyDigest: digest === 'on',
    allowedPrivateAddresses: Object.freeze(addressList(env, 'NOTIFICATION_ALLOWED_PRIVATE_ADDRESSES')),
  });
}
