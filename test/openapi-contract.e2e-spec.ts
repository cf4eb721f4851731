import { readFileSync } from 'node:fs';
import path from 'node:path';
import { caseStory, MINI_CATALOGUE } from './fixtures/mini-catalogue';
import { setUpCatalogue } from './support/catalogue-setup';
import { ContractDocument, ContractOperation, Json, operationsOf, ResponseContract } from './support/openapi-contract';
import { discoverRoutes } from './support/route-table';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

/** Pages for browsers (the wall screen, the console's HTML shell), not API operations. */
const NOT_API = /^\/(wall|console|public)(\/|$)/;

/** Path parameter values that find something in the test data; an {id} that finds nothing answers a documented 404. */
const PATH_VALUES: Record<string, string> = {
  code: 'SCJG',
  departmentCode: 'SCJG',
  regionCode: 'R1',
  caseId: 'contract-1',
  officerId: 'O-SCJG-2',
  year: '2025',
  quarter: '2025Q4',
  username: 'nobody-here',
  alertId: '00000000-0000-4000-8000-000000000000',
  id: '00000000-0000-4000-8000-000000000000',
  holdingId: '00000000-0000-4000-8000-000000000000',
};

/** A shared error answer (components.responses, all in the Problem shape) or one whose JSON is a Problem. */
const answersProblem = (response: Json | undefined): boolean =>
  typeof response?.$ref === 'string'
    ? response.$ref.startsWith('#/components/responses/')
    : (response?.content as Record<string, { schema?: Json }> | undefined)?.['application/json']?.schema?.$ref === '#/components/schemas/Problem';

describe('the OpenAPI document is complete and the API answers as it says', () => {
  let t: TestApp;
  let doc: ContractDocument;
  let contract: ResponseContract;
  let keys: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    keys = await setUpCatalogue(t.admin, MINI_CATALOGUE);
    const sent = await t.admin.withToken(keys.SCJG).post('/api/v1/events', { events: caseStory('SCJG', 'contract-1', 'SCJG-001') });
    expect(sent.status).toBe(202);
    await waitFor(async () => ((await t.admin.get<{ total: number }>('/api/v1/cases')).body.total === 1 ? true : undefined), 'the case projected');
    const served = await t.admin.withToken(null).get<ContractDocument>('/api/docs/openapi.json');
    expect(served.status).toBe(200);
    doc = served.body;
    contract = new ResponseContract(doc);
  });
  afterAll(async () => t?.close());

  it('is OpenAPI 3.1 with servers, a license and a description naming every tag', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers?.length).toBeGreaterThan(0);
    expect((doc.info.license as Json | undefined)?.name).toEqual(expect.any(String));
    const tags = new Set(operationsOf(doc).flatMap(({ op }) => op.tags ?? []));
    for (const tag of tags) expect(doc.info.description).toContain(`**${tag}**`);
  });

  it('documents every route the application registers, and nothing else', () => {
    const registered = discoverRoutes(t.app)
      .filter((r) => !NOT_API.test(r.path))
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    const documented = operationsOf(doc).map(({ method, path }) => `${method} ${path}`);
    expect(documented.sort()).toEqual(registered.sort());
  });

  it('gives every operation an id, a summary, tags, security and its error answers in the Problem shape', () => {
    const problems: string[] = [];
    for (const { method, path, op } of operationsOf(doc)) {
      const where = `${method} ${path}`;
      if (!op.operationId) problems.push(`${where}: no operationId`);
      if (!op.summary) problems.push(`${where}: no summary (apps/api/src/openapi/operation-summaries.ts)`);
      if (!op.tags?.length) problems.push(`${where}: no tag`);
      if (!Array.isArray(op.security)) problems.push(`${where}: no security`);
      const secured = (op.security ?? []).length > 0;
      const expected = ['400', '429', ...(secured ? ['401', '403'] : []), ...(op.requestBody ? ['413', '415'] : []), ...(op.parameters?.some((p) => p.in === 'path') ? ['404'] : [])];
      for (const status of expected) {
        if (!answersProblem(op.responses[status])) problems.push(`${where}: ${status} not documented with the Problem schema`);
      }
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      if (success.length === 0) problems.push(`${where}: no 2xx answer`);
      for (const [status, response] of success) {
        if (status !== '204' && !response.content) problems.push(`${where}: ${status} has no content schema`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers every GET operation, for a sample request, with a documented status and a body matching its schema', async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const { method, path, op } of operationsOf(doc).filter((o) => o.method === 'GET')) {
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(PATH_VALUES[name] ?? 'x'));
      const response = await fetch(t.baseUrl + url, { headers: { authorization: `Bearer ${t.admin.token}` } });
      const type = response.headers.get('content-type') ?? '';
      const text = await response.text();
      const body: unknown = type.startsWith('application/json') ? JSON.parse(text) : text;
      const problem = contract.checkAnswer(op, response.status, type, body);
      if (problem) mismatches.push(`${method} ${url}: ${problem}`);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
    expect(mismatches).toEqual([]);
  });

  it('answers the ingest family, sign-in and the catalogue as documented', async () => {
    const find = (method: string, path: string): ContractOperation => doc.paths[path][method];
    const ingest = find('post', '/api/v1/events');
    const department = t.admin.withToken(keys.SCJG);
    const samples: [ContractOperation, { status: number; body: unknown; headers: Headers }][] = [
      [ingest, await department.post('/api/v1/events', { events: caseStory('SCJG', 'contract-2', 'SCJG-001') })],
      [ingest, await department.post('/api/v1/events', { events: [{ eventId: 'x' }] })],
      [ingest, await t.admin.post('/api/v1/events', { events: [] })],
      [ingest, await t.admin.withToken(null).post('/api/v1/events', { events: [] })],
      [find('post', '/api/v1/auth/login'), await t.admin.withToken(null).post('/api/v1/auth/login', { username: 'nobody', password: 'wrong password' })],
      [find('put', '/api/v1/regions/{code}'), await t.admin.put('/api/v1/regions/R9', { name: '新区' })],
      [find('put', '/api/v1/departments/{code}'), await t.admin.put('/api/v1/departments/D9', { name: 'x', regionCode: 'NOPE' })],
      [find('post', '/api/v1/departments/{code}/keys'), await t.admin.post('/api/v1/departments/SCJG/keys', { label: 'contract' })],
    ];
    const statuses = samples.map(([, r]) => r.status);
    expect(statuses).toEqual([202, 202, 403, 401, 401, expect.any(Number), expect.any(Number), 201]);
    const mismatches = samples
      .map(([op, r]) => contract.checkAnswer(op, r.status, r.headers.get('content-type') ?? '', r.body))
      .filter((problem): problem is string => problem !== null);
    expect(mismatches).toEqual([]);
  });

  it('validates the event examples of docs/events.md and docs/examples/batch.json against the ingest body schema', () => {
    const text = readFileSync(path.join(__dirname, '../docs/events.md'), 'utf8');
    const blocks = [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]) as Json);
    const batches = [
      ...blocks.filter((b) => 'eventId' in b).map((event) => ({ events: [event] })),
      ...blocks.filter((b) => 'events' in b),
      JSON.parse(readFileSync(path.join(__dirname, '../docs/examples/batch.json'), 'utf8')) as Json,
    ];
    const results = blocks.filter((b) => 'accepted' in b);
    expect(batches.length).toBeGreaterThanOrEqual(15);
    expect(results.length).toBeGreaterThanOrEqual(1);
    const problems = [
      ...batches.map((b) => contract.problemsWith(contract.schema('IngestBatch'), b)),
      ...results.map((r) => contract.problemsWith(contract.schema('IngestResult'), r)),
    ].filter(Boolean);
    expect(problems).toEqual([]);
    // …and the schema can fail: an event with a type the contract does not know is refused.
    expect(contract.problemsWith(contract.schema('IngestBatch'), { events: [{ ...(batches[0].events as Json[])[0], type: 'LOST' }] })).toMatch(/type/);
  });
});
