import { ConfigError, Env } from './env-readers';

/** 32 bytes, written as 64 hex digits or base64 (`openssl rand -base64 32`). */
function key(name: string, raw: string): Buffer {
  const value = raw.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (bytes.length !== 32 || (!/^[0-9a-fA-F]{64}$/.test(value) && bytes.toString('base64').replace(/=+$/, '') !== value.replace(/=+$/, ''))) {
    throw new ConfigError(name, 'must be 32 random bytes as 64 hex digits or base64 (openssl rand -base64 32)');
  }
  return bytes;
}

/** The keys that seal notification channels' secrets at rest (common/secret-box.ts). */
export function readSecretKeys(env: Env): { current: Buffer | null; previous: Buffer[] } {
  const current = env.CHANNEL_SECRET_KEY ? key('CHANNEL_SECRET_KEY', env.CHANNEL_SECRET_KEY) : null;
  const previous = (env.CHANNEL_SECRET_PREVIOUS_KEYS ?? '')
    .split(',')
    .filter((entry) => entry.trim() !== '')
    .map((entry) => key('CHANNEL_SECRET_PREVIOUS_KEYS', entry));
  if (previous.length > 0 && !current) throw new ConfigError('CHANNEL_SECRET_PREVIOUS_KEYS', 'needs CHANNEL_SECRET_KEY (the key that replaces them)');
  return { current, previous };
}
