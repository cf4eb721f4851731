import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Principal, principalId } from '../common/principal';
import { canonicalJson, GENESIS_HASH, hashEntry } from './audit-chain';

/** Every process appends under this transaction-scoped advisory lock, so the chain never forks. */
const AUDIT_CHAIN_LOCK = 7_210_461_002;

/** Who decided: a principal, or the system itself (a scheduler, an escalation). */
export type AuditActor = Principal | { kind: 'system'; id: string };

export interface AuditRecord {
  actor: AuditActor;
  /** Dotted verb, e.g. `catalogue.item.put`, `department_key.revoke`, `calendar.load`. */
  action: string;
  /** What it concerns, e.g. `item:SCJG-001`, `user:alice`, `calendar:2027`. */
  target: string;
  /** State before and after (JSON values; never secrets). */
  before?: unknown;
  after?: unknown;
}

export interface AuditEntryView {
  seq: number;
  at: string;
  actorKind: string;
  actorId: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
}

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/**
 * The append-only, hash-chained audit log. `record` joins the caller's transaction when given its
 * EntityManager — the decision and its audit entry commit or roll back together — and otherwise
 * runs its own. Call it last in a long transaction: the chain lock is held until commit.
 */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async record(entry: AuditRecord, manager?: EntityManager): Promise<AuditEntryView> {
    if (manager?.queryRunner?.isTransactionActive) return this.append(manager, entry);
    return this.dataSource.transaction((own) => this.append(own, entry));
  }

  private async append(manager: EntityManager, entry: AuditRecord): Promise<AuditEntryView> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    // Read after the lock: READ COMMITTED gives this statement a snapshot that includes the
    // previous holder's committed row. The database clock orders time across processes.
    const [head] = await manager.query<{ now: Date; seq: string | null; hash: string | null }[]>(
      `SELECT date_trunc('milliseconds', clock_timestamp()) AS now, h.seq, h.hash
         FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1) h ON true`,
    );
    const actor = entry.actor;
    const fields = {
      seq: head.seq === null ? 1 : Number(head.seq) + 1,
      at: new Date(head.now),
      actorKind: actor.kind,
      actorId: clip(actor.kind === 'system' ? actor.id : principalId(actor), 200),
      action: clip(entry.action, 64),
      target: clip(entry.target, 300),
      before: entry.before === undefined || entry.before === null ? null : canonicalJson(entry.before),
      after: entry.after === undefined || entry.after === null ? null : canonicalJson(entry.after),
      prevHash: head.hash ?? GENESIS_HASH,
    };
    const hash = hashEntry(fields);
    await manager.query(
      `INSERT INTO audit_log (seq, at, actor_kind, actor_id, action, target, before, after, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [fields.seq, fields.at, fields.actorKind, fields.actorId, fields.action, fields.target, fields.before, fields.after, fields.prevHash, hash],
    );
    return toView({ ...fields, seq: String(fields.seq), hash });
  }
}

export function toView(row: {
  seq: string | number;
  at: Date;
  actorKind: string;
  actorId: string;
  action: string;
  target: string;
  before: string | null;
  after: string | null;
  prevHash: string;
  hash: string;
}): AuditEntryView {
  return {
    seq: Number(row.seq),
    at: row.at.toISOString(),
    actorKind: row.actorKind,
    actorId: row.actorId,
    action: row.action,
    target: row.target,
    before: row.before === null ? null : (JSON.parse(row.before) as unknown),
    after: row.after === null ? null : (JSON.parse(row.after) as unknown),
    prevHash: row.prevHash,
    hash: row.hash,
  };
}
