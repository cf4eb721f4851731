import { launchChromium } from './support/chromium';
import { startTestApp, TestApp } from './support/test-app';

/** The job queue board (bull-board) of server mode, behind the operator permission. */
describe('queue board /admin/queues', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${t.baseUrl}${path}`, { headers, redirect: 'manual' });

  async function sessionOf(role: string, username: string): Promise<string> {
    const password = `${role}-pass-9x`;
    expect((await t.admin.put(`/api/v1/users/${username}`, { role, password })).status).toBe(200);
    return (await t.admin.withToken(null).post<{ accessToken: string }>('/api/v1/auth/login', { username, password })).body.accessToken;
  }

  it('refuses without credentials, with a forged token or pass, and a principal without the operator permission', async () => {
    expect((await get('/admin/queues')).status).toBe(401);
    expect((await get('/admin/queues/api/queues')).status).toBe(401);
    expect((await get('/admin/queues?token=lmk_0000000000000000_forged')).status).toBe(401);
    expect((await get('/admin/queues', { cookie: `lm_queue_board=${Date.now() + 60_000}.${'A'.repeat(43)}` })).status).toBe(401);
    const supervisor = await sessionOf('centre_supervisor', 'board-supervisor');
    const refused = await get(`/admin/queues?token=${supervisor}`);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('set-cookie')).toBeNull();
  });

  it('lets a centre admin in with a one-time token, then by an HttpOnly pass that shows the queue', async () => {
    const centreAdmin = await sessionOf('centre_admin', 'board-admin');
    const entered = await get(`/admin/queues?token=${centreAdmin}`);
    expect(entered.status).toBe(303);
    expect(entered.headers.get('location')).toBe('/admin/queues');
    const cookie = entered.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^lm_queue_board=\d+\.[\w-]+; Path=\/admin\/queues; Max-Age=3600; HttpOnly; SameSite=Strict$/);
    const pass = cookie.split(';')[0];
    const queues = await get('/admin/queues/api/queues', { cookie: pass });
    expect(queues.status).toBe(200);
    const body = (await queues.json()) as { queues: { name: string; counts: Record<string, number> }[] };
    expect(body.queues.map((q) => q.name)).toEqual(['case-events']);
    expect(body.queues[0].counts).toHaveProperty('failed');
  });

  it('renders the board in a real browser', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${t.baseUrl}/admin/queues?token=${t.admin.token}`);
      expect(page.url()).toBe(`${t.baseUrl}/admin/queues`);
      await page.getByText('case-events').first().waitFor({ timeout: 30_000 });
    } finally {
      await browser.close();
    }
  });
});
