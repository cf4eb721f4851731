import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RetentionService } from '../apps/api/src/operations/retention.service';
import { startTestApp, TestApp } from './support/test-app';

const DAY = 86_400_000;

describe('retention sweep', () => {
  let t: TestApp;
  let db: DataSource;
  const now = new Date();
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

  beforeAll(async () => {
    t = await startTestApp({ RETENTION_DELIVERIES_DAYS: '60', RETENTION_INBOX_DAYS: '30', RETENTION_OUTBOX_DAYS: '2', RETENTION_INTERVAL_MS: '0' });
    db = t.app.get(DataSource);
    // Something audited, so the log has rows to keep.
    const user = await t.admin.put('/api/v1/users/retention-check', { role: 'centre_supervisor', password: 'kept-for-the-audit-9' });
    expect(user.status).toBe(200);
  });
  afterAll(async () => t?.close());

  async function delivery(name: string, channel: string, status: string, updatedAt: Date, attempts = 1): Promise<string> {
    const id = randomUUID();
    await db.query(
      `INSERT INTO notification_deliveries (id, kind, step, channel, recipient, target, target_label, target_key, with_ack_link, status, attempts, claims, due_at, created_at, updated_at)
       VALUES ($1::uuid, 'CARD', 0, $2, $3, 'room', 'room', $1::text, false, $4, $5, 1, $6, $6, $6)`,
      [id, channel, `user:${name}`, status, attempts, updatedAt],
    );
    for (let attempt = 1; attempt <= attempts; attempt++) {
      await db.query(
        `INSERT INTO notification_attempts (delivery_id, attempt, at, channel, target_label, status, duration_ms) VALUES ($1, $2, $3, $4, 'room', 'SENT', 5)`,
        [id, attempt, updatedAt, channel],
      );
    }
    return name;
  }

  const remaining = async () =>
    (await db.query<{ recipient: string }[]>(`SELECT recipient FROM notification_deliveries ORDER BY recipient`)).map((r) => r.recipient.slice(5));

  it('removes finished deliveries, inbox entries and published outbox messages past their dates, and nothing else', async () => {
    // Past retention and finished: go, with their attempts.
    await delivery('old-sent-webhook', 'webhook', 'SENT', daysAgo(61), 2);
    await delivery('old-dead-email', 'email', 'DEAD', daysAgo(90), 3);
    await delivery('old-inbox', 'inapp', 'SENT', daysAgo(31));
    // Within retention, or not finished: stay.
    await delivery('recent-sent-webhook', 'webhook', 'SENT', daysAgo(59));
    await delivery('old-retrying-webhook', 'webhook', 'RETRY', daysAgo(200));
    await delivery('old-pending-email', 'email', 'PENDING', daysAgo(200));
    await delivery('inbox-within-deliveries-days', 'inapp', 'SENT', daysAgo(29));
    await db.query(
      `INSERT INTO outbox (topic, payload, created_at, published_at) VALUES
         ('old-published', '{}', $1, $1), ('recent-published', '{}', $2, $2), ('old-unpublished', '{}', $1, NULL)`,
      [daysAgo(3), daysAgo(1)],
    );
    const auditBefore = await db.query<{ n: string; first: string }[]>(`SELECT count(*) AS n, min(seq) AS first FROM audit_log`);

    const result = await t.app.get(RetentionService).sweep(now);

    expect(result).toEqual({ deliveries: 2, attempts: 6, inbox: 1, outbox: 1, auditArchived: 0 });
    expect(await remaining()).toEqual(['inbox-within-deliveries-days', 'old-pending-email', 'old-retrying-webhook', 'recent-sent-webhook']);
    const orphans = await db.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM notification_attempts a WHERE NOT EXISTS (SELECT 1 FROM notification_deliveries d WHERE d.id = a.delivery_id)`,
    );
    expect(Number(orphans[0].n)).toBe(0);
    expect((await db.query<{ topic: string }[]>(`SELECT topic FROM outbox WHERE topic LIKE '%published' ORDER BY topic`)).map((r) => r.topic)).toEqual([
      'old-unpublished',
      'recent-published',
    ]);
    // The audit log is only archived past its own retention (test/audit-archive): today's rows all stay.
    expect(await db.query(`SELECT count(*) AS n, min(seq) AS first FROM audit_log`)).toEqual(auditBefore);
    expect((await t.admin.get<{ ok: boolean }>('/api/v1/audit/verify')).body.ok).toBe(true);

    // A second sweep finds nothing more: it only ever removes what is past its date.
    expect(await t.app.get(RetentionService).sweep(now)).toEqual({ deliveries: 0, attempts: 0, inbox: 0, outbox: 0, auditArchived: 0 });
  });

  it('keeps audit rows younger than six months: a sweep 180 days later removes none of them', async () => {
    const before = await db.query<{ n: string }[]>(`SELECT count(*) AS n FROM audit_log`);
    expect(Number(before[0].n)).toBeGreaterThan(0);
    await t.app.get(RetentionService).sweep(new Date(now.getTime() + 180 * DAY));
    expect(await db.query(`SELECT count(*) AS n FROM audit_log`)).toEqual(before);
  });
});
