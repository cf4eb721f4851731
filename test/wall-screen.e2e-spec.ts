import IORedis from 'ioredis';
import { WALL_LIMITS, WALL_PROTOCOL_VERSION } from '@app/contracts';
import { caseStory, MINI_CATALOGUE } from './fixtures/mini-catalogue';
import { setUpCatalogue } from './support/catalogue-setup';
import { TEST_REDIS_URL } from './support/test-database';
import { startTestApp, TestApp } from './support/test-app';
import { ensureWallBuilt } from './support/wall-build';
import { waitFor } from './support/wait-for';
import { WallSocketProbe } from './support/wall-socket';

/** No background scheduler or feed-silence check: the cards in these tests are the ones they make. */
const QUIET = { SCHEDULER_INTERVAL_MS: '0', FEED_CHECK_INTERVAL_MS: '0' };

/**
 * An instant of today (Asia/Shanghai) in hour order, never in the future: the hour itself once it has
 * passed; early in the local day (UTC 16:00–01:00) the same order squeezed into the part of today gone by,
 * because ingest refuses events that have not happened yet.
 */
function todayAt(hour: number): string {
  const now = Date.now();
  const midnight = Date.parse(`${new Date(now + 8 * 3600_000).toISOString().slice(0, 10)}T00:00:00+08:00`);
  const gone = now - midnight - 1000;
  const at = midnight + (hour * 3600_000 <= gone ? hour * 3600_000 : Math.floor((gone * hour) / 24));
  return new Date(at).toISOString();
}

describe('wall screen socket /wall (server mode: PostgreSQL + Redis adapter)', () => {
  let t: TestApp;
  let keys: Record<string, string>;
  const probes: WallSocketProbe[] = [];
  const probe = (token: string | null, options?: { reconnection?: boolean }) => {
    const p = new WallSocketProbe(t.baseUrl, token, options);
    probes.push(p);
    return p;
  };

  beforeAll(async () => {
    t = await startTestApp(QUIET);
    keys = await setUpCatalogue(t.admin, MINI_CATALOGUE);
  });
  afterAll(async () => {
    for (const p of probes) p.close();
    await t?.close();
  });

  it('serves the built page at /wall/ (keeping the token in the redirect) and nothing outside its folder', async () => {
    ensureWallBuilt();
    const entry = await fetch(`${t.baseUrl}/wall?token=abc`, { redirect: 'manual' });
    expect(entry.status).toBe(302);
    expect(entry.headers.get('location')).toBe('/wall/?token=abc');
    const page = await fetch(`${t.baseUrl}/wall/?token=abc`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${t.baseUrl}/wall/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    for (const sneaky of ['%2e%2e/%2e%2e/package.json', '..%2f..%2fpackage.json', '%2e%2e%2f%2e%2e%2f.env.example']) {
      const response = await fetch(`${t.baseUrl}/wall/${sneaky}`);
      expect([403, 404]).toContain(response.status);
    }
  });

  it('refuses a connection without a token, with a wrong token, and with a department key', async () => {
    expect(await probe(null).outcome()).toBe('unauthorized');
    expect(await probe('not-the-admin-token').outcome()).toBe('unauthorized');
    expect(await probe(keys.SCJG).outcome()).toBe('unauthorized');
  });

  it('sends a full snapshot on connect: catalogue, figures, 30-day trend, cards (none open yet)', async () => {
    const screen = probe(t.config.adminToken);
    expect(await screen.outcome()).toBeNull();
    const snapshot = await screen.nthSnapshot(1);
    expect(snapshot.protocol).toBe(WALL_PROTOCOL_VERSION);
    expect(snapshot.departments.map((d) => d.code).sort()).toEqual(['SCJG', 'ZJJ']);
    expect(snapshot.departments[0]).toMatchObject({ regionCode: 'R1', acceptedToday: 0, onTimeRate: null, worstOpenLevel: null });
    expect(snapshot.regions).toEqual([
      expect.objectContaining({ code: 'R1', name: '东城区', departmentCodes: ['SCJG', 'ZJJ'] }),
    ]);
    expect(snapshot.trend).toHaveLength(WALL_LIMITS.trendDays);
    expect(snapshot.trend[WALL_LIMITS.trendDays - 1].day).toBe(snapshot.day);
    expect(snapshot.cardsMeasured).toBe(true);
    expect(snapshot.kpis).toEqual({
      acceptedToday: 0, completedToday: 0, inProgress: 0, overdue: 0, openYellow: 0, openRed: 0, onTimeRate: null,
    });
    expect(snapshot.cards).toEqual([]);
    screen.close();
  });

  it('sends a delta with the next sequence after events arrive through the public ingest API', async () => {
    const screen = probe(t.config.adminToken);
    const snapshot = await screen.nthSnapshot(1);
    const story = caseStory('SCJG', 'wall-1', 'SCJG-001').slice(0, 3).map((e, i) => ({ ...e, occurredAt: todayAt(9 + i) }));
    const sent = await t.admin.withToken(keys.SCJG).post<{ accepted: number }>('/api/v1/events', { events: story });
    expect(sent.body.accepted).toBe(3);
    const delta = await screen.deltaMatching((d) => d.kpis?.acceptedToday === 1, 'a delta counting the accepted case');
    expect(delta.sequence).toBe(snapshot.sequence + 1);
    expect(delta.kpis).toMatchObject({ acceptedToday: 1, inProgress: 1 });
    expect(delta.departments?.find((d) => d.code === 'SCJG')).toMatchObject({ acceptedToday: 1, inProgress: 1 });
    expect(delta.trend?.at(-1)).toMatchObject({ day: snapshot.day, accepted: 1 });
    // Panels that did not change are not resent.
    expect(delta.cardsMeasured).toBeUndefined();
    expect(delta.regions).toBeDefined();
    screen.close();
  });

  it('sends a card raised by a rule (a fee charged on a free item: RED) as a delta, and lights its department', async () => {
    const screen = probe(t.config.adminToken);
    await screen.nthSnapshot(1);
    const base = { departmentCode: 'SCJG', caseId: 'wall-fee', itemCode: 'SCJG-001' };
    const sent = await t.admin.withToken(keys.SCJG).post<{ accepted: number }>('/api/v1/events', {
      events: [
        { ...base, eventId: 'wall-fee-1', seq: 1, type: 'SUBMITTED', occurredAt: todayAt(8), data: { channel: 'WINDOW', documents: ['营业执照', '食品安全管理制度'] } },
        { ...base, eventId: 'wall-fee-2', seq: 2, type: 'ACCEPTED', occurredAt: todayAt(8), data: {} },
        { ...base, eventId: 'wall-fee-3', seq: 3, type: 'FEE_CHARGED', occurredAt: todayAt(8), data: { amountFen: 5000 } },
      ],
    });
    expect(sent.body.accepted).toBe(3);
    const delta = await screen.deltaMatching((d) => (d.cards ?? []).some((c) => c.ruleCode === 'FEE_IRREGULAR'), 'a delta with the fee card');
    const fee = delta.cards!.find((c) => c.ruleCode === 'FEE_IRREGULAR')!;
    expect(fee).toMatchObject({ level: 'RED', departmentCode: 'SCJG', itemCode: 'SCJG-001', itemName: '食品经营许可', caseId: 'wall-fee' });
    const lit = await screen.deltaMatching((d) => d.departments?.find((x) => x.code === 'SCJG')?.worstOpenLevel === 'RED', 'SCJG lit red');
    expect(lit.sequence).toBeGreaterThan(0);
    const snapshotNow = await probe(t.config.adminToken).nthSnapshot(1);
    expect(snapshotNow.kpis.openRed).toBeGreaterThanOrEqual(1);
    expect(snapshotNow.cards.filter((c) => c.id === fee.id)).toHaveLength(1);
    expect(snapshotNow.ruleCounts).toContainEqual({ ruleCode: 'FEE_IRREGULAR', count: 1 });
    screen.close();
  });

  it('admits display tokens, and serves a display bound to a department that department only', async () => {
    const whole = await t.admin.post<{ id: string; token: string }>('/api/v1/displays', { name: '监察中心大厅' });
    const own = await t.admin.post<{ id: string; token: string }>('/api/v1/displays', { name: '住建局大屏', departmentCode: 'ZJJ' });
    expect([whole.status, own.status]).toEqual([201, 201]);
    const city = await probe(whole.body.token).nthSnapshot(1);
    expect(city.departments.map((d) => d.code).sort()).toEqual(['SCJG', 'ZJJ']);
    const zjj = await probe(own.body.token).nthSnapshot(1);
    expect(zjj.departments.map((d) => d.code)).toEqual(['ZJJ']);
    expect(zjj.regions).toEqual([expect.objectContaining({ code: 'R1', departmentCodes: ['ZJJ'] })]);
    expect(zjj.cards.every((c) => c.departmentCode === 'ZJJ')).toBe(true);
    expect(zjj.kpis.openRed).toBe(0);
    expect(city.kpis.openRed).toBeGreaterThanOrEqual(1);
    // Revoked: the next connection is refused.
    expect((await t.admin.delete(`/api/v1/displays/${own.body.id}`)).status).toBe(204);
    expect(await probe(own.body.token).outcome()).toBe('unauthorized');
  });

  it('has the worker announce each projected batch on Redis, so api nodes in other processes hear of it', async () => {
    const listener = new IORedis(TEST_REDIS_URL);
    const heard: string[] = [];
    try {
      listener.on('message', (_channel: string, message: string) => heard.push(message));
      await listener.subscribe(`${t.config.queuePrefix}:wall-changes`);
      const story = caseStory('ZJJ', 'wall-2', 'ZJJ-001').slice(0, 2).map((e, i) => ({ ...e, occurredAt: todayAt(8 + i) }));
      const sent = await t.admin.withToken(keys.ZJJ).post<{ accepted: number }>('/api/v1/events', { events: story });
      expect(sent.body.accepted).toBe(2);
      const message = await waitFor(async () => heard.find((m) => (JSON.parse(m) as { kind: string }).kind === 'cases'), 'cases announced on Redis');
      expect(JSON.parse(message)).toMatchObject({ kind: 'cases', departmentCodes: [] });
      // Let the batch settle, so the next test starts from a quiet wall.
      await waitFor(async () => ((await t.admin.get('/api/v1/cases/ZJJ/wall-2')).status === 200 ? true : undefined), 'wall-2 projected');
    } finally {
      listener.disconnect();
    }
  });

  it('counts an open case past its promised limit as overdue, and stops counting it once decided', async () => {
    const screen = probe(t.config.adminToken);
    const before = await screen.nthSnapshot(1);
    expect(before.kpis.overdue).toBe(0);
    // Accepted in November 2025 with a 10-working-day promise: long overdue, still open.
    const story = caseStory('SCJG', 'wall-late', 'SCJG-001');
    const scjg = t.admin.withToken(keys.SCJG);
    expect((await scjg.post<{ accepted: number }>('/api/v1/events', { events: story.slice(0, 3) })).body.accepted).toBe(3);
    const late = await screen.deltaMatching((d) => d.kpis?.overdue === 1, 'a delta counting the overdue case');
    expect(late.kpis?.inProgress).toBeGreaterThanOrEqual(1);
    expect((await scjg.post<{ accepted: number }>('/api/v1/events', { events: story.slice(3) })).body.accepted).toBe(2);
    await screen.deltaMatching((d) => d.kpis?.overdue === 0, 'a delta no longer counting the decided case');
    screen.close();
  });

  it('sends a new snapshot after a reconnection, reflecting what happened meanwhile', async () => {
    const screen = probe(t.config.adminToken, { reconnection: true });
    const first = await screen.nthSnapshot(1);
    // The engine-level close makes the client see a transport loss and reconnect by itself.
    screen.socket.io.engine.close();
    const second = await screen.nthSnapshot(2);
    // A fresh read: it may count what arrived meanwhile, never less.
    expect(second.kpis.acceptedToday).toBeGreaterThanOrEqual(first.kpis.acceptedToday);
    expect(screen.socket.connected).toBe(true);
    screen.close();
  });

  it('answers a resync request with a fresh snapshot and keeps sending heartbeats', async () => {
    const screen = probe(t.config.adminToken);
    const first = await screen.nthSnapshot(1);
    screen.socket.emit('resync');
    const again = await screen.nthSnapshot(2);
    expect(again.kpis.acceptedToday).toBe(first.kpis.acceptedToday);
    expect(again.sequence).toBeGreaterThanOrEqual(first.sequence);
    const heartbeat = await new Promise<{ sequence: number; dataAsOf: string }>((resolve) => screen.socket.once('heartbeat', resolve));
    expect(heartbeat.sequence).toBeGreaterThanOrEqual(again.sequence);
    expect(Number.isNaN(Date.parse(heartbeat.dataAsOf))).toBe(false);
    screen.close();
  });
});
