import { addCalendarDays, WorkingCalendar } from '@app/domain';
import { DeadlineSchedulerService } from '../apps/api/src/alerts/deadline-scheduler.service';
import { CalendarService } from '../apps/api/src/calendar/calendar.service';
import { NotificationDispatcher } from '../apps/api/src/notifications/notification-dispatcher.service';
import { acceptedCase, queryRows, signedInUser } from './fixtures/notification-cases';
import { MINI_CATALOGUE } from './fixtures/mini-catalogue';
import { ApiClient } from './support/api-client';
import { setUpCatalogue } from './support/catalogue-setup';
import { ReceivedMail, SmtpMailbox } from './support/smtp-mailbox';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';
import { waitForQuiet } from './support/wait-for-quiet';

const HOUR = 3_600_000;
const at = (date: string, time: string): Date => new Date(`${date}T${time}:00+08:00`);
const beijingDate = (ms: number): string => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);

/**
 * A statutory holiday far enough ahead that a case accepted yesterday is overdue on it. The bundled
 * data may have none there (next year's notice not out yet): then the test loads one, as an
 * administrator would, before any case exists.
 */
async function holidayAhead(t: TestApp): Promise<string> {
  const calendar = () => t.app.get(CalendarService).current();
  const from = addCalendarDays(beijingDate(Date.now()), 35);
  for (let d = from; d < addCalendarDays(from, 150); d = addCalendarDays(d, 1)) {
    if (calendar().describeDay(d).reason === 'HOLIDAY' && !calendar().isWorkingDay(d)) return d;
  }
  let day = from;
  while (!calendar().isWorkingDay(day)) day = addCalendarDays(day, 1);
  const year = Number(day.slice(0, 4));
  const file = calendar().yearFile(year) ?? { year, papers: [], days: [] };
  const loaded = await t.admin.put(`/api/v1/calendars/${year}`, { ...file, papers: [...file.papers, 'test'], days: [...file.days, { name: '测试假日', date: day, isOffDay: true }] });
  if (loaded.status !== 200) throw new Error(`calendar ${year}: ${loaded.status} ${JSON.stringify(loaded.body)}`);
  return day;
}

function nextWorkingDay(calendar: WorkingCalendar, after: string): string {
  let day = addCalendarDays(after, 1);
  while (!calendar.isWorkingDay(day)) day = addCalendarDays(day, 1);
  return day;
}

describe('notifications on the working-day clock: quiet hours, digest, escalation, acknowledgement (injected clock, real SMTP)', () => {
  let t: TestApp;
  let mailbox: SmtpMailbox;
  let li: ApiClient;
  let head: ApiClient;
  let holiday: Date;
  let morning: Date;
  let cards: Record<string, { id: string; level: string }>;
  const tick = (when: Date) => t.app.get(NotificationDispatcher).tick(when);
  const mails = (address: string, pattern: RegExp) => mailbox.to(address).filter((m) => pattern.test(m.subject));
  /** Passes of the dispatcher at `when` until nothing more is due (one delivery per target per pass). */
  const settle = async (when: Date) => {
    for (let pass = 0; pass < 20; pass++) {
      const { enqueued } = await tick(when);
      // Deliveries are jobs: let the worker send what the pass enqueued.
      await waitFor(async () => ((await queryRows(t.databaseUrl, `SELECT 1 FROM notification_deliveries WHERE status IN ('QUEUED', 'SENDING')`)).length === 0 ? true : undefined), 'queue drained');
      if (enqueued === 0) return;
    }
  };

  beforeAll(async () => {
    mailbox = await SmtpMailbox.start();
    t = await startTestApp({
      SMTP_URL: mailbox.url,
      PUBLIC_BASE_URL: 'http://links.example',
      SCHEDULER_INTERVAL_MS: '0',
      FEED_CHECK_INTERVAL_MS: '0',
      NOTIFICATION_DISPATCH_INTERVAL_MS: '0',
      NOTIFICATION_WORKING_HOURS: '09:00-18:00',
      NOTIFICATION_ESCALATE_AFTER_WORKING_HOURS: '2',
      NOTIFICATION_REMINDER_BACKOFF_HOURS: '1,4',
    });
    const keys = await setUpCatalogue(t.admin, MINI_CATALOGUE);
    const day = await holidayAhead(t);
    holiday = at(day, '10:00');
    morning = at(nextWorkingDay(t.app.get(CalendarService).current(), day), '09:00');
    await t.admin.put('/api/v1/departments/SCJG/notification-channels', [{ type: 'email', target: 'scjg@jiancha.test', levels: ['PROMPT', 'YELLOW', 'RED'] }]);
    await t.admin.put('/api/v1/officers/O-SCJG-2/notification-channels', [{ type: 'email', target: 'li@jiancha.test', levels: ['PROMPT', 'YELLOW', 'RED'] }]);
    await t.admin.put('/api/v1/officers/O-SCJG-1/notification-channels', [{ type: 'email', target: 'wang@jiancha.test', levels: ['PROMPT', 'YELLOW', 'RED'] }]);
    li = await signedInUser(t.admin, 'li', { role: 'officer', officerId: 'O-SCJG-2' });
    head = await signedInUser(t.admin, 'scjg-head', { role: 'department_supervisor', departmentCode: 'SCJG' });
    const sent = await t.admin.withToken(keys.SCJG).post('/api/v1/events', { events: acceptedCase('SCJG', 'hol-1', 'O-SCJG-2', new Date(Date.now() - 20 * HOUR).toISOString()) });
    expect(sent.status).toBe(202);
    await waitFor(async () => ((await queryRows(t.databaseUrl, `SELECT 1 FROM cases WHERE case_id = 'hol-1'`)).length === 1 ? true : undefined), 'case projected');
  });
  afterAll(async () => {
    await t?.close();
    await mailbox?.close();
  });

  it('on a holiday a RED card goes at once and a YELLOW e-mail waits for the next working morning', async () => {
    await t.app.get(DeadlineSchedulerService).tick(holiday);
    const raised = await queryRows<{ id: string; rule: string; level: string }>(t.databaseUrl, `SELECT id, rule, level FROM alerts WHERE case_id = 'hol-1'`);
    cards = Object.fromEntries(raised.map((c) => [c.rule, c]));
    expect(cards.STATUTORY_OVERDUE.level).toBe('RED');
    expect(cards.PROMISED_OVERDUE.level).toBe('YELLOW');
    const unplanned = `SELECT 1 FROM alerts a WHERE a.case_id = 'hol-1' AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.alert_id = a.id AND n.level = a.level)`;
    await waitFor(async () => ((await queryRows(t.databaseUrl, unplanned)).length === 0 ? true : undefined), 'notifications planned');

    await settle(new Date(holiday.getTime() + 60_000));
    const red = /^【红牌】超法定时限｜市场监督管理局｜办件 hol-1$/;
    const yellow = /^【黄牌】超承诺时限｜市场监督管理局｜办件 hol-1$/;
    expect(mails('scjg@jiancha.test', red)).toHaveLength(1);
    expect(mails('li@jiancha.test', red)).toHaveLength(1);
    expect(mails('scjg@jiancha.test', yellow)).toHaveLength(0);
    const waiting = await queryRows<{ due_at: Date; status: string }>(
      t.databaseUrl,
      `SELECT due_at, status FROM notification_deliveries WHERE alert_id = $1 AND channel = 'email'`,
      [cards.PROMISED_OVERDUE.id],
    );
    expect(waiting.map((d) => [d.status, d.due_at.getTime()])).toEqual([['PENDING', morning.getTime()], ['PENDING', morning.getTime()]]);

    await settle(new Date(morning.getTime() - 1000));
    expect(mails('scjg@jiancha.test', yellow)).toHaveLength(0);
    await settle(morning);
    await waitForQuiet(t.databaseUrl, { at: morning });
    expect(mails('scjg@jiancha.test', yellow)).toHaveLength(1);
    expect(mails('li@jiancha.test', yellow)).toHaveLength(1);
    expect(mails('scjg@jiancha.test', red)).toHaveLength(1);
  });

  it('sends each officer one digest of their open cards per working day', async () => {
    const digest = /^【每日预警汇总】/;
    await settle(new Date(morning.getTime() + HOUR));
    const [only, ...more] = mails('li@jiancha.test', digest);
    expect(more).toHaveLength(0);
    expect(only.subject).toMatch(new RegExp(`^【每日预警汇总】${beijingDate(morning.getTime())} 李明：\\d+ 张未办结预警$`));
    expect(only.text).toContain('【红牌】超法定时限｜市场监督管理局｜办件 hol-1');
    expect(only.text).toContain('【黄牌】超承诺时限｜市场监督管理局｜办件 hol-1');
    expect(mails('wang@jiancha.test', digest)).toHaveLength(0);
  });

  it('escalates an unacknowledged card to the supervisor at the configured working hour; a card acknowledged from its e-mail link does not', async () => {
    const yellowMail = mails('li@jiancha.test', /^【黄牌】超承诺时限/)[0];
    const link = linkIn(yellowMail).replace('http://links.example', t.baseUrl);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('确认收到</button>');
    expect((await queryRows<{ state: string }>(t.databaseUrl, 'SELECT state FROM alerts WHERE id = $1', [cards.PROMISED_OVERDUE.id]))[0].state).toBe('OPEN');
    const ack = await fetch(link, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '' });
    expect(ack.status).toBe(200);
    expect(await ack.text()).toContain('已确认收到');
    const again = await fetch(link, { method: 'POST', headers: { accept: 'application/json' } });
    expect(await again.json()).toMatchObject({ outcome: 'unchanged', card: { state: 'ACKNOWLEDGED' } });
    expect((await fetch(`${link.slice(0, -3)}xyz`, { method: 'POST' })).status).toBe(404);
    const history = await queryRows<{ action: string; actor: string }>(t.databaseUrl, 'SELECT action, actor FROM alert_transitions WHERE alert_id = $1 ORDER BY id', [cards.PROMISED_OVERDUE.id]);
    expect(history.map((h) => `${h.action}/${h.actor}`)).toEqual(['RAISED/system', 'ACKNOWLEDGE/link:officer:O-SCJG-2']);

    // Raised on a holiday: the two working hours are counted from the next morning.
    const escalation = new Date(morning.getTime() + 2 * HOUR);
    await settle(new Date(escalation.getTime() - 60_000));
    expect(mails('wang@jiancha.test', /^【督办升级】/)).toHaveLength(0);
    await settle(escalation);
    await settle(escalation);
    await waitForQuiet(t.databaseUrl, { at: escalation });
    expect(mails('wang@jiancha.test', /^【督办升级】【红牌】超法定时限｜市场监督管理局｜办件 hol-1$/)).toHaveLength(1);
    expect(mails('wang@jiancha.test', /^【督办升级】【黄牌】/)).toHaveLength(0);
    expect(mails('wang@jiancha.test', /^【督办升级】【红牌】/)[0].text).toContain('现提请承办人的上级督促处理');
  });

  it('then tells the department supervisor in-app; acknowledging from the inbox ends the ladder', async () => {
    await settle(new Date(morning.getTime() + 3 * HOUR));
    const inbox = await head.get<{ items: { kind: string; step: number; card: { id: string } }[] }>('/api/v1/me/alerts');
    expect(inbox.body.items.filter((i) => i.card.id === cards.STATUTORY_OVERDUE.id).map((i) => [i.kind, i.step])).toEqual([['ESCALATION', 2]]);

    const mine = await li.get<{ items: { card: { id: string }; acknowledgeUrl: string | null }[] }>('/api/v1/me/alerts');
    const item = mine.body.items.find((i) => i.card.id === cards.STATUTORY_OVERDUE.id);
    expect(item?.acknowledgeUrl).toBe(`/api/v1/alerts/${cards.STATUTORY_OVERDUE.id}/acknowledge`);
    expect((await li.post(item!.acknowledgeUrl!, {})).status).toBe(200);
    const remindersBefore = mailbox.mails.filter((m) => m.subject.startsWith('【催办提醒】')).length;
    await settle(new Date(morning.getTime() + 8 * HOUR));
    expect(mailbox.mails.filter((m) => m.subject.startsWith('【催办提醒】')).length).toBe(remindersBefore);
    const ladder = await queryRows<{ next_escalation_at: Date | null }>(t.databaseUrl, 'SELECT next_escalation_at FROM notifications WHERE alert_id = $1', [cards.STATUTORY_OVERDUE.id]);
    expect(ladder).toEqual([{ next_escalation_at: null }]);
  });
});

function linkIn(mail: ReceivedMail): string {
  const match = /查看并确认收到：(\S+)/.exec(mail.text);
  if (!match) throw new Error(`no acknowledgement link in: ${mail.text}`);
  return match[1];
}
