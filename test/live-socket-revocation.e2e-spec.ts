import { io, Socket } from 'socket.io-client';
import { WALL_NAMESPACE } from '@app/contracts';
import { SessionTokenService } from '../apps/api/src/auth/session-token.service';
import { MINI_CATALOGUE } from './fixtures/mini-catalogue';
import { setUpCatalogue } from './support/catalogue-setup';
import { MATRIX_PASSWORD, signIn } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';

/** A real socket.io client that remembers why it was disconnected. */
class LiveProbe {
  readonly socket: Socket;
  rooms: string[] | null = null;
  private readonly ended: Promise<string>;
  private readonly outcome: Promise<string | null>;

  constructor(baseUrl: string, namespace: string, token: string) {
    this.socket = io(`${baseUrl}${namespace}`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    this.socket.on('ready', (hello: { rooms: string[] }) => (this.rooms = hello.rooms));
    this.ended = new Promise((resolve) => this.socket.once('disconnect', (reason: string) => resolve(reason)));
    // Listened for from the start: the answer may come before the test asks for it.
    this.outcome = new Promise((resolve) => {
      this.socket.once(namespace === WALL_NAMESPACE ? 'snapshot' : 'ready', () => resolve(null));
      this.socket.once('connect_error', (error: Error) => resolve(error.message));
    });
  }

  /** Null once admitted (the wall's first snapshot, the inbox's ready), else the refusal. */
  admitted(): Promise<string | null> {
    return this.outcome;
  }

  /** Why the server ended the socket; the test's timeout is the limit. */
  disconnected(): Promise<string> {
    return this.ended;
  }

  close(): void {
    this.socket.disconnect();
  }
}

const ONE_HOUR_MS = 3_600_000;

describe('live sockets follow revocation: /wall and /notifications, on every api node (issue 17.1)', () => {
  let a: TestApp;
  /** A second api node on the same database and Redis; its periodic re-check is too rare to matter, so only the notice can act there. */
  let b: TestApp;
  const probes: LiveProbe[] = [];
  const probe = (app: TestApp, namespace: string, token: string) => {
    const p = new LiveProbe(app.baseUrl, namespace, token);
    probes.push(p);
    return p;
  };
  const putUser = async (username: string, body: Record<string, unknown>) => {
    const response = await a.admin.put(`/api/v1/users/${username}`, body);
    expect(response.status).toBe(200);
  };
  const newUser = async (username: string, body: Record<string, unknown>) => {
    await putUser(username, { password: MATRIX_PASSWORD, ...body });
    return signIn(a.admin.withToken(null), username, MATRIX_PASSWORD);
  };
  const newDisplay = async (name: string) => {
    const response = await a.admin.post<{ id: string; token: string }>('/api/v1/displays', { name });
    expect(response.status).toBe(201);
    return response.body;
  };

  beforeAll(async () => {
    a = await startTestApp({ SOCKET_RECHECK_INTERVAL_MS: '1000', FEED_CHECK_INTERVAL_MS: '0', NOTIFICATION_DAILY_DIGEST: 'off' });
    await setUpCatalogue(a.admin, MINI_CATALOGUE);
    b = await startTestApp(
      { APP_ROLE: 'api', QUEUE_PREFIX: a.config.queuePrefix, JWT_SECRET: a.config.jwtSecret!, FEED_CHECK_INTERVAL_MS: '0' },
      { databaseUrl: a.databaseUrl, overrides: { socketRecheckIntervalMs: ONE_HOUR_MS } },
    );
  });
  afterAll(async () => {
    for (const p of probes) p.close();
    await b?.close();
    await a?.close();
  });

  it('revoking a display token disconnects its wall socket; another screen stays; the token no longer connects', async () => {
    const [revoked, kept] = [await newDisplay('lobby'), await newDisplay('hall')];
    const [gone, staying] = [probe(a, WALL_NAMESPACE, revoked.token), probe(a, WALL_NAMESPACE, kept.token)];
    expect(await gone.admitted()).toBeNull();
    expect(await staying.admitted()).toBeNull();

    expect((await a.admin.delete(`/api/v1/displays/${revoked.id}`)).status).toBe(204);
    expect(await gone.disconnected()).toBe('io server disconnect');
    expect(staying.socket.connected).toBe(true);
    expect(await probe(a, WALL_NAMESPACE, revoked.token).admitted()).toBe('unauthorized');
  });

  it('disabling a user disconnects their /notifications and /wall sockets', async () => {
    const token = await newUser('live-disabled', { role: 'centre_supervisor' });
    const [inbox, wall] = [probe(a, '/notifications', token), probe(a, WALL_NAMESPACE, token)];
    expect(await inbox.admitted()).toBeNull();
    expect(await wall.admitted()).toBeNull();

    await putUser('live-disabled', { role: 'centre_supervisor', disabled: true });
    expect(await inbox.disconnected()).toBe('io server disconnect');
    expect(await wall.disconnected()).toBe('io server disconnect');
  });

  it('changing a user’s binding disconnects the socket, and the new session is admitted to the new department only', async () => {
    const token = await newUser('live-moved', { role: 'department_supervisor', departmentCode: 'SCJG' });
    const before = probe(a, '/notifications', token);
    expect(await before.admitted()).toBeNull();
    expect(before.rooms).toContain('department:SCJG');

    await putUser('live-moved', { role: 'department_supervisor', departmentCode: 'ZJJ' });
    expect(await before.disconnected()).toBe('io server disconnect');
    expect(await probe(a, '/notifications', token).admitted()).toBe('unauthorized');

    const after = probe(a, '/notifications', await signIn(a.admin.withToken(null), 'live-moved', MATRIX_PASSWORD));
    expect(await after.admitted()).toBeNull();
    expect(after.rooms).toContain('department:ZJJ');
    expect(after.rooms).not.toContain('department:SCJG');
  });

  it('changing a user’s role disconnects the socket', async () => {
    const token = await newUser('live-demoted', { role: 'centre_supervisor' });
    const inbox = probe(a, '/notifications', token);
    expect(await inbox.admitted()).toBeNull();
    await putUser('live-demoted', { role: 'centre_admin' });
    expect(await inbox.disconnected()).toBe('io server disconnect');
  });

  it('a scope that changes under an unchanged token (a department moved to another region) re-scopes the socket: disconnected, readmitted to the new rooms', async () => {
    expect((await a.admin.put('/api/v1/regions/R9', { name: '新区' })).status).toBe(200);
    expect((await a.admin.put('/api/v1/departments/MOVING', { name: '迁移局', regionCode: 'R1' })).status).toBe(200);
    const token = await newUser('live-region', { role: 'region_supervisor', regionCode: 'R1' });
    const before = probe(a, '/notifications', token);
    expect(await before.admitted()).toBeNull();
    expect(before.rooms).toContain('department:MOVING');

    expect((await a.admin.put('/api/v1/departments/MOVING', { name: '迁移局', regionCode: 'R9' })).status).toBe(200);
    expect(await before.disconnected()).toBe('io server disconnect');
    const after = probe(a, '/notifications', token);
    expect(await after.admitted()).toBeNull();
    expect(after.rooms).toContain('department:SCJG');
    expect(after.rooms).not.toContain('department:MOVING');
  });

  it('a session that expires while its sockets are open is disconnected by the periodic re-check', async () => {
    await newUser('live-expiring', { role: 'centre_supervisor' });
    // A session of the account's first generation that lives a few seconds, signed as the app signs them.
    const shortLived = new SessionTokenService(a.config.jwtSecret, 3).issue('live-expiring', 1);
    const [inbox, wall] = [probe(a, '/notifications', shortLived), probe(a, WALL_NAMESPACE, shortLived)];
    expect(await inbox.admitted()).toBeNull();
    expect(await wall.admitted()).toBeNull();
    expect(await inbox.disconnected()).toBe('io server disconnect');
    expect(await wall.disconnected()).toBe('io server disconnect');
  });

  it('server mode: a revocation on one api node disconnects the sockets another node holds', async () => {
    const display = await newDisplay('remote screen');
    const token = await newUser('live-remote', { role: 'centre_supervisor' });
    const [wall, inbox] = [probe(b, WALL_NAMESPACE, display.token), probe(b, '/notifications', token)];
    expect(await wall.admitted()).toBeNull();
    expect(await inbox.admitted()).toBeNull();

    expect((await a.admin.delete(`/api/v1/displays/${display.id}`)).status).toBe(204);
    expect(await wall.disconnected()).toBe('io server disconnect');
    expect(inbox.socket.connected).toBe(true);

    await putUser('live-remote', { role: 'centre_supervisor', disabled: true });
    expect(await inbox.disconnected()).toBe('io server disconnect');
  });
});
