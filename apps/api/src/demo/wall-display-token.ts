import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AdminClient } from './admin-client';

/** Where `npm start` keeps the wall screen's display token between starts (mode 0600). */
export const WALL_DISPLAY_FILE = 'wall-display.json';

/** Whether a display (or user) token is still accepted: revoked or from another database, it is not. */
export async function tokenWorks(baseUrl: string, token: string): Promise<boolean> {
  const response = await fetch(`${baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  return response.status === 200;
}

/**
 * The token for the wall URL printed at start without the demo: a display token (read-only,
 * revocable, not audited per connection), issued once and kept in DATA_DIR — never the break-glass
 * admin token, which changes at every start when generated and writes an audit entry per use.
 */
export async function ensureWallDisplayToken(admin: AdminClient, baseUrl: string, dataDir: string): Promise<string> {
  const file = path.join(dataDir, WALL_DISPLAY_FILE);
  const saved = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { token?: string }).token : undefined;
  if (saved && (await tokenWorks(baseUrl, saved))) return saved;
  const { token } = await admin.call<{ token: string }>('POST', '/api/v1/displays', { name: '值班大屏 (wall screen)' });
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify({ token }, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return token;
}
