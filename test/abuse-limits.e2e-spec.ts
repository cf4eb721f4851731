import { randomBytes } from 'node:crypto';
import { INGEST_LIMITS } from '@app/contracts';
import { ApiResponse } from './support/api-client';
import { startTestApp, TestApp } from './support/test-app';

const errorPaths = (r: ApiResponse) => (r.body as { errors: { path: string }[] }).errors.map((e) => e.path);

describe('abuse limits: rate limits, security headers, CORS, body limits', () => {
  const apps: TestApp[] = [];
  const start = async (...args: Parameters<typeof startTestApp>) => {
    const app = await startTestApp(...args);
    apps.push(app);
    return app;
  };
  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
  });

  it('limits requests per client address, one budget shared by every api process through Redis', async () => {
    const shared = { RATE_LIMIT_MAX: '10', QUEUE_PREFIX: `lmrl-${randomBytes(4).toString('hex')}` };
    const a = await start(shared);
    const b = await start(shared, { routeDatabaseUrl: () => a.databaseUrl });
    const answers: ApiResponse[] = [];
    for (let i = 0; i < 7; i++) answers.push(await a.admin.get('/api/v1/regions'), await b.admin.get('/api/v1/regions'));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(10);
    const refused = answers.filter((r) => r.status === 429);
    expect(refused).toHaveLength(4);
    expect(errorPaths(refused[0])).toEqual(['(request)']);
    expect(Number(refused[0].headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('takes the client address from the TCP peer: a forged X-Forwarded-For buys no fresh budget', async () => {
    const t = await start({ RATE_LIMIT_MAX: '5' });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await fetch(`${t.baseUrl}/health`, { headers: { 'x-forwarded-for': `203.0.113.${i}` } });
      statuses.push(r.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
  });

  it('allows few login attempts per address (default 10 a minute), while other routes go on', async () => {
    const t = await start();
    const anonymous = t.admin.withToken(null);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await anonymous.post('/api/v1/auth/login', { username: 'guess', password: `try-${i}` })).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect((await t.admin.get('/api/v1/regions')).status).toBe(200);
  });

  it('sends security headers, and no CORS grant by default', async () => {
    const t = await start();
    const r = await fetch(`${t.baseUrl}/api/v1/regions`, { headers: { authorization: `Bearer ${t.admin.token}`, origin: 'https://evil.example' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(r.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('grants CORS to the configured origins only', async () => {
    const t = await start({ CORS_ORIGINS: 'https://wall.example.gov' });
    const preflight = (origin: string) =>
      fetch(`${t.baseUrl}/api/v1/cases`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
    const allowed = await preflight('https://wall.example.gov');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://wall.example.gov');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses an oversized body (413) and a NUL character (400), naming where', async () => {
    const t = await start();
    const huge = await t.admin.request('PUT', '/api/v1/regions/R1', undefined, JSON.stringify({ name: 'x'.repeat(INGEST_LIMITS.maxBodyBytes + 10) }));
    expect(huge.status).toBe(413);
    expect(errorPaths(huge)).toEqual(['(body)']);
    const nul = await t.admin.put('/api/v1/regions/R1', { name: 'a\u0000b' });
    expect(nul.status).toBe(400);
    expect(errorPaths(nul)).toEqual(['name']);
    expect((await t.admin.get('/api/v1/regions')).body).toEqual([]);
  });
});
