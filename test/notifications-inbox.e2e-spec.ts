import { io, Socket } from 'socket.io-client';
import { overdueCase, signedInUser } from './fixtures/notification-cases';
import { MINI_CATALOGUE } from './fixtures/mini-catalogue';
import { ApiClient } from './support/api-client';
import { setUpCatalogue } from './support/catalogue-setup';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';
import { waitForQuiet } from './support/wait-for-quiet';

interface InboxItem {
  kind: string;
  card: { id: string; caseId: string; rule: string; level: string; departmentCode: string };
  acknowledgeUrl: string | null;
}
interface CardNews {
  alertId: string;
  caseId: string;
  level: string;
}

/** A real socket.io client on /notifications that keeps what it is sent. */
class InboxProbe {
  readonly socket: Socket;
  readonly notifications: InboxItem[] = [];
  readonly cards: CardNews[] = [];
  rooms: string[] | null = null;

  constructor(baseUrl: string, token: string | null) {
    this.socket = io(`${baseUrl}/notifications`, { auth: token === null ? {} : { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    this.socket.on('ready', (hello: { rooms: string[] }) => (this.rooms = hello.rooms));
    this.socket.on('notification', (item: InboxItem) => this.notifications.push(item));
    this.socket.on('card', (news: CardNews) => this.cards.push(news));
  }

  outcome(): Promise<string | null> {
    return new Promise((resolve) => {
      this.socket.once('ready', () => resolve(null));
      this.socket.once('connect_error', (error: Error) => resolve(error.message));
    });
  }
}

describe('notifications in-app: socket.io rooms from the token, the inbox', () => {
  let t: TestApp;
  let keys: Record<string, string>;
  let li: ApiClient;
  let zhao: ApiClient;
  let centre: ApiClient;
  const probes: InboxProbe[] = [];
  /** Li's first connection, which asked to join another department's and the centre's rooms. */
  let askedForMore: InboxProbe;
  const probe = (client: ApiClient | null) => {
    const p = new InboxProbe(t.baseUrl, client === null ? null : client.token);
    probes.push(p);
    return p;
  };

  beforeAll(async () => {
    t = await startTestApp({ NOTIFICATION_DISPATCH_INTERVAL_MS: '100', NOTIFICATION_DAILY_DIGEST: 'off', FEED_CHECK_INTERVAL_MS: '0' });
    keys = await setUpCatalogue(t.admin, MINI_CATALOGUE);
    li = await signedInUser(t.admin, 'li', { role: 'officer', officerId: 'O-SCJG-2' });
    zhao = await signedInUser(t.admin, 'zhao', { role: 'officer', officerId: 'O-ZJJ-1' });
    centre = await signedInUser(t.admin, 'centre-sup', { role: 'centre_supervisor' });
  });
  afterAll(async () => {
    for (const p of probes) p.socket.disconnect();
    await t?.close();
  });

  it('admits signed-in users only, into the rooms of their identity and scope, whatever they ask for', async () => {
    expect(await probe(null).outcome()).toBe('unauthorized');
    const display = await t.admin.post<{ token: string }>('/api/v1/displays', { name: 'wall', departmentCode: 'SCJG' });
    expect(await probe(t.admin.withToken(display.body.token)).outcome()).toBe('unauthorized');
    askedForMore = probe(li);
    expect(await askedForMore.outcome()).toBeNull();
    expect([...(askedForMore.rooms ?? [])].sort()).toEqual(['department:SCJG', 'officer:O-SCJG-2', 'role:officer', 'user:li']);
    askedForMore.socket.emit('join', 'department:ZJJ');
    askedForMore.socket.emit('subscribe', { room: 'centre' });
  });

  it('pushes each new card to its officer and department, RED also to the centre, and nobody else', async () => {
    const [liProbe, zhaoProbe, centreProbe] = [probe(li), probe(zhao), probe(centre)];
    expect(await Promise.all([liProbe.outcome(), zhaoProbe.outcome(), centreProbe.outcome()])).toEqual([null, null, null]);
    await t.admin.withToken(keys.SCJG).post('/api/v1/events', { events: overdueCase('SCJG', 'in-1', 'O-SCJG-2') });
    await t.admin.withToken(keys.ZJJ).post('/api/v1/events', { events: overdueCase('ZJJ', 'in-2', 'O-ZJJ-1') });
    const redFor = (p: InboxProbe, caseId: string) => p.notifications.find((n) => n.card.caseId === caseId && n.card.level === 'RED');
    const scjgRed = await waitFor(async () => redFor(liProbe, 'in-1'), 'li notified');
    expect(scjgRed.card).toMatchObject({ rule: 'STATUTORY_OVERDUE', departmentCode: 'SCJG' });
    await waitFor(async () => redFor(zhaoProbe, 'in-2'), 'zhao notified');
    await waitFor(async () => (redFor(centreProbe, 'in-1') && redFor(centreProbe, 'in-2') ? true : undefined), 'the centre notified of both');
    await waitFor(async () => liProbe.cards.find((c) => c.caseId === 'in-1' && c.level === 'RED'), 'live card news for the department');
    // Both cards reached the centre's socket; with nothing left in flight, nobody else's can still arrive.
    await waitForQuiet(t.databaseUrl);
    expect(liProbe.notifications.some((n) => n.card.caseId === 'in-2')).toBe(false);
    expect(liProbe.cards.some((c) => c.caseId === 'in-2')).toBe(false);
    expect(zhaoProbe.notifications.some((n) => n.card.caseId === 'in-1')).toBe(false);
    expect(askedForMore.cards.some((c) => c.caseId === 'in-2')).toBe(false);
    expect(askedForMore.cards.some((c) => c.caseId === 'in-1')).toBe(true);
    expect(liProbe.notifications.filter((n) => n.card.id === scjgRed.card.id)).toHaveLength(1);
  });

  it('lists the user’s own notifications in GET /me/alerts, acknowledgeable only by the department’s side', async () => {
    const inbox = async (client: ApiClient) => (await client.get<{ total: number; items: InboxItem[] }>('/api/v1/me/alerts?state=all')).body.items;
    const liItems = await inbox(li);
    const red = liItems.find((i) => i.card.caseId === 'in-1' && i.card.level === 'RED');
    expect(red?.acknowledgeUrl).toBe(`/api/v1/alerts/${red?.card.id}/acknowledge`);
    expect(liItems.every((i) => i.card.departmentCode === 'SCJG')).toBe(true);
    expect((await inbox(zhao)).every((i) => i.card.caseId === 'in-2')).toBe(true);
    const centreItems = await inbox(centre);
    expect(centreItems.map((i) => i.card.caseId).sort()).toEqual(['in-1', 'in-2']);
    expect(centreItems.every((i) => i.acknowledgeUrl === null)).toBe(true);

    expect((await li.post(red!.acknowledgeUrl!, {})).status).toBe(200);
    expect((await li.get<{ items: InboxItem[] }>('/api/v1/me/alerts')).body.items.some((i) => i.card.id === red!.card.id)).toBe(false);
    expect((await li.get('/api/v1/me/alerts?state=closed')).status).toBe(400);
    const display = await t.admin.post<{ token: string }>('/api/v1/displays', { name: 'wall 2' });
    expect((await t.admin.withToken(display.body.token).get('/api/v1/me/alerts')).status).toBe(403);
  });
});
