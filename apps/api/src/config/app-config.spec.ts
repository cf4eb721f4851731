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
    expect(config).toMatchObject({ mode: 'embedded', role: 'all', port: 3000, demoFeed: true, demoCatalogue: 'standard', dataDir: '/srv/data', adminTokenGenerated: true });
    expect(config.adminToken.length).toBeGreaterThanOrEqual(24);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('listens on loopback in embedded mode and on every interface in server mode, unless HOST says otherwise', () => {
    expect(loadConfig({}, '/srv').host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }, '/srv').host).toBe('0.0.0.0');
    expect(loadConfig({ ...server, APP_ROLE: 'worker' }, '/srv').host).toBe('0.0.0.0');
    expect(loadConfig({ ...server, APP_ROLE: 'worker', HOST: '10.0.0.5' }, '/srv').host).toBe('10.0.0.5');
  });

  it('re-checks open sockets every 5 s by default, never less often than every 10 s', () => {
    expect(loadConfig({}, '/srv').socketRecheckIntervalMs).toBe(5000);
    expect(errorOf({ SOCKET_RECHECK_INTERVAL_MS: '60000' }).message).toContain('SOCKET_RECHECK_INTERVAL_MS');
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
    [{ DEMO_CATALOGUE: 'town' }, 'DEMO_CATALOGUE'],
    [{ ...server, APP_ROLE: 'both' }, 'APP_ROLE'],
    [{ APP_ROLE: 'worker' }, 'APP_ROLE'],
  ])('stops the boot naming the variable: %j → %s', (env, variable) => {
    const error = errorOf(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
  });
});

describe('loadConfig: identity and abuse limits', () => {
  const jwt = 'j'.repeat(32);

  it('requires JWT_SECRET for a server-mode api, not for a worker or embedded mode', () => {
    expect(errorOf({ ...server }).variable).toBe('JWT_SECRET');
    expect(loadConfig({ ...server, APP_ROLE: 'worker' }, '/srv').jwtSecret).toBeNull();
    expect(loadConfig({}, '/srv').jwtSecret).toBeNull();
    expect(loadConfig({ ...server, JWT_SECRET: jwt }, '/srv').jwtSecret).toBe(jwt);
  });

  it('has generous rate limits, CORS off and no trusted proxy by default', () => {
    expect(loadConfig({}, '/srv')).toMatchObject({
      rateLimitMax: 30000,
      rateLimitWindowMs: 60000,
      loginRateLimitMax: 10,
      corsOrigins: [],
      trustProxy: false,
      jwtTtlSeconds: 900,
      passwordHashRounds: 12,
    });
  });

  it('reads CORS origins and trusted proxies as lists', () => {
    const config = loadConfig({ CORS_ORIGINS: 'https://a.example, http://b.example:8080', TRUST_PROXY: '10.0.0.0/8,127.0.0.1' }, '/srv');
    expect(config.corsOrigins).toEqual(['https://a.example', 'http://b.example:8080']);
    expect(config.trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
  });

  it.each([
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ JWT_TTL_SECONDS: '5' }, 'JWT_TTL_SECONDS'],
    [{ PASSWORD_HASH_ROUNDS: '4' }, 'PASSWORD_HASH_ROUNDS'],
    [{ RATE_LIMIT_MAX: 'lots' }, 'RATE_LIMIT_MAX'],
    [{ LOGIN_RATE_LIMIT_MAX: '0' }, 'LOGIN_RATE_LIMIT_MAX'],
    [{ CORS_ORIGINS: '*' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'https://a.example/path' }, 'CORS_ORIGINS'],
    [{ TRUST_PROXY: 'yes please' }, 'TRUST_PROXY'],
  ])('names the bad variable: %j → %s', (env, variable) => {
    const error = errorOf(env);
    expect(error.variable).toBe(variable);
    expect(error.message).not.toContain('short');
  });
});
