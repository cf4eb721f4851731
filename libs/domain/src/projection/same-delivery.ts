import { StoredCaseEvent } from '@app/contracts';

/** JSON with keys sorted at every level: equal content gives equal text whatever the key order. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const entries = Object.keys(record)
    .sort()
    .filter((key) => record[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${entries.join(',')}}`;
}

/**
 * Whether two deliveries of one eventId carry the same event, as the event store judges them
 * (ADR 2): the content the sender sent, not the instant it was received.
 */
export function sameDelivery(a: StoredCaseEvent, b: StoredCaseEvent): boolean {
  const { receivedAt: _a, ...sentA } = a;
  const { receivedAt: _b, ...sentB } = b;
  return canonicalJson(sentA) === canonicalJson(sentB);
}
