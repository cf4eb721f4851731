import { signedInUser } from './fixtures/notification-cases';
import { startTestApp, TestApp } from './support/test-app';

describe('operations endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('answers /health and /ready without credentials with the status only; the details are for an operator', async () => {
    const anonymous = t.admin.withToken(null);
    expect((await anonymous.get('/health')).body).toEqual({ status: 'ok' });
    const open = await anonymous.get('/ready');
    expect(open.status).toBe(200);
    expect(open.body).toEqual({ status: 'ready' });
    expect((await anonymous.withToken('not-a-token').get('/ready')).body).toEqual({ status: 'ready' });

    const ready = await t.admin.get<{ status: string; details: Record<string, { ok: boolean }>; warnings: unknown[] }>('/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details).toEqual({ database: { ok: true }, queue: { ok: true } });
    expect(Array.isArray(ready.body.warnings)).toBe(true);
    const operator = await signedInUser(t.admin, 'ops-admin', { role: 'centre_admin' });
    expect((await operator.get<{ details?: unknown }>('/ready')).body.details).toEqual({ database: { ok: true }, queue: { ok: true } });
    const supervisor = await signedInUser(t.admin, 'ops-supervisor', { role: 'centre_supervisor' });
    expect((await supervisor.get('/ready')).body).toEqual({ status: 'ready' });
  });

  it('publishes the OpenAPI document with the ingest contract and bearer auth', async () => {
    const doc = await t.admin.withToken(null).get<{
      paths: Record<string, Record<string, unknown>>;
      components: { securitySchemes: Record<string, unknown> };
    }>('/api/docs/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/events', '/api/v1/cases/{departmentCode}/{caseId}', '/api/v1/calendars/{year}']),
    );
    expect(JSON.stringify(doc.body.paths['/api/v1/events'])).toContain('occurredAt');
    // One bearer scheme per kind of credential (ADR 0018): who may call what is readable from the document.
    expect(Object.keys(doc.body.components.securitySchemes).sort()).toEqual(['adminToken', 'departmentKey', 'displayToken', 'session']);
    expect((await t.admin.withToken(null).get('/api/docs')).status).toBe(200);
  });

  it('sends security headers and refuses unknown routes without leaking', async () => {
    const r = await t.admin.withToken(null).get('/health');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await t.admin.get('/api/v1/nothing-here')).status).toBe(404);
  });
});
