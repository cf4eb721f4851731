import { createHash } from 'node:crypto';
import { CaseEventInput } from '@app/contracts';

/** JSON with keys sorted at every level: equal content gives equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.keys(value as Record<string, unknown>)
    .sort()
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

/** Identity of an event's content, to tell a duplicate from a conflicting reuse of its eventId. */
export function eventContentHash(event: CaseEventInput): string {
  return createHash('sha256').update(canonicalJson(event)).digest('hex');
}
