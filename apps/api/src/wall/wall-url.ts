import { AppConfig } from '../config/app-config';

/**
 * The console line the operator opens on the wall screen. Preferably with a display token (the demo
 * issues one: read-only, revocable); else with a token generated for this run (printed on the next
 * line anyway). A configured ADMIN_TOKEN is a real secret and is never written to the log.
 */
export function wallScreenLine(base: string, config: Pick<AppConfig, 'adminToken' | 'adminTokenGenerated'>, displayToken: string | null = null): string {
  const token = displayToken ?? (config.adminTokenGenerated ? config.adminToken : null);
  return `Wall screen: ${base}/wall?token=${token === null ? '<display token: POST /api/v1/displays>' : encodeURIComponent(token)}`;
}
