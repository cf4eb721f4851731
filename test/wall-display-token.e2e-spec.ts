import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WALL_DISPLAY_FILE } from '../apps/api/src/demo/wall-display-token';
import { ApiClient } from './support/api-client';
import { AppProcess } from './support/app-process';
import { WallSocketProbe } from './support/wall-socket';

const wallToken = (output: string): string => decodeURIComponent(/Wall screen: http:\/\/localhost:\d+\/wall\?token=(\S+)/.exec(output)?.[1] ?? '');
const adminToken = (output: string): string => /Admin token[^:]*:\s*(\S+)/.exec(output)?.[1] ?? '';

describe('npm start without the demo: the printed wall URL carries a display token, never the admin token', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lm-wall-token-'));
  const app = new AppProcess({ DATA_DIR: dataDir, DEMO_FEED: 'off' });
  afterAll(async () => {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('issues a display token once, keeps it in DATA_DIR (0600), and prints the same one after a restart', async () => {
    await app.start();
    const first = wallToken(app.output);
    const admin = adminToken(app.output);
    expect(first).toMatch(/^lmd_/);
    expect(first).not.toBe(admin);
    const file = path.join(dataDir, WALL_DISPLAY_FILE);
    expect((JSON.parse(readFileSync(file, 'utf8')) as { token: string }).token).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    // The token opens the wall (a display: read-only), and the admin API refuses it.
    const probe = new WallSocketProbe(app.baseUrl, first);
    try {
      expect(await probe.outcome()).toBeNull();
    } finally {
      probe.close();
    }
    expect((await new ApiClient(app.baseUrl, first).get('/api/v1/users')).status).toBe(403);

    await app.stop();
    await app.start();
    expect(adminToken(app.output)).not.toBe(admin); // generated anew at every start …
    expect(wallToken(app.output)).toBe(first); // … while the wall's URL stays the same
    const displays = await new ApiClient(app.baseUrl, adminToken(app.output)).get<unknown[]>('/api/v1/displays');
    expect(displays.body).toHaveLength(1);
  });
});
