import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { keyFingerprint } from '../apps/api/src/common/secret-box';
import { DeliveryStore } from '../apps/api/src/notifications/delivery-store.repository';
import { startTestApp, TestApp } from './support/test-app';

const CLI = path.resolve(__dirname, '../dist/apps/api/src/cli.js');
const KEY1 = randomBytes(32);
const KEY2 = randomBytes(32);

describe('channel secrets at rest', () => {
  let t: TestApp;
  afterAll(async () => t?.close());

  const storedSecrets = async (app: TestApp) =>
    (await app.app.get(DataSource).query<{ secret: string }[]>(`SELECT secret FROM notification_channels WHERE secret IS NOT NULL ORDER BY position`)).map((r) => r.secret);

  /** A queued delivery carrying what the channel stored, as the planner copies it; opened by the attempt. */
  async function attemptSecret(app: TestApp, stored: string): Promise<string | null> {
    const id = randomUUID();
    await app.app.get(DataSource).query(
      `INSERT INTO notification_deliveries (id, kind, step, channel, recipient, target, secret, target_label, target_key, with_ack_link, status, attempts, claims, due_at, created_at, updated_at)
       VALUES ($1::uuid, 'CARD', 0, 'webhook', 'centre', 'https://hooks.example.gov.cn/in', $2, 'https://hooks.example.gov.cn/…', $1::text, false, 'QUEUED', 0, 1, now(), now(), now())`,
      [id, stored],
    );
    return (await app.app.get(DeliveryStore).startAttempt(id, 60_000))?.secret ?? null;
  }

  it('seals a channel secret with CHANNEL_SECRET_KEY, opens it only to send, and re-seals everything on rotation', async () => {
    t = await startTestApp({ CHANNEL_SECRET_KEY: KEY1.toString('base64') }, { keepDatabase: true });
    const secret = `hmac-${randomBytes(12).toString('hex')}`;
    const put = await t.admin.put('/api/v1/centre/notification-channels', [{ type: 'webhook', target: 'https://hooks.example.gov.cn/in', levels: ['RED'], secret }]);
    expect(put.status).toBe(200);
    expect(JSON.stringify(put.body)).not.toContain(secret);
    const [stored] = await storedSecrets(t);
    expect(stored).toMatch(new RegExp(`^sealed:v1:${keyFingerprint(KEY1)}:`));
    expect(stored).not.toContain(secret);
    expect(await attemptSecret(t, stored)).toBe(secret);
    // A row stored in plain text before the key was set (an older installation).
    await t.app.get(DataSource).query(`INSERT INTO notification_channels (id, owner, position, type, target, secret, levels, updated_at, updated_by)
      VALUES ($1, 'department:OLD', 0, 'dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=x', 'SEC-plain-before-key', '["RED"]', now(), 'test')`, [randomUUID()]);
    const url = t.databaseUrl;
    await t.app.close();

    const rotate = spawnSync(process.execPath, [CLI, 'secrets:rotate'], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: url, CHANNEL_SECRET_KEY: KEY2.toString('hex'), CHANNEL_SECRET_PREVIOUS_KEYS: KEY1.toString('base64') },
      encoding: 'utf8',
    });
    expect(rotate.stdout).toContain(`sealed with key ${keyFingerprint(KEY2)}: notification_channels: 2 of 2 re-sealed`);
    expect(rotate.status).toBe(0);

    // After the rotation the old key is not needed any more.
    const after = await startTestApp({ CHANNEL_SECRET_KEY: KEY2.toString('hex') }, { databaseUrl: url });
    t = after;
    const resealed = await storedSecrets(after);
    expect(resealed.every((s) => s.startsWith(`sealed:v1:${keyFingerprint(KEY2)}:`))).toBe(true);
    expect(resealed.join()).not.toContain('SEC-plain-before-key');
    const opened = await Promise.all(resealed.map((s) => attemptSecret(after, s)));
    expect(opened.sort()).toEqual([secret, 'SEC-plain-before-key'].sort());
  });

  it('refuses a key that is not 32 bytes, naming the variable', () => {
    const r = spawnSync(process.execPath, [CLI, 'secrets:rotate'], { env: { PATH: process.env.PATH ?? '', CHANNEL_SECRET_KEY: 'too-short' }, encoding: 'utf8' });
    expect(r.stderr).toContain('CHANNEL_SECRET_KEY must be 32 random bytes');
    expect(r.status).not.toBe(0);
  });
});
