import { JwtService } from '@nestjs/jwt';
import { MINI_CATALOGUE } from './fixtures/mini-catalogue';
import { ApiClient } from './support/api-client';
import { setUpCatalogue } from './support/catalogue-setup';
import { signIn } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';

interface FieldErrors {
  errors: { path: string; message: string }[];
}

describe('identity: users, sessions, display tokens, break-glass', () => {
  let t: TestApp;
  let anonymous: ApiClient;
  const put = (username: string, body: Record<string, unknown>) => t.admin.put<FieldErrors>(`/api/v1/users/${username}`, body);
  const paths = (body: unknown) => (body as FieldErrors).errors.map((e) => e.path).sort();

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT_MAX: '1000' });
    anonymous = t.admin.withToken(null);
    await setUpCatalogue(t.admin, MINI_CATALOGUE);
  });
  afterAll(async () => t?.close());

  it('signs a user in with a short-lived token and says who they are and what they see', async () => {
    expect((await put('li.ming', { role: 'officer', officerId: 'O-SCJG-2', password: 'a long passphrase' })).status).toBe(200);
    const login = await anonymous.post<{ accessToken: string; tokenType: string; expiresIn: number }>('/api/v1/auth/login', {
      username: 'li.ming',
      password: 'a long passphrase',
    });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const me = await t.admin.withToken(login.body.accessToken).get('/api/v1/me');
    expect(me.body).toMatchObject({
      kind: 'officer',
      username: 'li.ming',
      departmentCode: 'SCJG', // taken from the officer register
      officerId: 'O-SCJG-2',
      scope: { allDepartments: false, departmentCodes: ['SCJG'], officerId: 'O-SCJG-2', actsOnlyOnAssigned: true },
    });
    expect((me.body as { permissions: string[] }).permissions).toContain('cases.read');
    expect((me.body as { permissions: string[] }).permissions).not.toContain('users.manage');
    expect(JSON.stringify((await t.admin.get('/api/v1/users/li.ming')).body)).not.toMatch(/password|\$2[aby]\$/i);
  });

  it('answers a wrong password, an unknown user and a disabled user alike (401 naming the password)', async () => {
    expect((await put('zhao', { role: 'department_supervisor', departmentCode: 'ZJJ', password: 'z-secret-pass-1' })).status).toBe(200);
    const wrong = await anonymous.post('/api/v1/auth/login', { username: 'zhao', password: 'not-the-password' });
    const unknown = await anonymous.post('/api/v1/auth/login', { username: 'nobody', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(unknown).toMatchObject({ status: 401, body: wrong.body });
    expect(paths(wrong.body)).toEqual(['password']);
    const token = await signIn(anonymous, 'zhao', 'z-secret-pass-1');
    await put('zhao', { role: 'department_supervisor', departmentCode: 'ZJJ', disabled: true });
    expect((await anonymous.post('/api/v1/auth/login', { username: 'zhao', password: 'z-secret-pass-1' })).status).toBe(401);
    expect((await t.admin.withToken(token).get('/api/v1/me')).status).toBe(401);
  });

  it('ends existing sessions when the role, the binding or the password changes', async () => {
    expect((await put('wang', { role: 'department_supervisor', departmentCode: 'SCJG', password: 'w-secret-pass-1' })).status).toBe(200);
    const first = await signIn(anonymous, 'wang', 'w-secret-pass-1');
    expect((await t.admin.withToken(first).get('/api/v1/cases')).status).toBe(200);
    await put('wang', { role: 'department_supervisor', departmentCode: 'ZJJ' });
    expect((await t.admin.withToken(first).get('/api/v1/cases')).status).toBe(401);
    const second = await signIn(anonymous, 'wang', 'w-secret-pass-1');
    await put('wang', { role: 'department_supervisor', departmentCode: 'ZJJ', displayName: '王科长' }); // no security change
    expect((await t.admin.withToken(second).get('/api/v1/me')).body).toMatchObject({ departmentCode: 'ZJJ' });
    await put('wang', { role: 'department_supervisor', departmentCode: 'ZJJ', password: 'w-secret-pass-2' });
    expect((await t.admin.withToken(second).get('/api/v1/me')).status).toBe(401);
  });

  it('refuses forged, expired and foreign tokens', async () => {
    const secret = t.config.jwtSecret!;
    const sign = (payload: object, options: object, key = secret) => new JwtService({ secret: key }).sign(payload, options);
    expect((await put('sun', { role: 'centre_supervisor', password: 's-secret-pass-1' })).status).toBe(200);
    const good = await signIn(anonymous, 'sun', 's-secret-pass-1');
    const claims = { sub: 'sun', ver: 1 };
    const base = { issuer: 'licensing-monitor', audience: 'licensing-monitor-api' };
    const [header, payload] = good.split('.');
    const bad = [
      `${header}.${payload}.${'A'.repeat(43)}`, // signature forged
      sign(claims, { ...base, expiresIn: -10 }), // expired
      sign(claims, { ...base, expiresIn: 60 }, 'another-secret-of-at-least-32-characters'), // other key
      sign(claims, { ...base, issuer: 'someone-else', expiresIn: 60 }), // other issuer
      sign(claims, { ...base, algorithm: 'HS512', expiresIn: 60 }), // other algorithm
      `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`, // alg none
      sign({ sub: 'sun', ver: 99 }, { ...base, expiresIn: 60 }), // an old account generation
    ];
    expect((await t.admin.withToken(sign(claims, { ...base, expiresIn: 60 })).get('/api/v1/me')).status).toBe(200);
    for (const token of bad) expect({ token, status: (await t.admin.withToken(token).get('/api/v1/me')).status }).toEqual({ token, status: 401 });
  });

  it('checks each role’s bindings and the password, naming the field', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ role: 'region_supervisor', password: 'long enough pw' }, ['regionCode']],
      [{ role: 'region_supervisor', regionCode: 'R9', password: 'long enough pw' }, ['regionCode']],
      [{ role: 'centre_supervisor', departmentCode: 'SCJG', password: 'long enough pw' }, ['departmentCode']],
      [{ role: 'officer', password: 'long enough pw' }, ['officerId']],
      [{ role: 'officer', officerId: 'O-ZJJ-1', departmentCode: 'SCJG', password: 'long enough pw' }, ['officerId']],
      [{ role: 'department_supervisor', departmentCode: 'SCJG' }, ['password']],
      [{ role: 'centre_admin', password: 'short' }, ['password']],
      [{ role: 'centre_admin', password: 'x-newbie-x-newbie' }, ['password']],
      [{ role: 'centre_admin', password: '密码'.repeat(13) }, ['password']],
      [{ role: 'root', password: 'long enough pw' }, ['role']],
      [{ role: 'centre_admin', password: 'long enough pw', isAdmin: true }, ['isAdmin']],
    ];
    for (const [body, expected] of cases) {
      const r = await put('newbie', body);
      expect({ body, status: r.status, paths: [...new Set(paths(r.body))] }).toEqual({ body, status: 400, paths: expected });
    }
    expect((await t.admin.put('/api/v1/users/Bad Name', { role: 'centre_admin', password: 'long enough pw' })).status).toBe(400);
  });

  it('issues a display token once, stores it hashed, scopes it, and revokes it', async () => {
    const issued = await t.admin.post<{ id: string; token: string }>('/api/v1/displays', { name: '大厅', regionCode: 'R1' });
    expect(issued.status).toBe(201);
    expect(issued.body.token).toMatch(/^lmd_/);
    const listed = await t.admin.get('/api/v1/displays');
    expect(JSON.stringify(listed.body)).not.toContain(issued.body.token);
    expect(JSON.stringify(listed.body)).not.toMatch(/tokenHash|token_hash/);
    const screen = t.admin.withToken(issued.body.token);
    expect((await screen.get('/api/v1/me')).body).toMatchObject({ kind: 'display', scope: { departmentCodes: ['SCJG', 'ZJJ'] } });
    expect((await screen.get('/api/v1/departments')).status).toBe(200);
    expect((await screen.get('/api/v1/cases')).status).toBe(403);
    expect((await screen.put('/api/v1/regions/R1', { name: 'x' })).status).toBe(403);
    expect((await t.admin.delete(`/api/v1/displays/${issued.body.id}`)).status).toBe(204);
    expect((await screen.get('/api/v1/me')).status).toBe(401);
    expect((await t.admin.delete(`/api/v1/displays/${issued.body.id}`)).status).toBe(404);
  });

  it('audits every use of the break-glass admin token, and only those', async () => {
    const count = async () => (await t.admin.get<{ total: number }>('/api/v1/audit?action=auth.break_glass&pageSize=1')).body.total;
    const before = await count();
    await t.admin.get('/api/v1/regions');
    await t.admin.get('/api/v1/cases/SCJG/nothing');
    await t.admin.post('/api/v1/events', { events: [] }); // refused (403), still a use
    const supervisor = t.admin.withToken(await signIn(anonymous, 'sun', 's-secret-pass-1'));
    await supervisor.get('/api/v1/cases');
    // three uses above, plus the first count() call itself
    expect(await count()).toBe(before + 4);
    // newest first: this read, the count() above, then the three uses
    const latest = await t.admin.get<{ items: { target: string; after: { url: string } }[] }>('/api/v1/audit?action=auth.break_glass&pageSize=5');
    expect(latest.body.items.map((e) => e.target)).toEqual([
      'GET /api/v1/audit',
      'GET /api/v1/audit',
      'POST /api/v1/events',
      'GET /api/v1/cases/:departmentCode/:caseId',
      'GET /api/v1/regions',
    ]);
    expect(latest.body.items[3].after.url).toBe('/api/v1/cases/SCJG/nothing');
  });
});
