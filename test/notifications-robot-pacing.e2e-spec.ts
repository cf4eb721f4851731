import { HttpSender } from '../apps/api/src/notifications/senders/http-sender';
import { NotificationDispatcher } from '../apps/api/src/notifications/notification-dispatcher.service';
import { OutboundRequest } from '../apps/api/src/notifications/outbound-formats';
import { overdueCase, queryRows } from './fixtures/notification-cases';
import { MINI_CATALOGUE } from './fixtures/mini-catalogue';
import { setUpCatalogue } from './support/catalogue-setup';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';
import { WebhookReceiver } from './support/webhook-receiver';

const ROBOT = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=pacing-test-robot';
type Robot = { msgtype: string; markdown: { content: string } };

/**
 * Robot pacing with the real dispatcher, job queue, PostgreSQL and HTTP: WeCom's host is not
 * reachable from a test, so the sender's requests go, unchanged but for the address, to a local
 * receiver that answers as the robot does ({"errcode":0}).
 */
describe('robot pacing: a burst to one robot leaves as one digest, never more than 20 messages a minute', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  let keys: Record<string, string>;
  const robotCalls = () => receiver.on('/robot').map((r) => (r.json as Robot).markdown.content);
  const wecom = (status?: string) =>
    queryRows<{ id: string; status: string }>(t.databaseUrl, `SELECT id, status FROM notification_deliveries WHERE channel = 'wecom'${status ? ` AND status = '${status}'` : ''}`);
  /**
   * A dispatcher pass (its timer is off) at the latest due time: a card raised out of office hours
   * is due the next working morning, and the test does not wait for it.
   */
  const tick = async () => {
    const [{ due }] = await queryRows<{ due: Date | null }>(t.databaseUrl, `SELECT max(due_at) AS due FROM notification_deliveries WHERE channel = 'wecom'`);
    await t.app.get(NotificationDispatcher).tick(new Date(Math.max(Date.now(), due?.getTime() ?? 0)));
  };
  /** Dispatcher passes until no WeCom delivery is waiting and none is in flight. */
  const drain = async () =>
    waitFor(async () => {
      await tick();
      const busy = await queryRows(t.databaseUrl, `SELECT 1 FROM notification_deliveries WHERE channel = 'wecom' AND status NOT IN ('SENT', 'DEAD', 'CANCELLED')`);
      return busy.length === 0 ? true : undefined;
    }, 'WeCom deliveries sent', 30_000).catch(async (error: Error) => {
      const states = await queryRows(t.databaseUrl, `SELECT status, last_error, count(*) AS n FROM notification_deliveries WHERE channel = 'wecom' GROUP BY 1, 2`);
      throw new Error(`${error.message}: ${JSON.stringify(states)}`);
    });
  const ingest = async (from: number, count: number) => {
    for (let i = from; i < from + count; i += 10) {
      const events = Array.from({ length: Math.min(10, from + count - i) }, (_, k) => overdueCase('SCJG', `burst-${i + k}`, 'O-SCJG-2')).flat();
      expect((await t.admin.withToken(keys.SCJG).post('/api/v1/events', { events })).status).toBe(202);
    }
  };

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    receiver.answer('/robot', () => ({ status: 200, body: { errcode: 0, errmsg: 'ok' } }));
    t = await startTestApp({
      PUBLIC_BASE_URL: 'http://links.example',
      NOTIFICATION_DISPATCH_INTERVAL_MS: '0',
      NOTIFICATION_DAILY_DIGEST: 'off',
      NOTIFICATION_SEND_TIMEOUT_MS: '2000',
      FEED_CHECK_INTERVAL_MS: '0',
      NOTIFICATION_ALLOWED_PRIVATE_ADDRESSES: '127.0.0.1',
    });
    const sender = t.app.get(HttpSender);
    const send = sender.send.bind(sender);
    sender.send = (request: OutboundRequest, timeoutMs: number) => send({ ...request, url: receiver.url(`/robot`) }, timeoutMs);
    keys = await setUpCatalogue(t.admin, MINI_CATALOGUE);
    expect((await t.admin.put('/api/v1/departments/SCJG/notification-channels', [{ type: 'wecom', target: ROBOT, levels: ['RED'] }])).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });

  it('60 cards at once reach the robot as one digest within 4096 bytes, ending with the rest and the console link', async () => {
    await ingest(0, 60);
    await waitFor(async () => ((await wecom()).length === 60 ? true : undefined), '60 WeCom deliveries planned', 60_000);
    await drain();
    const calls = robotCalls();
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.length).toBeLessThanOrEqual(20);
    const digest = calls[calls.length - 1];
    expect(Buffer.byteLength(digest)).toBeLessThanOrEqual(4096);
    expect(digest).toContain('【预警汇总】市场监督管理局：新到');
    expect(digest.split('\n').at(-1)).toMatch(/^另有 \d+ 张未列出，\[请登录监察平台查看全部\]\(http:\/\/links\.example\/console\/\)$/);
    for (const [, url] of digest.matchAll(/\]\(([^)]*)\)/g)) expect(url).toMatch(/^http:\/\/links\.example\/(console\/|api\/v1\/notification-links\?t=n1\.[\w.-]+)$/);
    expect((await wecom('SENT')).length).toBe(60);
    const merged = await queryRows<{ n: string }>(t.databaseUrl, `SELECT count(*) AS n FROM notification_attempts WHERE channel = 'wecom' AND status = 'MERGED'`);
    expect(Number(merged[0].n)).toBe(60 - calls.length);
  });

  it('a robot that has had 20 messages this minute waits for the window to move on, then sends', async () => {
    // The robot's minute is full: 20 messages posted in the last 60 s.
    const [carrier] = await wecom('SENT');
    const already = robotCalls().length;
    await queryRows(
      t.databaseUrl,
      `INSERT INTO notification_attempts (delivery_id, attempt, at, channel, target_label, status, http_status, error, duration_ms)
       SELECT $1, 1, now(), 'wecom', 'robot', 'SENT', 200, NULL, 5 FROM generate_series(1, $2::int)`,
      [carrier.id, 20 - already],
    );
    await ingest(100, 1);
    await waitFor(async () => ((await wecom('PENDING')).length === 1 ? true : undefined), 'the new card’s WeCom delivery planned', 30_000);
    for (let i = 0; i < 3; i++) await tick();
    expect((await wecom('PENDING')).length).toBe(1);
    expect(robotCalls()).toHaveLength(already);
    // A minute later (the window's messages aged past 60 s) it goes, alone, as a single card.
    await queryRows(t.databaseUrl, `UPDATE notification_attempts SET at = at - interval '61 seconds'`);
    await drain();
    expect(robotCalls()).toHaveLength(already + 1);
    expect(robotCalls().at(-1)).toContain('办件 burst-100');
  });
});
