import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ChainBreak, checkLink } from './audit-chain';

const PAGE = 2000;

export interface ChainVerification {
  ok: boolean;
  /** Rows checked (up to and including the first broken one). */
  checked: number;
  /** The last row: write it down elsewhere (an anchor) to detect a rewrite of the whole chain. */
  head: { seq: number; hash: string } | null;
  firstBroken: ChainBreak | null;
}

export interface ChainAnchor {
  seq: number;
  hash: string;
}

interface RawRow {
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

/**
 * Walks the whole chain in order and names the first row that does not verify. An anchor (a head
 * recorded earlier outside the database) additionally proves the chain was not rebuilt since.
 */
@Injectable()
export class AuditVerifierService {
  constructor(private readonly dataSource: DataSource) {}

  async verify(anchor?: ChainAnchor): Promise<ChainVerification> {
    let previous: { seq: number; hash: string } | null = null;
    let checked = 0;
    let anchorSeen = false;
    for (;;) {
      const rows: RawRow[] = await this.dataSource.query(
        `SELECT seq, at, actor_kind, actor_id, action, target, before, after, prev_hash, hash
           FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT ${PAGE}`,
        [previous?.seq ?? 0],
      );
      for (const raw of rows) {
        const row = {
          seq: Number(raw.seq),
          at: raw.at,
          actorKind: raw.actor_kind,
          actorId: raw.actor_id,
          action: raw.action,
          target: raw.target,
          before: raw.before,
          after: raw.after,
          prevHash: raw.prev_hash,
          hash: raw.hash.trim(),
        };
        checked++;
        const reason = checkLink(previous, row);
        if (reason) return { ok: false, checked, head: null, firstBroken: { seq: row.seq, reason } };
        if (anchor && row.seq === anchor.seq) {
          anchorSeen = true;
          if (row.hash !== anchor.hash) {
            return { ok: false, checked, head: null, firstBroken: { seq: row.seq, reason: 'hash differs from the anchor recorded earlier (chain rewritten)' } };
          }
        }
        previous = { seq: row.seq, hash: row.hash };
      }
      if (rows.length < PAGE) break;
    }
    if (anchor && !anchorSeen) {
      return { ok: false, checked, head: previous, firstBroken: { seq: anchor.seq, reason: 'the anchored row is missing (chain truncated)' } };
    }
    return { ok: true, checked, head: previous, firstBroken: null };
  }
}
