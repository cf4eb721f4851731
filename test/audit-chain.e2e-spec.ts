import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { MINI_CATALOGUE } from './fixtures/mini-catalogue';
import { setUpCatalogue } from './support/catalogue-setup';
import { startTestApp, TestApp } from './support/test-app';

const run = promisify(execFile);
const CLI = path.resolve(__dirname, '../dist/apps/api/src/cli.js');

interface Verification {
  ok: boolean;
  checked: number;
  head: { seq: number; hash: string } | null;
  firstBroken: { seq: number; reason: string } | null;
}

/** SQL straight at the application's database, as its owner (the superuser), bypassing the API. */
async function sql<T extends Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

describe('audit log: append-only, hash-chained, verifiable', () => {
  let t: TestApp;
  let second: TestApp;
  const verify = async (query = '') => (await t.admin.get<Verification>(`/api/v1/audit/verify${query}`)).body;
  const cli = (...args: string[]) => run(process.execPath, [CLI, 'audit:verify', ...args, '--url', t.baseUrl, '--token', t.admin.token!]);

  beforeAll(async () => {
    t = await startTestApp();
    // A second application on the same database: appends from two connection pools at once.
    second = await startTestApp({}, { routeDatabaseUrl: () => t.databaseUrl });
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  it('records each decision with its actor, target and before/after — and never a secret', async () => {
    const keys = await setUpCatalogue(t.admin, MINI_CATALOGUE);
    const keyId = (await t.admin.get<{ id: string }[]>('/api/v1/departments/SCJG/keys')).body[0].id;
    expect((await t.admin.delete(`/api/v1/departments/SCJG/keys/${keyId}`)).status).toBe(204);
    await t.admin.put('/api/v1/users/auditor', { role: 'centre_supervisor', password: 'audited-password-1' });
    const display = await t.admin.post<{ id: string; token: string }>('/api/v1/displays', { name: 'lobby' });
    expect((await t.admin.delete(`/api/v1/displays/${display.body.id}`)).status).toBe(204);
    await t.admin.put('/api/v1/regions/R1', { name: '东城区（更名）' });

    const page = await t.admin.get<{ total: number; items: { action: string; actorId: string; target: string; before: unknown; after: unknown }[] }>(
      '/api/v1/audit?pageSize=500',
    );
    const actions = new Set(page.body.items.map((e) => e.action));
    for (const action of [
      'auth.break_glass',
      'catalogue.region.put',
      'catalogue.department.put',
      'catalogue.officer.put',
      'catalogue.item.put',
      'department_key.issue',
      'department_key.revoke',
      'user.create',
      'display_token.issue',
      'display_token.revoke',
    ]) {
      expect({ action, present: actions.has(action) }).toEqual({ action, present: true });
    }
    const rename = page.body.items.find((e) => e.action === 'catalogue.region.put' && JSON.stringify(e.after).includes('更名'));
    expect(rename).toMatchObject({ actorId: 'admin-token', target: 'region:R1', before: { name: '东城区' }, after: { name: '东城区（更名）' } });
    const everything = JSON.stringify(page.body);
    for (const secret of [...Object.values(keys), display.body.token, 'audited-password-1', t.admin.token!]) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/\$2[aby]\$/); // no bcrypt hash
  });

  it('serialises concurrent appends from two processes into one unbroken chain', async () => {
    const before = await verify();
    const writes = Array.from({ length: 40 }, (_, i) => (i % 2 ? t : second).admin.put(`/api/v1/regions/C${i}`, { name: `并发${i}` }));
    const statuses = (await Promise.all(writes)).map((r) => r.status);
    expect(new Set(statuses)).toEqual(new Set([200]));
    const after = await verify();
    expect(after).toMatchObject({ ok: true, firstBroken: null });
    // each request: its break-glass entry and its region entry (plus the verify call itself)
    expect(after.checked).toBeGreaterThanOrEqual(before.checked + 80);
    const rows = await sql<{ seq: string }>(t.databaseUrl, 'SELECT seq FROM audit_log ORDER BY seq');
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
  });

  it('is refused UPDATE, DELETE, TRUNCATE and an append that does not extend the head, by the database itself', async () => {
    await expect(sql(t.databaseUrl, `UPDATE audit_log SET target = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(sql(t.databaseUrl, `DELETE FROM audit_log WHERE seq = 1`)).rejects.toThrow(/append-only: row 1 is in no archive, DELETE refused/);
    await expect(sql(t.databaseUrl, `TRUNCATE audit_log`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    await expect(
      sql(t.databaseUrl, `INSERT INTO audit_log SELECT seq + 100, at, actor_kind, actor_id, action, target, before, after, prev_hash, hash FROM audit_log WHERE seq = 2`),
    ).rejects.toThrow(/does not extend the head/);
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('accepts an anchor recorded earlier, and the CLI agrees', async () => {
    const { head } = await verify();
    expect((await verify(`?anchor=${head!.seq}:${head!.hash}`)).ok).toBe(true);
    const wrong = await verify(`?anchor=${head!.seq}:${'f'.repeat(64)}`);
    expect(wrong).toMatchObject({ ok: false, firstBroken: { seq: head!.seq } });
    const { stdout } = await cli('--anchor', `${head!.seq}:${head!.hash}`);
    expect(stdout).toMatch(/audit chain intact: \d+ rows verified; head \d+:[0-9a-f]{64}/);
  });

  it('names a forged row appended directly in SQL', async () => {
    const [head] = await sql<{ seq: string; hash: string }>(t.databaseUrl, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    const forgedSeq = Number(head.seq) + 1;
    // Correctly linked (the insert trigger only checks links), but its hash is not over its content.
    await sql(
      t.databaseUrl,
      `INSERT INTO audit_log (seq, at, actor_kind, actor_id, action, target, before, after, prev_hash, hash)
       VALUES ($1, now(), 'centre_supervisor', 'mallory', 'user.update', 'user:mallory', NULL, '{"role":"centre_admin"}', $2, $3)`,
      [forgedSeq, head.hash, 'a'.repeat(64)],
    );
    expect((await t.admin.get('/api/v1/me')).status).toBe(200); // the application keeps appending after it
    const result = await verify();
    expect(result).toMatchObject({ ok: false, firstBroken: { seq: forgedSeq } });
    expect(result.firstBroken?.reason).toMatch(/altered/);
  });

  it('names the first altered row when a row is changed with the trigger disabled, in the API and the CLI', async () => {
    const target = 5;
    await sql(t.databaseUrl, 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    try {
      await sql(t.databaseUrl, `UPDATE audit_log SET actor_id = 'someone-else' WHERE seq = $1`, [target]);
    } finally {
      await sql(t.databaseUrl, 'ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    }
    const result = await verify();
    expect(result).toMatchObject({ ok: false, checked: target, firstBroken: { seq: target } });
    expect(result.firstBroken?.reason).toMatch(/altered/);
    const failed = await cli().then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain(`audit chain BROKEN at row ${target}`);
  });

  it('names the row after a deleted one, and a rewritten chain fails its anchor', async () => {
    const rows = await sql<{ seq: string; hash: string }>(t.databaseUrl, 'SELECT seq, hash FROM audit_log WHERE seq = 3');
    // Deleting is refused for rows in no archive (migration 1796521694642): the trigger is switched off.
    await sql(t.databaseUrl, 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_delete_only_archived');
    try {
      await sql(t.databaseUrl, 'DELETE FROM audit_log WHERE seq = 3');
    } finally {
      await sql(t.databaseUrl, 'ALTER TABLE audit_log ENABLE TRIGGER audit_log_delete_only_archived');
    }
    const gap = await verify();
    expect(gap).toMatchObject({ ok: false, firstBroken: { seq: 4 } });
    expect(gap.firstBroken?.reason).toMatch(/expected row 3/);
    const anchored = await verify(`?anchor=3:${rows[0].hash}`);
    expect(anchored).toMatchObject({ ok: false, firstBroken: { seq: 4 } });
  });
});
