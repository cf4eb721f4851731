import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config/app-config';
import { JWT_SECRET_FILE, resolveJwtSecret } from './jwt-secret';

describe('resolveJwtSecret', () => {
  const embedded = () => loadConfig({ DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'lm-jwt-')) }, '/');

  it('generates a secret once in embedded mode, keeps it in DATA_DIR (0600) and reuses it', () => {
    const config = embedded();
    const first = resolveJwtSecret(config);
    const file = path.join(config.dataDir, JWT_SECRET_FILE);
    expect(first).toHaveLength(43);
    expect(readFileSync(file, 'utf8')).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveJwtSecret(config)).toBe(first);
  });

  it('prefers JWT_SECRET, and is null for a server-mode worker without one', () => {
    const secret = 's'.repeat(40);
    expect(resolveJwtSecret(loadConfig({ JWT_SECRET: secret }, '/tmp'))).toBe(secret);
    const worker = loadConfig({ DATABASE_URL: 'postgres://h/db', REDIS_URL: 'redis://h', ADMIN_TOKEN: 'a'.repeat(20), APP_ROLE: 'worker' }, '/tmp');
    expect(resolveJwtSecret(worker)).toBeNull();
  });

  it('names JWT_SECRET when the kept file is unusable', () => {
    const config = embedded();
    writeFileSync(path.join(config.dataDir, JWT_SECRET_FILE), 'short');
    expect(() => resolveJwtSecret(config)).toThrow(ConfigError);
    expect(() => resolveJwtSecret(config)).toThrow(/JWT_SECRET/);
  });
});
