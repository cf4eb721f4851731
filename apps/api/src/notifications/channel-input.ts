import { createHash } from 'node:crypto';
import { ALERT_LEVELS, AlertLevel, FieldError } from '@app/contracts';

/**
 * The channels a department, an officer or the centre may configure, their validation and how a
 * target is shown: a robot's URL carries its access token, so it is masked in every answer, log,
 * attempt record and audit entry; only the sender ever sees it whole.
 */
export const CHANNEL_TYPES = ['webhook', 'dingtalk', 'wecom', 'email'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];
export type DeliveryChannel = ChannelType | 'inapp';

export interface ChannelInput {
  type: ChannelType;
  target: string;
  levels: AlertLevel[];
  /** webhook: the HMAC-SHA256 signing key (required); dingtalk: the robot's 加签 secret (optional). */
  secret?: string;
}

/** A stored channel as the API shows it. */
export interface ChannelView {
  type: ChannelType;
  target: string;
  levels: AlertLevel[];
  hasSecret: boolean;
}

export const MAX_CHANNELS = 20;

export const channelListSchema = {
  type: 'array',
  maxItems: MAX_CHANNELS,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['type', 'target', 'levels'],
    properties: {
      type: { type: 'string', enum: [...CHANNEL_TYPES] },
      target: { type: 'string', minLength: 3, maxLength: 2000, description: 'https URL (webhook, dingtalk, wecom) or an e-mail address' },
      levels: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: [...ALERT_LEVELS] } },
      secret: { type: 'string', minLength: 8, maxLength: 256, description: 'webhook: HMAC key (≥16); dingtalk: 加签 secret. Omit to keep the stored one of the same target.' },
    },
  },
};

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/**
 * The only hosts a robot channel reaches: its vendor's robot endpoint. A "dingtalk" channel pointing
 * anywhere else would be a webhook without a signature, and a way to make the server call an
 * address of the caller's choosing.
 */
export const ROBOT_HOSTS: Readonly<Record<'dingtalk' | 'wecom', string>> = { dingtalk: 'oapi.dingtalk.com', wecom: 'qyapi.weixin.qq.com' };

/** Null when a robot channel's URL is its vendor's https endpoint (or the channel is no robot); checked when saved and when sent. */
export function robotTargetProblem(type: DeliveryChannel, target: string): string | null {
  if (type !== 'dingtalk' && type !== 'wecom') return null;
  const host = ROBOT_HOSTS[type];
  let parsed: URL;
  try {
    parsed = new URL(target);
  } catch {
    return `must be an https://${host}/… robot URL`;
  }
  const exact = parsed.protocol === 'https:' && parsed.hostname === host && parsed.port === '' && parsed.username === '' && parsed.password === '';
  return exact ? null : `a ${type} channel only reaches https://${host}/ (its robot endpoint), got host "${parsed.host}"`;
}

function urlProblem(target: string): string | null {
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(target)) return 'must not contain spaces or control characters';
  let parsed: URL;
  try {
    parsed = new URL(target);
  } catch {
    return 'must be an absolute http(s) URL';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'must be an http(s) URL';
  if (parsed.hash) return 'must not have a #fragment';
  return null;
}

/**
 * Checks each channel beyond the JSON schema; `stored` are the owner's current channels, whose
 * secret is kept when a channel of the same type and target comes without one.
 */
export function channelProblems(channels: ChannelInput[], stored: { type: string; target: string; secret: string | null }[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  channels.forEach((channel, i) => {
    const at = (field: string) => `[${i}].${field}`;
    const problem =
      channel.type === 'email' ? (EMAIL.test(channel.target) ? null : 'must be one e-mail address') : (urlProblem(channel.target) ?? robotTargetProblem(channel.type, channel.target));
    if (problem) errors.push({ path: at('target'), message: problem });
    const key = `${channel.type}\u0000${channel.target}`;
    if (seen.has(key)) errors.push({ path: at('target'), message: 'is listed twice for this type' });
    seen.add(key);
    const kept = stored.some((s) => s.type === channel.type && s.target === channel.target && s.secret !== null);
    if (channel.type === 'webhook' && channel.secret === undefined && !kept) {
      errors.push({ path: at('secret'), message: 'is required for a webhook (the key of its HMAC-SHA256 signature)' });
    }
    if (channel.type === 'webhook' && channel.secret !== undefined && channel.secret.length < 16) {
      errors.push({ path: at('secret'), message: 'must be at least 16 characters for a webhook' });
    }
    if ((channel.type === 'wecom' || channel.type === 'email') && channel.secret !== undefined) {
      errors.push({ path: at('secret'), message: `is not used by ${channel.type}` });
    }
  });
  return errors;
}

/** The secret to store: the one given, else the stored one of the same type and target, else none. */
export function secretToStore(channel: ChannelInput, stored: { type: string; target: string; secret: string | null }[]): string | null {
  if (channel.secret !== undefined) return channel.secret;
  if (channel.type === 'wecom' || channel.type === 'email') return null;
  return stored.find((s) => s.type === channel.type && s.target === channel.target)?.secret ?? null;
}

/**
 * What may be shown of a target: an e-mail address as is; a URL with its user info dropped, every
 * query value replaced by *** and every long path segment (tokens hide there too) masked.
 */
export function maskTarget(type: DeliveryChannel, target: string): string {
  if (type === 'email' || type === 'inapp') return target.slice(0, 300);
  let parsed: URL;
  try {
    parsed = new URL(target);
  } catch {
    return '***';
  }
  const path = parsed.pathname
    .split('/')
    .map((segment) => (segment.length >= 16 ? '***' : segment))
    .join('/');
  const query = [...parsed.searchParams.keys()].map((key) => `${encodeURIComponent(key)}=***`).join('&');
  return `${parsed.protocol}//${parsed.host}${path}${query ? `?${query}` : ''}`.slice(0, 300);
}

/** A stable key of one destination: deliveries to it go one at a time. */
export function targetKeyOf(type: DeliveryChannel, target: string): string {
  return createHash('sha256').update(`${type}\u0000${target}`).digest('hex').slice(0, 40);
}

/** Masks the raw target, its query values and the secret wherever they occur in a text (an error message). */
export function scrubSecrets(text: string, type: DeliveryChannel, target: string, secret: string | null): string {
  let out = text.split(target).join(maskTarget(type, target));
  const values: string[] = secret ? [secret] : [];
  try {
    values.push(...[...new URL(target).searchParams.values()]);
  } catch {
    // not a URL (an address): nothing more to hide
  }
  for (const value of values) if (value.length >= 6) out = out.split(value).join('***');
  return out;
}
