import fc from 'fast-check';
import { MINI_CATALOGUE } from './fixtures/mini-catalogue';
import { setUpCatalogue } from './support/catalogue-setup';
import { FuzzRequest, OpenApiDocument, Operation, operationsOf, problemWith, requestFor } from './support/openapi-fuzz';
import { discoverRoutes } from './support/route-table';
import { startTestApp, TestApp } from './support/test-app';

/** CI: a quick, fixed sample. `npm run bench:fuzz` sets FUZZ_TOTAL=100000 (target R5). */
const TOTAL = Number(process.env.FUZZ_TOTAL ?? 1500);
const SEED = Number(process.env.FUZZ_SEED ?? 20260401);
jest.setTimeout(Math.max(180_000, TOTAL * 100));

describe(`malformed and hostile requests against every route of the OpenAPI document (${TOTAL} requests, seed ${SEED})`, () => {
  let t: TestApp;
  let operations: Operation[];
  let departmentKey: string;
  let ingestKeys: Set<string>;
  /** Public pages for people (a link in an e-mail) answer in HTML, not in the API's JSON error shape. */
  let publicKeys: Set<string>;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_MAX: '10000000', LOGIN_RATE_LIMIT_MAX: '1000000' });
    departmentKey = (await setUpCatalogue(t.admin, MINI_CATALOGUE)).SCJG;
    const doc = await t.admin.get<OpenApiDocument>('/api/docs/openapi.json');
    // Every operation, the e-mail link page included: it answers HTML by design (see publicKeys), but never 5xx.
    operations = operationsOf(doc.body);
    // Ingest is for department keys; everything else is fuzzed with the admin token, to reach validation.
    const routes = discoverRoutes(t.app);
    ingestKeys = new Set(routes.filter((r) => r.permission === 'events.ingest').map((r) => r.key));
    publicKeys = new Set(routes.filter((r) => r.isPublic).map((r) => r.key));
  });
  afterAll(async () => t?.close());

  const routeKey = (op: Operation) => `${op.method} ${op.path.replace(/\{(\w+)\}/g, ':$1')}`;

  async function send(op: Operation, request: FuzzRequest): Promise<{ status: number; body: unknown; html: boolean } | null> {
    const key = routeKey(op);
    const token = request.token ?? (ingestKeys.has(key) ? departmentKey : t.admin.token!);
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    let body: string | undefined;
    if (request.body) {
      headers['content-type'] = request.contentType;
      body = 'raw' in request.body ? request.body.raw : JSON.stringify(request.body.json);
    }
    let response: Response;
    try {
      response = await fetch(t.baseUrl + request.path, { method: op.method, headers, body });
    } catch {
      return null; // the client itself refused to send it (an invalid header value): nothing reached the server
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: problemWith() reports a 4xx without errors[]
    }
    return { status: response.status, body: parsed, html: (response.headers.get('content-type') ?? '').startsWith('text/html') };
  }

  it('never answers 5xx, and every 4xx names the field and the reason', async () => {
    expect(operations.length).toBeGreaterThanOrEqual(25);
    const runs = Math.max(10, Math.ceil(TOTAL / operations.length));
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const op of operations) {
      let firstProblem = '';
      try {
        await fc.assert(
          fc.asyncProperty(requestFor(op), async (request) => {
            const answer = await send(op, request);
            if (!answer) return;
            statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
            if (answer.html && answer.status < 500 && publicKeys.has(routeKey(op))) return;
            const problem = problemWith(answer.status, answer.body);
            if (problem) {
              const body = request.body ? ('raw' in request.body ? request.body.raw : JSON.stringify(request.body.json)) : '';
              firstProblem ||= `${problem}: ${JSON.stringify(answer.body).slice(0, 300)} — for ${request.path.slice(0, 200)} ${body.slice(0, 200)}`;
              throw new Error(problem);
            }
          }),
          { seed: SEED, numRuns: runs, endOnFailure: true },
        );
      } catch (error) {
        failures.push(`${op.method} ${op.path}: ${firstProblem || (error as Error).message.slice(0, 500)}`);
      }
    }
    expect(failures).toEqual([]);
    // The sample reached validation (400s) and, now and then, got through (2xx): it exercised the routes.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(runs);
    expect([...statuses.keys()].some((s) => s >= 200 && s < 300)).toBe(true);
  });
});
