import { PERMISSIONS } from '../apps/api/src/auth/access-policy';
import { PRINCIPAL_KINDS, PrincipalKind } from '../apps/api/src/auth/principal';
import { handledCase, TWO_REGIONS } from './fixtures/two-regions-catalogue';
import { EXPECTED_ACCESS, PUBLIC, RouteExpectation } from './support/access-expectations';
import { ApiClient, ApiResponse } from './support/api-client';
import { ExampleRequest, genericRequest, MatrixContext, ROUTE_EXAMPLES, Side } from './support/access-matrix-examples';
import { setUpCatalogue } from './support/catalogue-setup';
import { clientsPerKind } from './support/principals';
import { DiscoveredRoute, discoverRoutes } from './support/route-table';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

/** Principals bound to department DA (directly, by region RA, or as officer O-DA-2): DB is not theirs. */
const BOUND: ReadonlySet<PrincipalKind> = new Set(['region_supervisor', 'department_supervisor', 'officer', 'display', 'department']);

/** A scoped route no department-bound principal may call has no "other department" to prove. */
const BOUND_KIND_ADMITTED = (key: string): boolean => {
  const expectation = EXPECTED_ACCESS[key];
  return expectation !== PUBLIC && expectation !== undefined && expectation.admits.some((kind) => BOUND.has(kind));
};

/** The guard's refusal (as opposed to a 403 a handler might give for a business reason). */
const isGuardRefusal = (r: ApiResponse): boolean =>
  r.status === 403 && /may not do this$/.test(String((r.body as { errors?: { message?: string }[] })?.errors?.[0]?.message));

/**
 * Scoped routes whose own-versus-other department answer has no example yet (issue 17.6 asks for
 * all of them): the generic probe only shows admission for these, not that DB's data stays hidden
 * from a principal bound to DA. Written out so the gap is visible and can only shrink.
 */
const OTHER_SIDE_NOT_YET_PROVEN: ReadonlySet<string> = new Set([
  'GET /api/v1/county-reports/settings',
  'GET /api/v1/me/alerts',
  'GET /api/v1/register/years/:year/export',
  'GET /api/v1/reports/quarterly',
  'GET /api/v1/reports/settings',
  'POST /api/v1/watchlists',
]);

describe('access matrix: every route × every principal kind × own/other department', () => {
  let t: TestApp;
  let routes: DiscoveredRoute[];
  let clients: Record<PrincipalKind, ApiClient>;
  let ctx: MatrixContext;

  beforeAll(async () => {
    t = await startTestApp();
    const keys = await setUpCatalogue(t.admin, TWO_REGIONS);
    for (const [department, caseId, officer] of [['DA', 'case-a', 'O-DA-2'], ['DB', 'case-b', 'O-DB-1']]) {
      const sent = await t.admin.withToken(keys[department]).post('/api/v1/events', { events: handledCase(department, caseId, officer) });
      expect(sent.status).toBe(202);
    }
    await waitFor(async () => ((await t.admin.get<{ total: number }>('/api/v1/cases')).body.total === 2 ? true : undefined), 'both cases projected');
    clients = await clientsPerKind(t.admin, { own: 'DA', ownRegion: 'RA', ownOfficer: 'O-DA-2', departmentKey: keys.DA });
    let counter = 0;
    ctx = {
      admin: t.admin,
      department: { own: 'DA', other: 'DB' },
      region: { own: 'RA', other: 'RB' },
      caseId: { own: 'case-a', other: 'case-b' },
      fresh: () => `${Date.now().toString(36)}-${++counter}`,
      keys,
    };
    routes = discoverRoutes(t.app);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('finds the routes, and every one has a decision: @Public or a permission from the decision table', () => {
    expect(routes.length).toBeGreaterThanOrEqual(30);
    const undecided = routes.filter((r) => !r.isPublic && r.permission === null).map((r) => `${r.key} (${r.allowKinds ? `@Allow(${r.allowKinds.join(', ')})` : 'nothing'})`);
    expect(undecided).toEqual([]);
    const unknown = routes.filter((r) => r.permission !== null && !(r.permission in PERMISSIONS)).map((r) => r.key);
    expect(unknown).toEqual([]);
  });

  it('has a hand-written expectation for every route Nest registered, and no expectation without a route', () => {
    const keys = new Set(routes.map((r) => r.key));
    expect(routes.filter((r) => !(r.key in EXPECTED_ACCESS)).map((r) => r.key)).toEqual([]);
    expect(Object.keys(EXPECTED_ACCESS).filter((k) => !keys.has(k))).toEqual([]);
    const publicDisagreements = routes.filter((r) => r.isPublic !== (EXPECTED_ACCESS[r.key] === PUBLIC)).map((r) => `${r.key}: @Public ${r.isPublic}`);
    expect(publicDisagreements).toEqual([]);
  });

  it('agrees with the decision table about which routes are department-scoped', () => {
    const disagreements = routes
      .filter((r) => r.permission !== null && EXPECTED_ACCESS[r.key] !== PUBLIC)
      .filter((r) => PERMISSIONS[r.permission!].scoped !== (EXPECTED_ACCESS[r.key] as RouteExpectation).scoped)
      .map((r) => `${r.key} (${r.permission})`);
    expect(disagreements).toEqual([]);
  });

  it('proves own-versus-other department on every scoped route with an example, except those still listed as unproven', () => {
    const scoped = routes.filter((r) => EXPECTED_ACCESS[r.key] !== PUBLIC && (EXPECTED_ACCESS[r.key] as RouteExpectation | undefined)?.scoped);
    const proven = scoped.filter((r) => ROUTE_EXAMPLES[r.key] && (ROUTE_EXAMPLES[r.key].other || !BOUND_KIND_ADMITTED(r.key)));
    const unproven = scoped.filter((r) => !proven.includes(r)).map((r) => r.key);
    // The list only shrinks: a route given an example must leave it, a new scoped route must bring one.
    expect(unproven.filter((k) => !OTHER_SIDE_NOT_YET_PROVEN.has(k))).toEqual([]);
    expect([...OTHER_SIDE_NOT_YET_PROVEN].filter((k) => !unproven.includes(k))).toEqual([]);
  });

  it('lists every operation of the OpenAPI document in the route table', async () => {
    const doc = await t.admin.get<{ paths: Record<string, Record<string, unknown>> }>('/api/docs/openapi.json');
    const keys = new Set(routes.map((r) => r.key));
    const missing = Object.entries(doc.body.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`).filter((k) => !keys.has(k)),
    );
    expect(missing).toEqual([]);
  });

  it('refuses every non-public route without credentials (401) and admits public ones', async () => {
    const anonymous = t.admin.withToken(null);
    const wrong: string[] = [];
    for (const route of routes) {
      const { path, body } = genericRequest(route.path, 'own', ctx);
      const r = await anonymous.request(route.method, path, route.method === 'GET' || route.method === 'DELETE' ? undefined : body);
      if (route.isPublic ? r.status === 401 || r.status === 403 : r.status !== 401) wrong.push(`${route.key}: ${r.status}`);
      const forged = await anonymous.withToken('lmk_0000000000000000_forged').request(route.method, path);
      if (!route.isPublic && forged.status !== 401) wrong.push(`${route.key} with a forged key: ${forged.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers each principal kind exactly as the hand-written expectation says, own and other department', async () => {
    const failures: string[] = [];
    let checks = 0;
    for (const route of routes.filter((r) => !r.isPublic && r.permission !== null)) {
      const expectation = EXPECTED_ACCESS[route.key];
      if (expectation === undefined || expectation === PUBLIC) continue; // reported by the test above
      const example = ROUTE_EXAMPLES[route.key];
      for (const kind of PRINCIPAL_KINDS) {
        for (const side of ['own', 'other'] as Side[]) {
          const allowed = expectation.admits.includes(kind);
          const request: ExampleRequest = allowed && example ? await example.request(side, ctx, { kind, client: clients[kind], bound: BOUND.has(kind) }) : genericRequest(route.path, side, ctx);
          const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
          const r = await clients[kind].request(route.method, request.path, hasBody ? (request.body ?? {}) : undefined);
          checks++;
          const where = `${route.key} as ${kind} (${side} department): ${r.status} ${JSON.stringify(r.body).slice(0, 160)}`;
          if (!allowed) {
            if (!isGuardRefusal(r)) failures.push(`expected 403 — ${where}`);
            continue;
          }
          if (r.status === 401 || isGuardRefusal(r)) {
            failures.push(`expected admission — ${where}`);
            continue;
          }
          if (!example) continue; // a route without an example: admission is what the table decides
          const foreign = side === 'other' && expectation.scoped && BOUND.has(kind);
          const expected = !foreign ? (example.okFor?.[kind] ?? example.ok) : ({ 'not-found': 404, 'refused-as-missing': 409, 'refused-rows': 400 } as Record<string, number>)[example.other ?? ''] ?? example.ok;
          if (r.status !== expected) failures.push(`expected ${expected} — ${where}`);
          else if (foreign && example.other === 'empty' && !isEmpty(r.body)) failures.push(`expected nothing of the other department — ${where}`);
          else if (foreign && example.other === 'refused-events' && !namesDepartment(r.body)) failures.push(`expected events refused by departmentCode — ${where}`);
          else if (foreign && example.other === 'refused-as-missing' && !allMissing(r.body)) failures.push(`expected each object refused as not found — ${where}`);
          else if (foreign && example.other === 'refused-rows' && !rowsNameDepartment(r.body)) failures.push(`expected each row refused at departmentCode — ${where}`);
          else {
            const complaint = example.check?.(r, side, kind, BOUND.has(kind));
            if (complaint) failures.push(`${complaint} — ${where}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    // Public routes are checked by the test above (no credentials), not here: only the others count.
    expect(checks).toBeGreaterThanOrEqual(routes.filter((r) => !r.isPublic).length * 2 * PRINCIPAL_KINDS.length - 200);
    // Every example prepares its own objects (cards, orders, proposals…) for each kind and side: a
    // few thousand requests in a row, slow on a shared CI machine. No timing is asserted.
  }, 900_000);

  it('answers another department’s case exactly like a case that does not exist (no existence leak)', async () => {
    for (const kind of ['region_supervisor', 'department_supervisor', 'officer'] as PrincipalKind[]) {
      const existing = await clients[kind].get('/api/v1/cases/DB/case-b');
      const missing = await clients[kind].get('/api/v1/cases/DB/no-such-case');
      expect({ kind, status: existing.status }).toEqual({ kind, status: 404 });
      expect(strip(existing.body, 'case-b')).toEqual(strip(missing.body, 'no-such-case'));
    }
    expect((await clients.centre_supervisor.get('/api/v1/cases/DB/case-b')).status).toBe(200);
  });

  it('gives each principal only its scope in lists, whatever the filters', async () => {
    for (const kind of ['region_supervisor', 'department_supervisor', 'officer'] as PrincipalKind[]) {
      const cases = await clients[kind].get<{ items: { departmentCode: string }[] }>('/api/v1/cases?pageSize=500');
      expect([...new Set(cases.body.items.map((c) => c.departmentCode))]).toEqual(['DA']);
      const officers = await clients[kind].get<{ departmentCode: string }[]>('/api/v1/officers');
      expect([...new Set(officers.body.map((o) => o.departmentCode))]).toEqual(['DA']);
    }
    const all = await clients.centre_supervisor.get<{ items: { departmentCode: string }[] }>('/api/v1/cases?pageSize=500');
    expect([...new Set(all.body.items.map((c) => c.departmentCode))].sort()).toEqual(['DA', 'DB']);
    expect(TWO_REGIONS.departments.DB.regionCode).toBe('RB');
  });
});

function isEmpty(body: unknown): boolean {
  if (Array.isArray(body)) return body.length === 0;
  const page = body as { total?: number; items?: unknown[] };
  return page.total === 0 && page.items?.length === 0;
}

function allMissing(body: unknown): boolean {
  const errors = (body as { errors?: { message: string }[] }).errors ?? [];
  return errors.length > 0 && errors.every((e) => e.message === 'not found');
}

function rowsNameDepartment(body: unknown): boolean {
  const errors = (body as { errors?: { path: string }[] }).errors ?? [];
  return errors.length > 0 && errors.every((e) => e.path.endsWith('/departmentCode'));
}

function namesDepartment(body: unknown): boolean {
  const rejected = (body as { rejected?: { errors: { path: string }[] }[] }).rejected ?? [];
  return rejected.length > 0 && rejected.every((r) => r.errors.some((e) => e.path === 'departmentCode'));
}

const strip = (body: unknown, id: string): string => JSON.stringify(body).split(id).join('<id>');
