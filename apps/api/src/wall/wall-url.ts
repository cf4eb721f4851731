import { AppConfig } from '../config/app-config';

/**
 * The console line the operator opens on the wall screen. With a token generated for this run
 * (printed on the next line anyway) the URL is ready to open; a configured ADMIN_TOKEN is a real
 * secret and is never written to the log. The identity work replaces this with a display token.
 */
export function wallScreenLine(base: string, config: Pick<AppConfig, 'adminToken' | 'adminTokenGenerated'>): string {
  const token = config.adminTokenGenerated ? encodeURIComponent(config.adminToken) : '<ADMIN_TOKEN>';
  return `Wall screen: ${base}/wall?token=${token}`;
}
