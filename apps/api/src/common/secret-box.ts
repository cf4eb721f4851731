import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Secrets kept at rest (notification channels' signing secrets) sealed with AES-256-GCM under a key
 * from the environment. A sealed value names its key by a short fingerprint, so after a rotation the
 * previous keys still open what was sealed before it, until `secrets:rotate` has re-sealed it all.
 */
const PREFIX = 'sealed:v1:';

export interface SecretKeys {
  /** Seals new values; null: secrets are stored as given (no key configured). */
  readonly current: Buffer | null;
  /** Only open values sealed before a rotation. */
  readonly previous: readonly Buffer[];
}

export const keyFingerprint = (key: Buffer): string => createHash('sha256').update(key).digest('hex').slice(0, 8);

export const isSealed = (stored: string): boolean => stored.startsWith(PREFIX);

/** Seals a plain value with the current key (a sealed one is left as it is). */
export function seal(value: string, keys: SecretKeys): string {
  if (!keys.current || isSealed(value)) return value;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.current, iv);
  const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return `${PREFIX}${keyFingerprint(keys.current)}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** The plain value; a value stored before a key was configured is returned as it is. */
export function open(stored: string, keys: SecretKeys): string {
  if (!isSealed(stored)) return stored;
  const [fingerprint, data] = stored.slice(PREFIX.length).split(':');
  const key = [keys.current, ...keys.previous].find((k): k is Buffer => k !== null && keyFingerprint(k) === fingerprint);
  if (!key) throw new Error(`a channel secret is sealed with key ${fingerprint}, which is neither CHANNEL_SECRET_KEY nor in CHANNEL_SECRET_PREVIOUS_KEYS`);
  const raw = Buffer.from(data, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
