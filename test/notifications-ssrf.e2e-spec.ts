import { loadConfig } from '../apps/api/src/config/app-config';
import { HttpSender } from '../apps/api/src/notifications/senders/http-sender';
import { overdueCase } from './fixtures/notification-cases';
import { MINI_CATALOGUE } from './fixtures/mini-catalogue';
import { setUpCatalogue } from './support/catalogue-setup';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';
import { WebhookReceiver } from './support/webhook-receiver';

interface Delivery {
  id: string;
  channel: string;
  target: string;
  status: string;
  lastError: string | null;
  attempts?: { attempt: number; status: string; error: string | null }[];
}

const SECRET = 'ssrf-webhook-secret-0123456789';
const NOT_REACHED = 'not reached unless NOTIFICATION_ALLOWED_PRIVATE_ADDRESSES lists it';

describe('notification channels cannot make the server call private addresses (issue 17.2)', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  let keys: Record<string, string>;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    // No allow-list: the receiver on 127.0.0.1 stands for the server itself and its intranet.
    t = await startTestApp({
      NOTIFICATION_DISPATCH_INTERVAL_MS: '100',
      NOTIFICATION_RETRY_BASE_MS: '300',
      NOTIFICATION_SEND_TIMEOUT_MS: '2000',
      NOTIFICATION_DAILY_DIGEST: 'off',
      FEED_CHECK_INTERVAL_MS: '0',
    });
    keys = await setUpCatalogue(t.admin, MINI_CATALOGUE);
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });

  it('refuses webhooks to loopback, metadata and private addresses, and to a name that resolves to loopback, with the reason in the delivery log', async () => {
    const port = new URL(receiver.url('/')).port;
    const targets = {
      loopback: receiver.url('/direct'),
      metadata: 'http://169.254.169.254/latest/meta-data/',
      private: 'http://10.0.0.7/hook',
      byName: `http://localhost:${port}/by-name`,
    };
    const put = await t.admin.put(
      '/api/v1/departments/SCJG/notification-channels',
      Object.values(targets).map((target) => ({ type: 'webhook', target, levels: ['RED'], secret: SECRET })),
    );
    expect(put.status).toBe(200);
    expect((await t.admin.withToken(keys.SCJG).post('/api/v1/events', { events: overdueCase('SCJG', 'ssrf-1', 'O-SCJG-2') })).status).toBe(202);

    const dead = await waitFor(async () => {
      const list = await t.admin.get<{ items: Delivery[] }>('/api/v1/notification-deliveries?status=DEAD&pageSize=100');
      const webhooks = list.body.items.filter((d) => d.channel === 'webhook');
      return webhooks.length === 4 ? webhooks : undefined;
    }, 'four refused webhook deliveries dead-lettered');
    const errorOf = (target: string) => dead.find((d) => d.target === target)?.lastError;
    expect(errorOf(targets.loopback)).toBe(`refused: 127.0.0.1 is a loopback address, ${NOT_REACHED}`);
    expect(errorOf(targets.metadata)).toBe(`refused: 169.254.169.254 is a link-local address (cloud metadata lives there), ${NOT_REACHED}`);
    expect(errorOf(targets.private)).toBe(`refused: 10.0.0.7 is a private address, ${NOT_REACHED}`);
    // The name passed the configuration check; its address is refused when the connection is made.
    expect(errorOf(targets.byName)).toBe(`refused: localhost resolves to 127.0.0.1, a loopback address, ${NOT_REACHED}`);
    // Refused for good (no retries), and nothing reached the local server.
    for (const d of dead) {
      const record = await t.admin.get<Delivery>(`/api/v1/notification-deliveries/${d.id}`);
      expect(record.body.attempts).toHaveLength(1);
    }
    expect(receiver.requests).toEqual([]);
  });

  it('refuses, when it is configured, a DingTalk or WeCom channel that points anywhere but the vendor’s robot host', async () => {
    const response = await t.admin.put<{ errors: { path: string; message: string }[] }>('/api/v1/departments/ZJJ/notification-channels', [
      { type: 'dingtalk', target: receiver.url('/robot/send?access_token=abc'), levels: ['RED'] },
      { type: 'wecom', target: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=ok', levels: ['RED'] },
    ]);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ path: '[0].target', message: 'a dingtalk channel only reaches https://oapi.dingtalk.com/ (its robot endpoint), got host "' + new URL(receiver.url('/')).host + '"' }),
    ]);
  });

  it('keeps a robot’s status in the log, not its words', async () => {
    receiver.answer('/robot-says', () => ({ status: 200, body: { errcode: 310000, errmsg: 'keywords not in content — remote text' } }));
    const sender = new HttpSender(loadConfig({ NOTIFICATION_ALLOWED_PRIVATE_ADDRESSES: '127.0.0.1' }));
    const outcome = await sender.send({ url: receiver.url('/robot-says'), headers: { 'content-type': 'application/json' }, body: '{}', judge: 'errcode' }, 2000);
    expect(outcome).toMatchObject({ ok: false, httpStatus: 200, error: 'robot errcode 310000' });
    expect(JSON.stringify(outcome)).not.toContain('remote text');
    // And an allow-listed local target is reached.
    receiver.answer('/robot-ok', () => ({ status: 200, body: { errcode: 0, errmsg: 'ok' } }));
    expect(await sender.send({ url: receiver.url('/robot-ok'), headers: {}, body: '{}', judge: 'errcode' }, 2000)).toMatchObject({ ok: true, httpStatus: 200 });
  });
});
