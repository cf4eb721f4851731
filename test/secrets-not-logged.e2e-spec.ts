import { randomBytes } from 'node:crypto';
import { MINI_CATALOGUE } from './fixtures/mini-catalogue';
import { ApiClient } from './support/api-client';
import { AppProcess } from './support/app-process';
import { setUpCatalogue } from './support/catalogue-setup';
import { createTestDatabase, TEST_REDIS_URL } from './support/test-database';

describe('logs', () => {
  it('never contain a credential: admin token, JWT secret, passwords, session tokens, keys, display tokens', async () => {
    const db = await createTestDatabase();
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      ADMIN_TOKEN: `logs-admin-${randomBytes(12).toString('hex')}`,
      JWT_SECRET: `logs-jwt-${randomBytes(24).toString('hex')}`,
      QUEUE_PREFIX: `lmlogs-${randomBytes(4).toString('hex')}`,
      PASSWORD_HASH_ROUNDS: '10',
    };
    const app = new AppProcess(env);
    try {
      await app.start();
      const admin = new ApiClient(app.baseUrl, env.ADMIN_TOKEN);
      const keys = await setUpCatalogue(admin, MINI_CATALOGUE);
      const password = `pw-${randomBytes(8).toString('hex')}`;
      expect((await admin.put('/api/v1/users/logtest', { role: 'centre_supervisor', password })).status).toBe(200);
      const login = await admin.withToken(null).post<{ accessToken: string }>('/api/v1/auth/login', { username: 'logtest', password });
      const wrongPassword = `wrong-${randomBytes(8).toString('hex')}`;
      await admin.withToken(null).post('/api/v1/auth/login', { username: 'logtest', password: wrongPassword });
      const display = await admin.post<{ token: string }>('/api/v1/displays', { name: 'log screen' });
      const session = admin.withToken(login.body.accessToken);
      await session.get('/api/v1/cases');
      await admin.withToken(keys.SCJG).post('/api/v1/events', { events: [{ broken: true }] });
      await admin.withToken(`${keys.SCJG}tampered`).post('/api/v1/events', { events: [] });
      await admin.withToken(`${login.body.accessToken}x`).get('/api/v1/me');
      await admin.withToken(display.body.token).get('/api/v1/me');
      await admin.put('/api/v1/users/logtest', { role: 'centre_supervisor', password: 'x' }); // refused: too short
      await app.stop();

      expect(app.output).toContain('failed login'); // the log did record the failed attempt
      for (const secret of [
        env.ADMIN_TOKEN,
        env.JWT_SECRET,
        password,
        wrongPassword,
        login.body.accessToken,
        login.body.accessToken.split('.')[2],
        display.body.token,
        ...Object.values(keys),
      ]) {
        expect(app.output).not.toContain(secret);
      }
      expect(app.output).not.toMatch(/\$2[aby]\$\d\d\$/); // a bcrypt hash
    } finally {
      await app.stop();
      await db.drop();
    }
  });
});
