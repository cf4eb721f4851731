import { ConfigError, loadConfig } from './app-config';

const server = { DATABASE_URL: 'postgres://u@h:5432/db', REDIS_URL: 'redis://h:6379', ADMIN_TOKEN: 'x'.repeat(20) };

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env, '/srv');
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults to embedded mode with a generated admin token and the demo feed on', () => {
    const config = loadConfig({}, '/srv');
    expect(config).toMatchObject({ mode: 'embedded', role: 'all', port: 3000, demoFeed: true, dataDir: '/srv/data', adminTokenGenerated: true });
    expect(config.adminToken.length).toBeGreaterThanOrEqual(24);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('runs in server mode with DATABASE_URL and REDIS_URL, demo feed off by default', () => {
    expect(loadConfig({ ...server, APP_ROLE: 'worker' }, '/srv')).toMatchObject({ mode: 'server', role: 'worker', demoFeed: false });
  });

  it.each([
    [{ ...server, ADMIN_TOKEN: '' }, 'ADMIN_TOKEN'],
    [{ ...server, ADMIN_TOKEN: 'short' }, 'ADMIN_TOKEN'],
    [{ DATABASE_URL: server.DATABASE_URL }, 'REDIS_URL'],
    [{ REDIS_URL: server.REDIS_URL }, 'DATABASE_URL'],
    [{ ...server, DATABASE_URL: 'mysql://h/db' }, 'DATABASE_URL'],
    [{ ...server, REDIS_URL: 'not a url' }, 'REDIS_URL'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DEMO_FEED: 'yes' }, 'DEMO_FEED'],
    [{ ...server, APP_ROLE: 'both' }, 'APP_ROLE'],
    [{ APP_ROLE: 'worker' }, 'APP_ROLE'],
  ])('stops the boot naming the variable: %j → %s', (env, variable) => {
    const error = errorOf(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
  });
});
