import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signed link in a message. Single-purpose: an `ack` link acknowledges one card, on behalf of
 * the recipient it was made for, and does nothing else; a `view` link only shows the card. It
 * expires; acknowledging twice changes nothing (the card is no longer OPEN).
 */
export type LinkPurpose = 'ack' | 'view';

export interface LinkClaims {
  purpose: LinkPurpose;
  alertId: string;
  /** Who the message went to, e.g. `officer:O-1` or `department:SCJG`: the actor of the acknowledgement. */
  recipient: string;
  /** Epoch seconds. */
  expiresAt: number;
}

const VERSION = 'n1';
const MAX_TOKEN_LENGTH = 600;

const mac = (key: string, body: string): Buffer => createHmac('sha256', key).update(`${VERSION}.${body}`).digest();

export function signLink(claims: LinkClaims, key: string): string {
  const body = Buffer.from(JSON.stringify({ p: claims.purpose, a: claims.alertId, r: claims.recipient, e: claims.expiresAt })).toString('base64url');
  return `${VERSION}.${body}.${mac(key, body).toString('base64url')}`;
}

/** The claims of a genuine, unexpired token; null for anything else (no reason is given to a guesser). */
export function verifyLink(token: string, key: string, nowMs: number): LinkClaims | null {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return null;
  const [version, body, signature, extra] = token.split('.');
  if (version !== VERSION || !body || !signature || extra !== undefined) return null;
  const expected = mac(key, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let raw: { p?: unknown; a?: unknown; r?: unknown; e?: unknown };
  try {
    raw = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as typeof raw;
  } catch {
    return null;
  }
  if ((raw.p !== 'ack' && raw.p !== 'view') || typeof raw.a !== 'string' || typeof raw.r !== 'string' || typeof raw.e !== 'number') return null;
  if (raw.e * 1000 <= nowMs) return null;
  return { purpose: raw.p, alertId: raw.a, recipient: raw.r, expiresAt: raw.e };
}
