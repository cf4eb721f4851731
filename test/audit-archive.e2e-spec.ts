import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DataSource } from 'typeorm';
import { canonicalJson, GENESIS_HASH, hashEntry } from '../apps/api/src/audit/audit-chain';
import { loadConfig } from '../apps/api/src/config/app-config';
import { AuditArchiveService } from '../apps/api/src/operations/audit-archive.service';
import { RetentionService } from '../apps/api/src/operations/retention.service';
import { startTestApp, TestApp } from './support/test-app';

const CLI = path.resolve(__dirname, '../dist/apps/api/src/cli.js');
const DAY = 86_400_000;

function cli(args: string[]): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('audit log archive (kept at least six months, then archived, never dropped)', () => {
  let t: TestApp;
  let db: DataSource;
  let archiveDir: string;
  const now = new Date();
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
  /** Ages (days) of the rows of a centre that has run for over a year, oldest first. */
  const AGES = [400, 380, 300, 250, 201, 195, 183, 150];
  const auditRows = async () => (await db.query<{ seq: string; prev_hash: string }[]>(`SELECT seq, prev_hash FROM audit_log ORDER BY seq`)).map((r) => ({ seq: Number(r.seq), prevHash: r.prev_hash }));

  beforeAll(async () => {
    archiveDir = mkdtempSync(path.join(os.tmpdir(), 'lm-audit-archive-'));
    t = await startTestApp({ RETENTION_INTERVAL_MS: '0', RETENTION_AUDIT_DAYS: '200', AUDIT_ARCHIVE_DIR: archiveDir });
    db = t.app.get(DataSource);
    // The past is written as the application writes it (same hashes), only dated back: the log starts
    // over with this history (as a replica session, the one way around the append-only triggers).
    await db.transaction(async (manager) => {
      await manager.query(`SET LOCAL session_replication_role = replica`);
      await manager.query(`DELETE FROM audit_log`);
      let prevHash = GENESIS_HASH;
      for (const [index, age] of AGES.entries()) {
        const fields = {
          seq: index + 1,
          at: new Date(Math.floor(daysAgo(age).getTime())),
          actorKind: 'system',
          actorId: 'history',
          action: 'catalogue.item.put',
          target: `item:OLD-${index + 1}`,
          before: null,
          after: canonicalJson({ age, name: '食品经营许可' }),
          prevHash,
        };
        const hash = hashEntry(fields);
        await manager.query(
          `INSERT INTO audit_log (seq, at, actor_kind, actor_id, action, target, before, after, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [fields.seq, fields.at, fields.actorKind, fields.actorId, fields.action, fields.target, fields.before, fields.after, prevHash, hash],
        );
        prevHash = hash;
      }
    });
    // Today's work continues the chain through the application.
    expect((await t.admin.put('/api/v1/users/archive-check', { role: 'centre_supervisor', password: 'kept-for-the-audit-9' })).status).toBe(200);
    expect((await t.admin.get<{ ok: boolean }>('/api/v1/audit/verify')).body.ok).toBe(true);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(archiveDir, { recursive: true, force: true });
  });

  it('refuses a retention under six months at start, naming the field', () => {
    expect(() => loadConfig({ RETENTION_AUDIT_DAYS: '30' })).toThrow(/RETENTION_AUDIT_DAYS must be between 184 and 36500, got 30/);
  });

  it('moves rows past the retention to a verifiable archive file; the rest of the chain still verifies from the archived head', async () => {
    const before = await auditRows();
    const result = await t.app.get(RetentionService).sweep(now);

    expect(result.auditArchived).toBe(5);
    const files = readdirSync(archiveDir);
    expect(files).toEqual(['audit-000000000001-000000000005.jsonl.gz']);
    const lines = gunzipSync(readFileSync(path.join(archiveDir, files[0]))).toString('utf8').trim().split('\n');
    expect(JSON.parse(lines[0])).toMatchObject({ firstSeq: 1, lastSeq: 5, rows: 5, prevHash: GENESIS_HASH });
    expect(lines.slice(1).map((line) => (JSON.parse(line) as { target: string }).target)).toEqual(['item:OLD-1', 'item:OLD-2', 'item:OLD-3', 'item:OLD-4', 'item:OLD-5']);

    // Rows 1–5 are gone from the table, the younger ones and today's are all there.
    const after = await auditRows();
    expect(after.map((r) => r.seq)).toEqual(before.slice(5).map((r) => r.seq));
    const [register] = await db.query<{ last_seq: string; last_hash: string; file_sha256: string }[]>(`SELECT last_seq, last_hash, file_sha256 FROM audit_archive`);
    expect(Number(register.last_seq)).toBe(5);
    expect(after[0].prevHash).toBe(register.last_hash);

    const verified = await t.admin.get<{ ok: boolean; checked: number; head: { seq: number } }>('/api/v1/audit/verify');
    // Every row from 6 to the head (work may have appended since) checked, starting at the archived head.
    expect(verified.body.ok).toBe(true);
    expect(verified.body.checked).toBe(verified.body.head.seq - 5);
    expect(verified.body.head.seq).toBeGreaterThanOrEqual(after[after.length - 1].seq);

    const check = cli(['audit:archive-verify', archiveDir]);
    expect(check.output).toContain(`archived head 5:${register.last_hash}`);
    expect(check.output).toContain(`sha256 ${register.file_sha256}`);
    expect(check.status).toBe(0);
  });

  it('never touches the last six months, even through a service configured for less', async () => {
    // The configuration refuses 30 days; a caller that builds its own settings still gets 184.
    const short = new AuditArchiveService(db, { ...t.config, retention: { ...t.config.retention, auditDays: 30 } });
    const run = await short.archive(now);
    expect(run.rows).toBe(1); // the row of 195 days; those of 183 and 150 days stay
    expect((await auditRows())[0].seq).toBe(7);

    // The database refuses too: a row in no archive, and a row younger than six months even if registered.
    await expect(db.query(`DELETE FROM audit_log WHERE seq = 7`)).rejects.toThrow(/row 7 is in no archive/);
    await expect(
      db.transaction(async (manager) => {
        const [last] = await manager.query<{ last_hash: string }[]>(`SELECT last_hash FROM audit_archive ORDER BY last_seq DESC LIMIT 1`);
        await manager.query(`INSERT INTO audit_archive (first_seq, last_seq, rows, prev_hash, last_hash, older_than, file, file_sha256) VALUES (7, 7, 1, $1, $1, now(), 'x', $1)`, [last.last_hash]);
        await manager.query(`DELETE FROM audit_log WHERE seq = 7`);
      }),
    ).rejects.toThrow(/row 7 is younger than six months/);
    await expect(db.query(`UPDATE audit_log SET target = 'x' WHERE seq = 7`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM audit_archive`)).rejects.toThrow(/append-only/);

    // Two archives, continuous from the genesis; the live chain continues from the second one's head.
    const check = cli(['audit:archive-verify', archiveDir]);
    expect(check.output).toContain('6 rows in 2 files from the genesis');
    expect(check.status).toBe(0);
    expect((await t.admin.get<{ ok: boolean }>('/api/v1/audit/verify')).body.ok).toBe(true);
  });

  it('names an altered or missing archive', () => {
    const [first, second] = readdirSync(archiveDir).sort();
    const tampered = mkdtempSync(path.join(os.tmpdir(), 'lm-audit-archive-tampered-'));
    try {
      const lines = gunzipSync(readFileSync(path.join(archiveDir, first))).toString('utf8').split('\n');
      lines[3] = lines[3].replace('OLD-3', 'OLD-X');
      writeFileSync(path.join(tampered, first), gzipSync(lines.join('\n')));
      const altered = cli(['audit:archive-verify', tampered]);
      expect(altered.output).toContain('row 3: content does not match its hash (row altered)');
      expect(altered.status).toBe(1);

      const missing = cli(['audit:archive-verify', path.join(archiveDir, second)]);
      expect(missing.output).toMatch(/rows 6–6\) does not continue the genesis/);
      expect(missing.status).toBe(1);
    } finally {
      rmSync(tampered, { recursive: true, force: true });
    }
  });
});
