import { Client } from 'pg';
import { isSealed, keyFingerprint, open, seal, SecretKeys } from '../common/secret-box';
import { loadStorageConfig } from '../config/app-config';
import { embeddedHolder, startEmbeddedPostgres } from '../embedded/embedded-postgres';
import { parseFlags, UsageError } from './cli-options';

const TABLES = ['notification_channels', 'notification_deliveries'] as const;

/**
 * `secrets:rotate`: re-seals every stored channel secret with CHANNEL_SECRET_KEY, opening it with that
 * key, one of CHANNEL_SECRET_PREVIOUS_KEYS, or as plain text (stored before a key was set). Rotation:
 * set the new key as CHANNEL_SECRET_KEY and the old one in CHANNEL_SECRET_PREVIOUS_KEYS, restart, run
 * this, then drop the old key. One transaction: all re-sealed, or nothing changed.
 */
export async function secretsRotateCommand(argv: string[]): Promise<void> {
  parseFlags(argv, {});
  const storage = loadStorageConfig();
  const keys = storage.channelSecretKeys;
  if (!keys.current) throw new UsageError('set CHANNEL_SECRET_KEY (the key to seal with; the old ones in CHANNEL_SECRET_PREVIOUS_KEYS)');
  if (storage.databaseUrl) return rotate(storage.databaseUrl, keys);
  const holder = embeddedHolder(storage.dataDir);
  if (holder !== null) throw new Error(`the embedded server (process ${holder}) has ${storage.dataDir} open: stop it first`);
  const embedded = await startEmbeddedPostgres(storage.dataDir);
  try {
    await rotate(embedded.url, keys);
  } finally {
    await embedded.stop();
  }
}

async function rotate(url: string, keys: SecretKeys): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const current = keyFingerprint(keys.current!);
  try {
    await client.query('BEGIN');
    const counts: string[] = [];
    for (const table of TABLES) {
      const rows = await client.query<{ id: string; secret: string }>(`SELECT id, secret FROM ${table} WHERE secret IS NOT NULL FOR UPDATE`);
      let changed = 0;
      for (const row of rows.rows) {
        if (isSealed(row.secret) && row.secret.startsWith(`sealed:v1:${current}:`)) continue;
        await client.query(`UPDATE ${table} SET secret = $2 WHERE id = $1`, [row.id, seal(open(row.secret, keys), keys)]);
        changed++;
      }
      counts.push(`${table}: ${changed} of ${rows.rows.length} re-sealed`);
    }
    await client.query('COMMIT');
    console.log(`channel secrets sealed with key ${current}: ${counts.join('; ')}`);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
