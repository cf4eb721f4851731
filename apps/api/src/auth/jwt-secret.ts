import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppConfig, ConfigError } from '../config/app-config';

export const JWT_SECRET_FILE = 'jwt-secret';

/**
 * The session-signing secret: JWT_SECRET when set; in embedded mode otherwise one generated on
 * the first start and kept in DATA_DIR (mode 0600), so a restart keeps everyone signed in.
 * Null only for a server-mode worker, which issues and verifies no sessions.
 */
export function resolveJwtSecret(config: AppConfig): string | null {
  if (config.jwtSecret) return config.jwtSecret;
  if (config.mode === 'server') return null;
  const file = path.join(config.dataDir, JWT_SECRET_FILE);
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) {
    throw new ConfigError('JWT_SECRET', `is unset and ${file} does not hold a valid secret (at least 32 characters); delete the file to generate a new one`);
  }
  return secret;
}
