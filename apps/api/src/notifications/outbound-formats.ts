import { createHmac } from 'node:crypto';
import { RenderedMessage } from './message-text';
import { fitDigest, jsonStringBytes, utf8Bytes } from './robot-digest';

/**
 * The wire formats, pure: a generic JSON webhook signed with HMAC-SHA256, and the two group robots
 * government offices already use (DingTalk 自定义机器人, WeCom 群机器人), which answer HTTP 200 with
 * `{ errcode, errmsg }` and are judged by errcode.
 */
export interface OutboundRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** How success is read: any 2xx, or a 2xx whose JSON has errcode 0. */
  judge: 'status' | 'errcode';
}

export const SIGNATURE_HEADERS = {
  delivery: 'x-monitor-delivery',
  event: 'x-monitor-event',
  timestamp: 'x-monitor-timestamp',
  /** `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>` */
  signature: 'x-monitor-signature',
} as const;

const JSON_TYPE = 'application/json; charset=utf-8';
/** WeCom 群机器人: markdown.content at most 4096 bytes (UTF-8), per its documentation. */
export const WECOM_MAX_BYTES = 4096;
/**
 * DingTalk 自定义机器人: the request body at most 20000 bytes (errcode 460101 "message too long,
 * exceed 20000 bytes"); the whole body is measured, since the title and JSON escapes count too.
 */
export const DINGTALK_MAX_BODY_BYTES = 20_000;
/** Vendors' rate: each robot accepts at most 20 messages a minute (DingTalk throttles for 10 minutes beyond). */
export const ROBOT_MESSAGES_PER_MINUTE = 20;

export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * The generic webhook: the JSON document, the delivery id (the receiver's idempotency key: a retry
 * carries the same one) and a signature over the timestamp and the exact body bytes, so a receiver
 * can reject forgeries and replays.
 */
export function webhookRequest(target: string, secret: string, event: string, deliveryId: string, document: object, nowMs: number): OutboundRequest {
  const body = JSON.stringify(document);
  const timestamp = String(Math.floor(nowMs / 1000));
  return {
    url: target,
    headers: {
      'content-type': JSON_TYPE,
      [SIGNATURE_HEADERS.delivery]: deliveryId,
      [SIGNATURE_HEADERS.event]: event,
      [SIGNATURE_HEADERS.timestamp]: timestamp,
      [SIGNATURE_HEADERS.signature]: webhookSignature(secret, timestamp, body),
    },
    body,
    judge: 'status',
  };
}

/** DingTalk markdown; with a 加签 secret the URL gets `timestamp` and `sign` as the robot requires. */
export function dingtalkRequest(target: string, secret: string | null, message: RenderedMessage, nowMs: number): OutboundRequest {
  let url = target;
  if (secret) {
    const timestamp = String(nowMs);
    const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
    url += `${target.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${encodeURIComponent(sign)}`;
  }
  const title = message.subject.slice(0, 100);
  const envelope = (text: string) => JSON.stringify({ msgtype: 'markdown', markdown: { title, text } });
  const text = message.digest
    ? fitDigest(message.digest, DINGTALK_MAX_BODY_BYTES - Buffer.byteLength(envelope('')), jsonStringBytes)
    : message.markdown;
  return { url, headers: { 'content-type': JSON_TYPE }, body: envelope(text), judge: 'errcode' };
}

export function wecomRequest(target: string, message: RenderedMessage): OutboundRequest {
  const content = message.digest ? fitDigest(message.digest, WECOM_MAX_BYTES, utf8Bytes) : truncateUtf8(message.markdown, WECOM_MAX_BYTES);
  const body = JSON.stringify({ msgtype: 'markdown', markdown: { content } });
  return { url: target, headers: { 'content-type': JSON_TYPE }, body, judge: 'errcode' };
}

/** Cuts at a character boundary so the bytes stay valid UTF-8. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let out = '';
  let bytes = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (bytes + size > maxBytes - 3) break;
    out += char;
    bytes += size;
  }
  return `${out}…`;
}
