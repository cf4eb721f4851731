import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLogRow, ChainBreak, checkLink } from './audit-chain';

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

/**
 * Walks the whole chain in order and names the first row that does not verify. An anchor (a head
 * recorded earlier outside the database) additionally proves the chain was not rebuilt since.
 */
@Injectable()
export class AuditVerifierService {
  constructor(private readonly dataSource: DataSource) {}

  async verify(anchor?: ChainAnchor): Promise<ChainVerification> {
    // Rows moved to archive files (operations/audit-archive.service.ts): the chain continues from the
    // archived head, and the archives are verified on their own (cli audit:archive-verify).
    const [archived] = await this.dataSource.query<{ last_seq: string; last_hash: string }[]>(
      `SELECT last_seq, last_hash FROM audit_archive ORDER BY last_seq DESC LIMIT 1`,
    );
    let previous: { seq: number; hash: string } | null = archived ? { seq: Number(archived.last_seq), hash: archived.last_hash.trim() } : null;
    let checked = 0;
    let anchorSeen = false;
    if (anchor && previous && anchor.seq <= previous.seq) {
      if (anchor.seq < previous.seq || anchor.hash !== previous.hash) {
        const reason =
          anchor.seq < previous.seq
            ? `the anchored row is archived (rows up to ${previous.seq}): check it in the archive files (cli audit:archive-verify)`
            : 'hash differs from the anchor recorded earlier (chain rewritten)';
        return { ok: false, checked, head: null, firstBroken: { seq: anchor.seq, reason } };
      }
      anchorSeen = true;
    }
    for (;;) {
      const rows: AuditLogRow[] = await this.dataSource.query(
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
    if (checked === 0 && archived) {
      // Never happens through the archiver (it keeps the head row); an emptied table is a truncation.
      return { ok: false, checked, head: null, firstBroken: { seq: previous!.seq + 1, reason: 'no rows after the archived head (rows removed?)' } };
    }
    if (anchor && !anchorSeen) {
      return { ok: false, checked, head: previous, firstBroken: { seq: anchor.seq, reason: 'the anchored row is missing (chain truncated)' } };
    }
    return { ok: true, checked, head: previous, firstBroken: null };
  }
}
