import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiClient } from './support/api-client';
import { AppProcess } from './support/app-process';
import { waitFor } from './support/wait-for';

describe('embedded mode (no configuration, as `npm start` runs it)', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lm-embedded-'));
  // HOST unset, as `npm start` runs it (AppProcess would otherwise pin it).
  const app = new AppProcess({ DATA_DIR: dataDir, HOST: '' });
  afterAll(async () => {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('boots with PGlite and in-process jobs, loads the demo, shows cases, and shuts down cleanly', async () => {
    await app.start();
    const token = /Admin token[^:]*:\s*(\S+)/.exec(app.output)?.[1];
    expect(token).toBeDefined();
    expect(app.output).toContain('embedded mode');
    // Embedded mode listens on loopback unless HOST is set, and its database URL (with its password) is not printed.
    expect(app.output).toMatch(/Listening:\s+127\.0\.0\.1:\d+/);
    expect(app.output).toMatch(/embedded PostgreSQL \(PGlite\) on 127\.0\.0\.1:\d+ \(password generated for this run\)/);
    expect(app.output).not.toMatch(/postgres:\/\/postgres:/);
    // A fresh data directory is loaded from the build's template (initdb and migrations done at build time).
    expect(app.output).toContain("(new: from the build's template)");
    expect(app.output).toMatch(/Wall screen: http:\/\/localhost:\d+\/wall/);
    // The supervision console's address, beside the demo users to sign in with.
    expect(app.output).toMatch(/Console:\s+http:\/\/localhost:\d+\/console/);
    await app.waitForOutput(/Demo users:/);
    const client = new ApiClient(app.baseUrl, token!);
    const ready = await waitFor(async () => {
      const r = await client.get<{ status: string }>('/ready');
      return r.status === 200 ? r.body : undefined;
    }, '/ready', 60_000);
    expect(ready.status).toBe('ready');
    const cases = await waitFor(async () => {
      const r = await client.get<{ total: number }>('/api/v1/cases?pageSize=1');
      return r.status === 200 && r.body.total > 0 ? r.body : undefined;
    }, 'demo cases', 60_000);
    expect(cases.total).toBeGreaterThan(0);
    const departments = await client.get<unknown[]>('/api/v1/departments');
    expect(departments.body).toHaveLength(12);
    expect((await client.get('/wall')).status).toBe(200);
    const exit = await app.stop();
    expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
    expect(app.output).toContain('shutdown complete');
  });
});
