import { randomBytes } from 'node:crypto';
import { ApiClient } from './support/api-client';
import { AppProcess } from './support/app-process';
import { createTestDatabase, TEST_REDIS_URL } from './support/test-database';

/** The log as an operator sees it: the built server's own output, in both formats. */
describe('logs', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const env = () => ({
    DATABASE_URL: db.url,
    REDIS_URL: TEST_REDIS_URL,
    ADMIN_TOKEN: `logfmt-admin-${randomBytes(12).toString('hex')}`,
    JWT_SECRET: `logfmt-jwt-${randomBytes(24).toString('hex')}`,
    QUEUE_PREFIX: `lmlogfmt-${randomBytes(4).toString('hex')}`,
    PASSWORD_HASH_ROUNDS: '10',
  });
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.drop());

  /** A failed login (it logs a warning while serving the request) under a request id of our own. */
  async function failedLogin(app: AppProcess, requestId: string): Promise<Response> {
    return fetch(`${app.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify({ username: 'nobody-here', password: 'not-the-password' }),
    });
  }

  it('writes JSON lines with LOG_FORMAT=json: wiring at debug, every line of a request with its id', async () => {
    const app = new AppProcess({ ...env(), LOG_FORMAT: 'json', LOG_LEVEL: 'debug' });
    try {
      await app.start();
      const requestId = `req-${randomBytes(6).toString('hex')}`;
      const response = await failedLogin(app, requestId);
      expect(response.status).toBe(401);
      expect(response.headers.get('x-request-id')).toBe(requestId);
      const generated = await new ApiClient(app.baseUrl, null).get('/api/v1/me');
      expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      await app.stop();

      const logLines = app.output.split('\n').filter((line) => line.startsWith('{'));
      const records = logLines.map((line) => JSON.parse(line) as { level: number; context?: string; msg: string; reqId?: string; req?: { path: string } });
      expect(records.length).toBeGreaterThan(20);
      const routeLines = records.filter((r) => r.context === 'RouterExplorer');
      expect(routeLines.length).toBeGreaterThan(20);
      expect(new Set(routeLines.map((r) => r.level))).toEqual(new Set([20])); // debug
      expect(records.filter((r) => r.context === 'InstanceLoader').every((r) => r.level === 20)).toBe(true);
      const ofRequest = records.filter((r) => r.reqId === requestId);
      expect(ofRequest.map((r) => r.msg)).toEqual(expect.arrayContaining([expect.stringContaining('failed login'), 'request completed']));
      expect(ofRequest.find((r) => r.msg === 'request completed')?.req?.path).toBe('/api/v1/auth/login');
      // Every line that is not JSON is the banner the operator reads.
      const other = app.output.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('{'));
      expect(other.every((line) => line.startsWith('  '))).toBe(true);
    } finally {
      await app.stop();
    }
  });

  it('writes short readable lines with LOG_FORMAT=text: no route wiring at the default level, the request id on request lines', async () => {
    const app = new AppProcess({ ...env(), LOG_FORMAT: 'text' });
    try {
      await app.start();
      const requestId = `req-${randomBytes(6).toString('hex')}`;
      expect((await failedLogin(app, requestId)).status).toBe(401);
      await app.stop();

      const lines = app.output.split('\n').filter((line) => line.trim() !== '');
      expect(lines.some((line) => line.startsWith('{'))).toBe(false);
      expect(app.output).not.toContain('Mapped {');
      expect(app.output).not.toContain('dependencies initialized');
      expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^\[\d\d:\d\d:\d\d\] INFO: \[NestApplication\] Nest application successfully started$/)]));
      expect(lines.find((line) => line.includes('failed login'))).toMatch(new RegExp(`^\\[\\d\\d:\\d\\d:\\d\\d\\] WARN: \\[\\w+\\] \\(req ${requestId}\\) `));
      // Short: the start logs a handful of lines besides the banner, not one per route.
      expect(lines.filter((line) => /^\[\d\d:\d\d:\d\d\]/.test(line)).length).toBeLessThan(20);
    } finally {
      await app.stop();
    }
  });
});
