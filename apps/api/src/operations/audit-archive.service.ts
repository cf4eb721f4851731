import { Inject, Injectable, Logger } from '@nestjs/common';
import { unlink } from 'node:fs/promises';
import { DataSource, EntityManager } from 'typeorm';
import { ArchivedRow, ARCHIVE_FORMAT, writeArchiveFile } from '../audit/audit-archive-file';
import { AuditLogRow, checkLink, GENESIS_HASH } from '../audit/audit-chain';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AUDIT_MINIMUM_DAYS } from '../config/retention-settings';

const DAY_MS = 86_400_000;
/** Rows per archive file (and per transaction): bounded memory, short transactions. */
const ROWS_PER_FILE = 10_000;
/** One archiver at a time across every process (the file names and the register are shared). */
const ARCHIVE_LOCK = 7_210_461_003;

export interface ArchiveRun {
  files: string[];
  rows: number;
}

/**
 * Moves audit rows older than RETENTION_AUDIT_DAYS (never less than six months) from audit_log to
 * archive files, oldest first, never the head row (new rows keep linking to it). Per file, in one
 * transaction: the rows are read and their links checked, the file written and fsynced, its
 * register row inserted, and only then the rows deleted — the database refuses to delete a row no
 * register row covers, or one younger than six months by its own clock.
 */
@Injectable()
export class AuditArchiveService {
  private readonly logger = new Logger('AuditArchive');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async archive(now: Date): Promise<ArchiveRun> {
    // The configuration refuses less than six months; this guards callers that built their own.
    const days = Math.max(AUDIT_MINIMUM_DAYS, this.config.retention.auditDays);
    const olderThan = new Date(now.getTime() - days * DAY_MS);
    const run: ArchiveRun = { files: [], rows: 0 };
    for (;;) {
      const written = await this.dataSource.transaction((manager) => this.archiveOneFile(manager, olderThan));
      if (!written) break;
      run.files.push(written.file);
      run.rows += written.rows;
      if (written.rows < ROWS_PER_FILE) break;
    }
    if (run.rows > 0) this.logger.log(`archived ${run.rows} audit rows older than ${olderThan.toISOString()} to ${run.files.join(', ')}`);
    return run;
  }

  private async archiveOneFile(manager: EntityManager, olderThan: Date): Promise<{ file: string; rows: number } | null> {
    const [{ locked }] = await manager.query<{ locked: boolean }[]>('SELECT pg_try_advisory_xact_lock($1) AS locked', [ARCHIVE_LOCK]);
    if (!locked) return null;
    const [last] = await manager.query<{ last_seq: string; last_hash: string }[]>(
      `SELECT last_seq, last_hash FROM audit_archive ORDER BY last_seq DESC LIMIT 1`,
    );
    const [head] = await manager.query<{ seq: string | null }[]>(`SELECT max(seq) AS seq FROM audit_log`);
    if (head.seq === null) return null;
    const raw: AuditLogRow[] = await manager.query(
      `SELECT seq, at, actor_kind, actor_id, action, target, before, after, prev_hash, hash
         FROM audit_log WHERE seq < $1 ORDER BY seq LIMIT ${ROWS_PER_FILE}`,
      [head.seq],
    );
    // Only the unbroken run of old rows from the start: the chain stays contiguous.
    const rows: ArchivedRow[] = [];
    for (const r of raw) {
      if (r.at.getTime() >= olderThan.getTime()) break;
      rows.push({
        seq: Number(r.seq),
        at: r.at.toISOString(),
        actorKind: r.actor_kind,
        actorId: r.actor_id,
        action: r.action,
        target: r.target,
        before: r.before,
        after: r.after,
        prevHash: r.prev_hash,
        hash: r.hash.trim(),
      });
    }
    if (rows.length === 0) return null;
    // An archive of a broken chain would hide the break: refuse, the operator must look first.
    let previous = last ? { seq: Number(last.last_seq), hash: last.last_hash.trim() } : null;
    for (const row of rows) {
      const reason = checkLink(previous, { ...row, at: new Date(row.at) });
      if (reason) throw new Error(`audit chain broken at row ${row.seq} (${reason}): nothing archived; run audit:verify`);
      previous = { seq: row.seq, hash: row.hash };
    }
    const first = rows[0];
    const final = rows[rows.length - 1];
    const prevHash = last ? last.last_hash.trim() : GENESIS_HASH;
    const { file, sha256 } = await writeArchiveFile(
      this.config.retention.auditArchiveDir,
      {
        format: ARCHIVE_FORMAT,
        version: 1,
        firstSeq: first.seq,
        lastSeq: final.seq,
        rows: rows.length,
        prevHash,
        lastHash: final.hash,
        olderThan: olderThan.toISOString(),
        createdAt: new Date().toISOString(),
      },
      rows,
    );
    try {
      await manager.query(
        `INSERT INTO audit_archive (first_seq, last_seq, rows, prev_hash, last_hash, older_than, file, file_sha256) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [first.seq, final.seq, rows.length, prevHash, final.hash, olderThan, file, sha256],
      );
      await manager.query(`DELETE FROM audit_log WHERE seq BETWEEN $1 AND $2`, [first.seq, final.seq]);
    } catch (error) {
      // Not registered, nothing deleted: the file would only be a stray copy.
      await unlink(file).catch(() => undefined);
      throw error;
    }
    return { file, rows: rows.length };
  }
}
