import { INGEST_LIMITS } from '@app/contracts';
import { makeEvent, MINI_CATALOGUE } from './fixtures/mini-catalogue';
import { setUpCatalogue } from './support/catalogue-setup';
import { ContractDocument, ResponseContract } from './support/openapi-contract';
import { startTestApp, TestApp } from './support/test-app';

interface Problem {
  statusCode: number;
  error: string;
  message: string;
  errors: { path: string; message: string }[];
}

/** Errors a caller makes, answered with what to fix — each in the one documented Problem shape. */
describe('errors that say what to fix', () => {
  let t: TestApp;
  let key: string;
  let contract: ResponseContract;

  beforeAll(async () => {
    t = await startTestApp();
    key = (await setUpCatalogue(t.admin, MINI_CATALOGUE)).SCJG;
    contract = new ResponseContract((await t.admin.get<ContractDocument>('/api/docs/openapi.json')).body);
  });
  afterAll(async () => t?.close());

  async function send(path: string, init: RequestInit & { token?: string | null } = {}): Promise<{ status: number; body: Problem }> {
    const token = init.token === undefined ? key : init.token;
    const headers = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string>) };
    const response = await fetch(t.baseUrl + path, { method: 'POST', ...init, headers });
    const body = (await response.json()) as Problem;
    // The same shape for every error: the document's Problem schema.
    expect(contract.problemsWith(contract.schema('Problem'), body)).toBeNull();
    expect(body.statusCode).toBe(response.status);
    return { status: response.status, body };
  }
  const batch = JSON.stringify({ events: [makeEvent()] });

  it('answers a JSON body sent as text/plain with 415 naming application/json', async () => {
    const r = await send('/api/v1/events', { body: batch, headers: { 'content-type': 'text/plain' } });
    expect(r.status).toBe(415);
    expect(r.body.errors).toEqual([{ path: 'content-type', message: 'send the body as JSON with Content-Type: application/json (got text/plain)' }]);
  });

  it('answers a body sent without a content type with 415 naming application/json', async () => {
    const r = await send('/api/v1/events', { body: new TextEncoder().encode(batch) });
    expect(r.status).toBe(415);
    expect(r.body.errors[0].path).toBe('content-type');
    expect(r.body.errors[0].message).toMatch(/^send the body as JSON with Content-Type: application\/json/);
  });

  it('answers a body over 1 MiB with 413 stating both limits and to split the batch', async () => {
    const huge = JSON.stringify({ events: [makeEvent({ type: 'STEP_COMPLETED', data: { step: 'REVIEW', opinion: 'x'.repeat(INGEST_LIMITS.maxBodyBytes) } })] });
    const r = await send('/api/v1/events', { body: huge, headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(413);
    expect(r.body.errors).toEqual([
      { path: '(body)', message: 'the body is too large: at most 1048576 bytes (1 MiB) per request and 1,000 events per batch; split the batch into smaller ones and send each' },
    ]);
  });

  it('answers a batch over 1,000 events with 413 stating the limits and to split the batch', async () => {
    const events = Array.from({ length: INGEST_LIMITS.maxEventsPerBatch + 1 }, (_, i) => makeEvent({ eventId: `e-${i}` }));
    const r = await send('/api/v1/events', { body: JSON.stringify({ events }), headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(413);
    expect(r.body.errors).toEqual([
      { path: 'events', message: '1001 events is too many: at most 1048576 bytes (1 MiB) per request and 1,000 events per batch; split the batch into smaller ones and send each' },
    ]);
  });

  it('tells the admin token on POST /events that a department API key is needed', async () => {
    const r = await send('/api/v1/events', { token: t.admin.token, body: batch, headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(403);
    expect(r.body.message).toBe('not allowed for these credentials: this needs a department API key');
    expect(r.body.errors).toEqual([{ path: 'authorization', message: 'this needs a department API key; the admin token may not do this' }]);
  });

  it('tells a department key reading cases which sessions may', async () => {
    const r = await send('/api/v1/cases', { method: 'GET' });
    expect(r.status).toBe(403);
    expect(r.body.errors[0].message).toBe(
      'this needs a session token (POST /api/v1/auth/login) of a user with role centre_supervisor, region_supervisor, department_supervisor or officer, or the admin token; a department API key may not do this',
    );
  });

  it('refuses an unknown query parameter with 400 naming it and the known ones', async () => {
    const r = await send('/api/v1/cases?limit=10&pageSize=5', { method: 'GET', token: t.admin.token });
    expect(r.status).toBe(400);
    expect(r.body.message).toBe('unknown query parameter');
    expect(r.body.errors).toEqual([
      { path: 'limit', message: 'is not a known query parameter; this operation accepts caseId, departmentCode, itemCode, page, pageSize, sort, status' },
    ]);
    const none = await send('/api/v1/regions?x=1', { method: 'GET', token: t.admin.token });
    expect(none.status).toBe(400);
    expect(none.body.errors).toEqual([{ path: 'x', message: 'is not a known query parameter; this operation takes no query parameters' }]);
    // Known parameters still work.
    const ok = await fetch(`${t.baseUrl}/api/v1/cases?pageSize=5`, { headers: { authorization: `Bearer ${t.admin.token}` } });
    expect(ok.status).toBe(200);
  });

  it('states the tolerated clock skew when an event is in the future', async () => {
    const ahead = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    const response = await fetch(`${t.baseUrl}/api/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events: [makeEvent({ occurredAt: ahead })] }),
    });
    const body = (await response.json()) as { rejected: { errors: { path: string; message: string }[] }[] };
    expect(response.status).toBe(202);
    expect(body.rejected[0].errors).toContainEqual({
      path: 'occurredAt',
      message: expect.stringMatching(/^is in the future: more than 10 minutes \(the tolerated clock skew\) after the centre's clock, 20\d\d-/) as string,
    });
  });

  it('answers missing credentials in the same shape', async () => {
    const r = await send('/api/v1/events', { token: null, body: batch, headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ error: 'Unauthorized', errors: [{ path: 'authorization', message: 'send Authorization: Bearer <token>' }] });
  });
});
