import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { handledCase, TWO_REGIONS } from './fixtures/two-regions-catalogue';
import { ApiClient } from './support/api-client';
import { AppProcess } from './support/app-process';
import { withEmbeddedDatabase } from './support/embedded-database';
import { setUpCatalogue } from './support/catalogue-setup';
import { tableDigests } from './support/table-digests';
import { createTestDatabase } from './support/test-database';
import { startTestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

const CLI = path.resolve(__dirname, '../dist/apps/api/src/cli.js');

/** The built CLI as an operator runs it (`npm run cli -- …`), with only the storage settings. */
function cli(args: string[], env: Record<string, string>): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 240_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** Data of every kind the audit chain and the projections hold: catalogue, keys, users, events, cases. */
async function fillWithData(admin: ApiClient): Promise<void> {
  const keys = await setUpCatalogue(admin, TWO_REGIONS);
  for (const [department, caseId, officer] of [['DA', 'bk-a', 'O-DA-2'], ['DB', 'bk-b', 'O-DB-1']]) {
    expect((await admin.withToken(keys[department]).post('/api/v1/events', { events: handledCase(department, caseId, officer) })).status).toBe(202);
  }
  expect((await admin.put('/api/v1/users/backup-check', { role: 'centre_supervisor', password: `pw-${randomBytes(8).toString('hex')}` })).status).toBe(200);
  await waitFor(async () => ((await admin.get<{ total: number }>('/api/v1/cases')).body.total === 2 ? true : undefined), 'both cases projected');
}

async function wipe(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  await client.end();
}

describe('backup and restore', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lm-backup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('server mode: backs up with pg_dump, restores into a wiped database, every table equal, the audit chain intact', async () => {
    const t = await startTestApp({}, { keepDatabase: true });
    const db = { url: t.databaseUrl };
    try {
      await fillWithData(t.admin);
      await t.app.close();
      const before = await tableDigests(db.url);
      expect(before.audit_log.rows).toBeGreaterThan(3);
      expect(before.case_events.rows).toBeGreaterThan(0);

      const file = path.join(dir, 'server.dump');
      const backup = cli(['backup', file], { DATABASE_URL: db.url });
      expect(backup.output).toContain('backup written');
      expect(backup.status).toBe(0);
      await wipe(db.url);
      expect(await tableDigests(db.url)).toEqual({});

      const restore = cli(['restore', file], { DATABASE_URL: db.url });
      expect(restore.output).toMatch(new RegExp(`audit chain intact: ${before.audit_log.rows} rows verified`));
      expect(restore.status).toBe(0);
      expect(await tableDigests(db.url)).toEqual(before);
    } finally {
      const client = new Client({ connectionString: db.url.replace(/\/[^/]*$/, '/postgres') });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${db.url.split('/').pop()} WITH (FORCE)`);
      await client.end();
    }
  });

  it('embedded mode: backs up the PGlite data directory, restores it after a wipe, and moves it into a server', async () => {
    const dataDir = path.join(dir, 'embedded');
    const env = { DATA_DIR: dataDir, ADMIN_TOKEN: `bk-admin-${randomBytes(12).toString('hex')}`, DEMO_FEED: 'off', PASSWORD_HASH_ROUNDS: '10' };
    const app = new AppProcess(env);
    try {
      await app.start();
      await fillWithData(new ApiClient(app.baseUrl, env.ADMIN_TOKEN));
      // The server holds the data directory: a backup now would read files being written.
      const refused = cli(['backup', path.join(dir, 'refused.tar.gz')], { DATA_DIR: dataDir });
      expect(refused.output).toContain('stop it first');
      expect(refused.status).toBe(1);
    } finally {
      await app.stop();
    }
    const before = await withEmbeddedDatabase(dataDir, (url) => tableDigests(url));
    expect(before.audit_log.rows).toBeGreaterThan(3);

    const file = path.join(dir, 'embedded.tar.gz');
    const backup = cli(['backup', file], { DATA_DIR: dataDir });
    expect(backup.output).toContain('backup written');
    expect(backup.status).toBe(0);
    expect(readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    rmSync(path.join(dataDir, 'pglite'), { recursive: true, force: true });

    const restore = cli(['restore', file], { DATA_DIR: dataDir });
    expect(restore.output).toMatch(new RegExp(`audit chain intact: ${before.audit_log.rows} rows verified`));
    expect(restore.status).toBe(0);
    expect(await withEmbeddedDatabase(dataDir, (url) => tableDigests(url))).toEqual(before);

    // The move to a server: the same file restored with DATABASE_URL set, into PostgreSQL 15.
    const server = await createTestDatabase();
    try {
      const move = cli(['restore', file], { DATABASE_URL: server.url });
      expect(move.output).toMatch(new RegExp(`audit chain intact: ${before.audit_log.rows} rows verified`));
      expect(move.status).toBe(0);
      // The migrations table is each database's own record (same migrations, their own run times).
      const { migrations: _ignored, ...data } = before;
      expect(await tableDigests(server.url, ['migrations'])).toEqual(data);
      // A moved database keeps working: the server mode opens it and numbers new rows after the old ones.
      const t = await startTestApp({}, { databaseUrl: server.url });
      try {
        expect((await t.admin.put('/api/v1/users/after-move', { role: 'officer', officerId: 'O-DA-2', password: `pw-${randomBytes(8).toString('hex')}` })).status).toBe(200);
        expect((await t.admin.get<{ ok: boolean }>('/api/v1/audit/verify')).body.ok).toBe(true);
      } finally {
        await t.close();
      }
    } finally {
      await server.drop();
    }
  });
});
