import { PERMISSIONS, permits } from '../apps/api/src/auth/access-policy';
import { PRINCIPAL_KINDS, PrincipalKind } from '../apps/api/src/auth/principal';
import { handledCase, TWO_REGIONS } from './fixtures/two-regions-catalogue';
import { ApiClient, ApiResponse } from './support/api-client';
import { ExampleRequest, genericRequest, MatrixContext, ROUTE_EXAMPLES, Side } from './support/access-matrix-examples';
import { setUpCatalogue } from './support/catalogue-setup';
import { clientsPerKind } from './support/principals';
import { DiscoveredRoute, discoverRoutes } from './support/route-table';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

/** Principals bound to department DA (directly, by region RA, or as officer O-DA-2): DB is not theirs. */
const BOUND: ReadonlySet<PrincipalKind> = new Set(['region_supervisor', 'department_supervisor', 'officer', 'display', 'department']);

/** The guard's refusal (as opposed to a 403 a handler might give for a business reason). */
const isGuardRefusal = (r: ApiResponse): boolean =>
  r.status === 403 && /may not do this$/.test(String((r.body as { errors?: { message?: string }[] })?.errors?.[0]?.message));

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

  it('answers each principal kind exactly as the decision table says, own and other department', async () => {
    const failures: string[] = [];
    let checks = 0;
    for (const route of routes.filter((r) => !r.isPublic && r.permission !== null)) {
      const permission = PERMISSIONS[route.permission!];
      const example = ROUTE_EXAMPLES[route.key];
      for (const kind of PRINCIPAL_KINDS) {
        for (const side of ['own', 'other'] as Side[]) {
          const allowed = permits(route.permission!, kind);
          const request: ExampleRequest = allowed && example ? await example.request(side, ctx) : genericRequest(route.path, side, ctx);
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
          const foreign = side === 'other' && permission.scoped && BOUND.has(kind);
          const expected = foreign && example.other === 'not-found' ? 404 : example.ok;
          if (r.status !== expected) failures.push(`expected ${expected} — ${where}`);
          else if (foreign && example.other === 'empty' && !isEmpty(r.body)) failures.push(`expected nothing of the other department — ${where}`);
          else if (foreign && example.other === 'refused-events' && !namesDepartment(r.body)) failures.push(`expected events refused by departmentCode — ${where}`);
          else {
            const complaint = example.check?.(r, side, kind, BOUND.has(kind));
            if (complaint) failures.push(`${complaint} — ${where}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checks).toBeGreaterThanOrEqual(routes.length * 2 * PRINCIPAL_KINDS.length - 200);
  });

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

function namesDepartment(body: unknown): boolean {
  const rejected = (body as { rejected?: { errors: { path: string }[] }[] }).rejected ?? [];
  return rejected.length > 0 && rejected.every((r) => r.errors.some((e) => e.path === 'departmentCode'));
}

const strip = (body: unknown, id: string): string => JSON.stringify(body).split(id).join('<id>');
