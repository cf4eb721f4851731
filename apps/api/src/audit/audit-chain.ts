import { createHash } from 'node:crypto';

/** The previous hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** Bumped if the hashed fields ever change, so old rows still verify under their own format. */
export const AUDIT_FORMAT_VERSION = 1;

/**
 * JSON with object keys sorted at every level and no whitespace: the same value always gives the
 * same text. Values go through JSON first (Dates become ISO strings, undefined fields vanish).
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  return stringify(JSON.parse(JSON.stringify(value)) as unknown);
}

function stringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stringify).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${stringify(record[key])}`).join(',')}}`;
}

/** An audit_log row as SQL returns it (snake_case columns, bigint seq as text). */
export interface AuditLogRow {
  seq: string;
  at: Date;
  actor_kind: string;
  actor_id: string;
  action: string;
  target: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

/** Exactly the fields a row's hash covers. `before`/`after` are the stored canonical texts. */
export interface ChainedFields {
  seq: number;
  at: Date;
  actorKind: string;
  actorId: string;
  action: string;
  target: string;
  before: string | null;
  after: string | null;
  prevHash: string;
}

/** sha256 over the canonical serialisation of the row, previous hash included. */
export function hashEntry(fields: ChainedFields): string {
  const material = canonicalJson({
    v: AUDIT_FORMAT_VERSION,
    seq: fields.seq,
    at: fields.at.toISOString(),
    actorKind: fields.actorKind,
    actorId: fields.actorId,
    action: fields.action,
    target: fields.target,
    before: fields.before,
    after: fields.after,
    prevHash: fields.prevHash,
  });
  return createHash('sha256').update(material, 'utf8').digest('hex');
}

export type ChainBreak = { seq: number; reason: string };

/**
 * Checks one row against its predecessor (null for the first row). Returns why the chain breaks
 * here, or null when the row is intact and correctly linked.
 */
export function checkLink(previous: { seq: number; hash: string } | null, row: ChainedFields & { hash: string }): string | null {
  const expectedSeq = previous ? previous.seq + 1 : 1;
  if (row.seq !== expectedSeq) return `sequence gap: expected row ${expectedSeq}, found ${row.seq} (rows removed?)`;
  const expectedPrev = previous ? previous.hash : GENESIS_HASH;
  if (row.prevHash !== expectedPrev) return `prev_hash does not match the hash of row ${previous ? previous.seq : '(genesis)'}`;
  if (hashEntry(row) !== row.hash) return 'content does not match its hash (row altered)';
  return null;
}
