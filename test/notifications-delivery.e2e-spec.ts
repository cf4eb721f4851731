import { createHmac } from 'node:crypto';
import { overdueCase, queryRows, signedInUser } from './fixtures/notification-cases';
import { MINI_CATALOGUE } from './fixtures/mini-catalogue';
import { setUpCatalogue } from './support/catalogue-setup';
import { SmtpMailbox } from './support/smtp-mailbox';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';
import { WebhookReceiver } from './support/webhook-receiver';
import { waitForQuiet } from './support/wait-for-quiet';

interface Delivery {
  id: string;
  alertId: string;
  channel: string;
  target: string;
  status: string;
  lastError: string | null;
}
interface DeliveryWithAttempts extends Delivery {
  attempts: { attempt: number; status: string; httpStatus: number | null; error: string | null }[];
}
type Hook = { card: { id: string; caseId: string; rule: string; level: string }; event: string; link: { url: string; acknowledge: boolean } };

const SECRET = 'scjg-webhook-secret-0123456789';

describe('notifications: webhook, e-mail, retries and dead letters (real HTTP receiver, real SMTP server)', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  let mailbox: SmtpMailbox;
  let keys: Record<string, string>;
  const hooksFor = (path: string, caseId: string) => receiver.on(path).filter((r) => (r.json as Hook | null)?.card?.caseId === caseId);
  const send = (department: 'SCJG' | 'ZJJ', caseId: string, officer: string) =>
    t.admin.withToken(keys[department]).post('/api/v1/events', { events: overdueCase(department, caseId, officer) });
  const delivery = async (id: string) => (await t.admin.get<DeliveryWithAttempts>(`/api/v1/notification-deliveries/${id}`)).body;

  beforeAll(async () => {
    [receiver, mailbox] = await Promise.all([WebhookReceiver.start(), SmtpMailbox.start()]);
    t = await startTestApp({
      SMTP_URL: mailbox.url,
      PUBLIC_BASE_URL: 'http://links.example',
      NOTIFICATION_DISPATCH_INTERVAL_MS: '100',
      NOTIFICATION_RETRY_BASE_MS: '300',
      NOTIFICATION_MAX_ATTEMPTS: '3',
      NOTIFICATION_SEND_TIMEOUT_MS: '1000',
      NOTIFICATION_DAILY_DIGEST: 'off',
      FEED_CHECK_INTERVAL_MS: '0',
      // The receiver is on loopback, which webhooks reach only when the operator allow-lists it.
      NOTIFICATION_ALLOWED_PRIVATE_ADDRESSES: '127.0.0.1',
    });
    keys = await setUpCatalogue(t.admin, MINI_CATALOGUE);
  });
  afterAll(async () => {
    await t?.close();
    await Promise.all([receiver?.close(), mailbox?.close()]);
  });

  it('validates channel lists and keeps secrets out of every answer and the audit log', async () => {
    const bad = await t.admin.put<{ errors: { path: string }[] }>('/api/v1/departments/SCJG/notification-channels', [
      { type: 'email', target: 'nobody', levels: ['RED'] },
      { type: 'webhook', target: receiver.url('/scjg'), levels: ['RED'] },
      { type: 'sms', target: '13800000000', levels: ['RED'] },
    ]);
    expect(bad.status).toBe(400);
    expect((await t.admin.put('/api/v1/departments/NOPE/notification-channels', [])).status).toBe(404);
    const robot = 'https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef0123456789abcdef';
    const put = await t.admin.put<{ target: string; hasSecret: boolean }[]>('/api/v1/departments/SCJG/notification-channels', [
      { type: 'webhook', target: receiver.url('/scjg'), levels: ['RED'], secret: SECRET },
      { type: 'email', target: 'scjg@jiancha.test', levels: ['RED'] },
      { type: 'dingtalk', target: robot, levels: ['RED'], secret: 'SECdingtalk-signing-secret' },
    ]);
    expect(put.status).toBe(200);
    expect(put.body.map((c) => [c.target, c.hasSecret])).toEqual([
      [receiver.url('/scjg'), true],
      ['scjg@jiancha.test', false],
      ['https://oapi.dingtalk.com/robot/send?access_token=***', true],
    ]);
    // The DingTalk robot is not reachable from a test: the list that stays is webhook + e-mail.
    const kept = await t.admin.put('/api/v1/departments/SCJG/notification-channels', [
      { type: 'webhook', target: receiver.url('/scjg'), levels: ['RED'] },
      { type: 'email', target: 'scjg@jiancha.test', levels: ['RED'] },
    ]);
    expect(kept.status).toBe(200);
    const audit = await queryRows<{ entry: string }>(t.databaseUrl, `SELECT concat(before, after) AS entry FROM audit_log WHERE action = 'notification_channels.put'`);
    expect(audit).toHaveLength(2);
    for (const text of [JSON.stringify(put.body), JSON.stringify(kept.body), ...audit.map((a) => a.entry)]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('0123456789abcdef0123456789abcdef');
      expect(text).not.toContain('SECdingtalk');
    }
  });

  it('through the public API: an overdue case makes one signed webhook call naming rule and case within 10 s, and one Chinese e-mail', async () => {
    const started = Date.now();
    expect((await send('SCJG', 'late-100', 'O-SCJG-2')).status).toBe(202);
    const hook = await receiver.waitFor((r) => r.path === '/scjg' && (r.json as Hook | null)?.card?.caseId === 'late-100', 'webhook call', 10_000);
    expect(hook.at - started).toBeLessThan(10_000);
    const body = hook.json as Hook;
    expect(body).toMatchObject({ event: 'card.raised', card: { caseId: 'late-100', rule: 'STATUTORY_OVERDUE', level: 'RED' }, link: { acknowledge: true } });
    expect(body.link.url.startsWith('http://links.example/api/v1/notification-links?t=n1.')).toBe(true);
    const timestamp = String(hook.headers['x-monitor-timestamp']);
    expect(hook.headers['x-monitor-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${hook.body}`).digest('hex')}`);

    const mail = await mailbox.waitFor((m) => m.to.includes('scjg@jiancha.test') && m.subject.includes('late-100'), 'e-mail');
    expect(mail.subject).toBe('【红牌】超法定时限｜市场监督管理局｜办件 late-100');
    expect(mail.text).toContain('部门：市场监督管理局（SCJG）');
    expect(mail.text).toContain('承办人：李明');
    expect(mail.text).toMatch(/查看并确认收到：http:\/\/links\.example\/api\/v1\/notification-links\?t=n1\.\S+/);
    expect(mail.headers['x-monitor-delivery']).toMatch(/^[0-9a-f-]{36}$/);

    await waitForQuiet(t.databaseUrl); // nothing in flight: a second call or mail would have come by now
    expect(hooksFor('/scjg', 'late-100')).toHaveLength(1);
    expect(mailbox.to('scjg@jiancha.test').filter((m) => m.subject.includes('late-100'))).toHaveLength(1);
    const log = await t.admin.get<{ items: Delivery[] }>(`/api/v1/notification-deliveries?alertId=${body.card.id}`);
    expect(log.body.items.map((d) => `${d.channel}:${d.status}`).sort()).toEqual(['email:SENT', 'inapp:SENT', 'webhook:SENT']);
    expect(JSON.stringify(log.body)).not.toContain(SECRET);
  });

  it('a retry after a 500 delivers once, every attempt logged', async () => {
    receiver.answer('/zjj-flaky', (n) => (n === 1 ? { status: 500 } : { status: 204 }));
    await t.admin.put('/api/v1/departments/ZJJ/notification-channels', [{ type: 'webhook', target: receiver.url('/zjj-flaky'), levels: ['RED'], secret: 'zjj-webhook-secret-0123456789' }]);
    await send('ZJJ', 'late-200', 'O-ZJJ-1');
    await receiver.waitFor((r) => r.path === '/zjj-flaky' && r.answered === 204, 'the retried call');
    await waitForQuiet(t.databaseUrl);
    const calls = hooksFor('/zjj-flaky', 'late-200');
    expect(calls.map((c) => c.answered)).toEqual([500, 204]);
    expect(calls[1].headers['x-monitor-delivery']).toBe(calls[0].headers['x-monitor-delivery']);
    const record = await delivery(String(calls[0].headers['x-monitor-delivery']));
    expect(record.status).toBe('SENT');
    expect(record.attempts).toEqual([
      expect.objectContaining({ attempt: 1, status: 'FAILED', httpStatus: 500, error: 'HTTP 500' }),
      expect.objectContaining({ attempt: 2, status: 'SENT', httpStatus: 204, error: null }),
    ]);
  });

  it('dead-letters a delivery after its last attempt, lists it, and delivers it on the retry action', async () => {
    receiver.answer('/officer-down', () => ({ status: 503 }));
    const put = await t.admin.put('/api/v1/officers/O-SCJG-2/notification-channels', [
      { type: 'webhook', target: receiver.url('/officer-down'), levels: ['RED'], secret: 'officer-webhook-secret-0123' },
    ]);
    expect(put.status).toBe(200);
    await send('SCJG', 'late-300', 'O-SCJG-2');
    const dead = await waitFor(async () => {
      const list = await t.admin.get<{ items: Delivery[] }>('/api/v1/notification-deliveries?status=DEAD');
      return list.body.items.find((d) => d.target === receiver.url('/officer-down'));
    }, 'a dead letter');
    const record = await delivery(dead.id);
    expect(record.lastError).toBe('HTTP 503');
    expect(record.attempts.map((a) => [a.attempt, a.status, a.httpStatus])).toEqual([
      [1, 'FAILED', 503],
      [2, 'FAILED', 503],
      [3, 'FAILED', 503],
    ]);
    expect(hooksFor('/officer-down', 'late-300')).toHaveLength(3);

    const zjjHead = await signedInUser(t.admin, 'zjj-head', { role: 'department_supervisor', departmentCode: 'ZJJ' });
    expect((await zjjHead.get(`/api/v1/notification-deliveries/${dead.id}`)).status).toBe(404);
    expect((await zjjHead.post(`/api/v1/notification-deliveries/${dead.id}/retry`)).status).toBe(404);

    receiver.answer('/officer-down', () => ({ status: 200 }));
    const retried = await t.admin.post<{ status: string }>(`/api/v1/notification-deliveries/${dead.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBe('PENDING');
    await waitFor(async () => ((await delivery(dead.id)).status === 'SENT' ? true : undefined), 'the retried delivery sent');
    expect((await t.admin.post(`/api/v1/notification-deliveries/${dead.id}/retry`)).status).toBe(409);
    expect(hooksFor('/officer-down', 'late-300').map((c) => c.answered)).toEqual([503, 503, 503, 200]);
    const audited = await queryRows(t.databaseUrl, `SELECT 1 FROM audit_log WHERE action = 'notification_delivery.retry' AND target = $1`, [`notification_delivery:${dead.id}`]);
    expect(audited).toHaveLength(1);
  });

  it('a webhook that never answers holds up nobody: the e-mail and other departments’ webhooks go at once', async () => {
    receiver.answer('/zjj-hang', () => 'hang');
    await t.admin.put('/api/v1/departments/ZJJ/notification-channels', [
      { type: 'webhook', target: receiver.url('/zjj-hang'), levels: ['RED'], secret: 'zjj-webhook-secret-0123456789' },
      { type: 'email', target: 'zjj@jiancha.test', levels: ['RED'] },
    ]);
    const started = Date.now();
    await Promise.all([send('ZJJ', 'late-400', 'O-ZJJ-1'), send('SCJG', 'late-401', 'O-SCJG-2')]);
    const mail = await mailbox.waitFor((m) => m.to.includes('zjj@jiancha.test') && m.subject.includes('late-400'), 'ZJJ e-mail');
    const other = await receiver.waitFor((r) => r.path === '/scjg' && (r.json as Hook | null)?.card?.caseId === 'late-401', 'SCJG webhook');
    expect(Date.now() - started).toBeLessThan(8000);
    expect(other.at).toBeGreaterThan(started);
    expect(mail.subject).toBe('【红牌】超法定时限｜住房和城乡建设局｜办件 late-400');
    expect(hooksFor('/zjj-hang', 'late-400').every((c) => c.answered === null)).toBe(true);
    // The hanging endpoint's own delivery fails on its timeout and is retried, not waited on.
    const hung = await waitFor(async () => {
      const list = await t.admin.get<{ items: Delivery[] }>(`/api/v1/notification-deliveries?departmentCode=ZJJ&pageSize=100`);
      return list.body.items.find((d) => d.target === receiver.url('/zjj-hang') && d.lastError !== null);
    }, 'the timed-out attempt logged');
    expect(hung.lastError).toBe('no answer within 1000 ms');
  });
});
