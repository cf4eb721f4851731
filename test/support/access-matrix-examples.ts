import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PrincipalKind } from '../../apps/api/src/auth/principal';
import { TWO_REGIONS, handledCase } from '../fixtures/two-regions-catalogue';
import { ApiClient, ApiResponse } from './api-client';
import { MATRIX_PASSWORD, signIn } from './principals';
import { waitFor } from './wait-for';

export type Side = 'own' | 'other';

export interface MatrixContext {
  admin: ApiClient;
  department: Record<Side, string>;
  region: Record<Side, string>;
  caseId: Record<Side, string>;
  /** A fresh suffix, so each request that creates something creates something new. */
  fresh(): string;
  /** Each department's API key (to send events that make cards). */
  keys: Record<string, string>;
}

export interface ExampleRequest {
  path: string;
  body?: unknown;
}

/**
 * What a department-bound principal (region RA, department DA, officer O-DA-2, a DA screen, the
 * DA key) gets for the OTHER department's data on a scoped route: `not-found` (404, as for
 * something that does not exist), `empty` (a list without it), or `refused-events` (each event
 * rejected, naming departmentCode), or `refused-as-missing` (a batch refused with 409, each of
 * the other department's objects named "not found", as one that does not exist).
 */
export type OtherSide = 'not-found' | 'empty' | 'refused-events' | 'refused-as-missing';

export interface RouteExample {
  request(side: Side, ctx: MatrixContext): ExampleRequest | Promise<ExampleRequest>;
  /** Status when allowed (own side, or an unbound principal, or an unscoped route). */
  ok: number;
  /** A different status for some kinds (e.g. the admin stands on the centre's side of a card, so the department's actions are not its to take). */
  okFor?: Partial<Record<PrincipalKind, number>>;
  other?: OtherSide;
  /** Further checks on an allowed answer; return a complaint or null. */
  check?(response: ApiResponse, side: Side, kind: PrincipalKind, bound: boolean): string | null;
}

const calendar2026 = JSON.parse(readFileSync(path.resolve(__dirname, '../../resources/holiday-cn/2026.json'), 'utf8')) as unknown;

const nonEmptyList = (response: ApiResponse): string | null =>
  Array.isArray(response.body) && response.body.length > 0 ? null : `expected a non-empty list, got ${JSON.stringify(response.body)}`;

const nonEmptyPage = (response: ApiResponse): string | null => {
  const total = (response.body as { total?: number }).total;
  return total && total > 0 ? null : `expected a non-empty page, got ${JSON.stringify(response.body).slice(0, 120)}`;
};

const withId = async (ctx: MatrixContext, create: string, body: unknown, then: (id: string) => string): Promise<ExampleRequest> => {
  const created = await ctx.admin.post<{ id: string }>(create, body);
  if (created.status !== 201) throw new Error(`prepare ${create}: ${created.status} ${JSON.stringify(created.body)}`);
  return { path: then(created.body.id) };
};

/** Requests that succeed for an allowed principal, keyed by route. Routes without one get a generic probe. */
export const ROUTE_EXAMPLES: Record<string, RouteExample> = {
  'GET /api/v1/regions': { request: () => ({ path: '/api/v1/regions' }), ok: 200, check: nonEmptyList },
  'PUT /api/v1/regions/:code': { request: () => ({ path: '/api/v1/regions/RC', body: { name: '丙区' } }), ok: 200 },
  'GET /api/v1/departments': { request: () => ({ path: '/api/v1/departments' }), ok: 200, check: nonEmptyList },
  'GET /api/v1/departments/:code': { request: (s, c) => ({ path: `/api/v1/departments/${c.department[s]}` }), ok: 200 },
  'PUT /api/v1/departments/:code': {
    request: (s, c) => ({ path: `/api/v1/departments/${c.department[s]}`, body: TWO_REGIONS.departments[c.department[s]] }),
    ok: 200,
  },
  'POST /api/v1/departments/:code/keys': { request: (s, c) => ({ path: `/api/v1/departments/${c.department[s]}/keys`, body: { label: 'matrix' } }), ok: 201 },
  'GET /api/v1/departments/:code/keys': { request: (s, c) => ({ path: `/api/v1/departments/${c.department[s]}/keys` }), ok: 200 },
  'DELETE /api/v1/departments/:code/keys/:id': {
    request: (s, c) => withId(c, `/api/v1/departments/${c.department[s]}/keys`, { label: 'to revoke' }, (id) => `/api/v1/departments/${c.department[s]}/keys/${id}`),
    ok: 204,
  },
  'GET /api/v1/items': { request: () => ({ path: '/api/v1/items' }), ok: 200, check: nonEmptyList },
  'GET /api/v1/items/:code': { request: (s, c) => ({ path: `/api/v1/items/${c.department[s]}-001` }), ok: 200 },
  'PUT /api/v1/items/:code': {
    request: (s, c) => ({ path: `/api/v1/items/${c.department[s]}-001`, body: TWO_REGIONS.items[`${c.department[s]}-001`] }),
    ok: 200,
  },
  'PUT /api/v1/officers/:id': {
    request: (s, c) => ({ path: `/api/v1/officers/O-${c.department[s]}-1`, body: TWO_REGIONS.officers[`O-${c.department[s]}-1`] }),
    ok: 200,
  },
  'GET /api/v1/officers': {
    request: (s, c) => ({ path: `/api/v1/officers?departmentCode=${c.department[s]}` }),
    ok: 200,
    other: 'empty',
    check: (r, side, _kind, bound) => (side === 'other' && bound ? null : nonEmptyList(r)),
  },
  'GET /api/v1/cases': {
    request: (s, c) => ({ path: `/api/v1/cases?departmentCode=${c.department[s]}` }),
    ok: 200,
    other: 'empty',
    check: (r, side, _kind, bound) => {
      const total = (r.body as { total?: number }).total;
      return side === 'other' && bound ? null : total && total > 0 ? null : `expected cases, got total ${total}`;
    },
  },
  'GET /api/v1/cases/:departmentCode/:caseId': {
    request: (s, c) => ({ path: `/api/v1/cases/${c.department[s]}/${c.caseId[s]}` }),
    ok: 200,
    other: 'not-found',
  },
  'POST /api/v1/events': {
    request: (s, c) => ({ path: '/api/v1/events', body: { events: handledCase(c.department[s], `matrix-${c.fresh()}`, `O-${c.department[s]}-1`).slice(0, 1) } }),
    ok: 202,
    other: 'refused-events',
    check: (r, side) => ((r.body as { accepted?: number }).accepted === (side === 'own' ? 1 : 0) ? null : `accepted ${JSON.stringify(r.body)}`),
  },
  'PUT /api/v1/users/:username': {
    request: (_s, c) => ({ path: `/api/v1/users/matrix-${c.fresh()}`, body: { role: 'centre_supervisor', password: 'matrix-password-2' } }),
    ok: 200,
  },
  'GET /api/v1/users': { request: () => ({ path: '/api/v1/users' }), ok: 200, check: nonEmptyList },
  'GET /api/v1/users/:username': { request: () => ({ path: '/api/v1/users/m-officer' }), ok: 200 },
  'POST /api/v1/displays': { request: (s, c) => ({ path: '/api/v1/displays', body: { name: `screen ${c.fresh()}`, departmentCode: c.department[s] } }), ok: 201 },
  'GET /api/v1/displays': { request: () => ({ path: '/api/v1/displays' }), ok: 200, check: nonEmptyList },
  'DELETE /api/v1/displays/:id': { request: (_s, c) => withId(c, '/api/v1/displays', { name: 'to revoke' }, (id) => `/api/v1/displays/${id}`), ok: 204 },
  'GET /api/v1/audit': { request: () => ({ path: '/api/v1/audit?pageSize=5' }), ok: 200 },
  'GET /api/v1/audit/verify': {
    request: () => ({ path: '/api/v1/audit/verify' }),
    ok: 200,
    check: (r) => ((r.body as { ok?: boolean }).ok === true ? null : `chain not ok: ${JSON.stringify(r.body)}`),
  },
  'GET /api/v1/me': {
    request: () => ({ path: '/api/v1/me' }),
    ok: 200,
    check: (r, _side, kind) => ((r.body as { kind?: string }).kind === kind ? null : `me.kind ${JSON.stringify(r.body)}`),
  },
  'GET /api/v1/calendars': { request: () => ({ path: '/api/v1/calendars' }), ok: 200 },
  'GET /api/v1/calendars/:year': { request: () => ({ path: '/api/v1/calendars/2026' }), ok: 200 },
  'PUT /api/v1/calendars/:year': { request: () => ({ path: '/api/v1/calendars/2026', body: calendar2026 }), ok: 200 },
  // Issue 15 items 6–7 (branch `meetings`): joint meetings and county reports.
  'POST /api/v1/county-reports': { request: (s, c) => ({ path: '/api/v1/county-reports', body: { period: freshQuarter(), regionCode: c.region[s] } }), ok: 201, other: 'not-found' },
  'GET /api/v1/county-reports': { request: (s, c) => ({ path: `/api/v1/county-reports?regionCode=${c.region[s]}` }), ok: 200, other: 'empty' },
  'GET /api/v1/county-reports/:id': { request: (s, c) => countyReport(c, s, 'DRAFT', (id) => `/api/v1/county-reports/${id}`), ok: 200, other: 'not-found' },
  'PUT /api/v1/county-reports/:id': {
    request: async (s, c) => ({ ...(await countyReport(c, s, 'DRAFT', (id) => `/api/v1/county-reports/${id}`)), body: { narrative: '本季度工作' } }),
    ok: 200,
    other: 'not-found',
  },
  'POST /api/v1/county-reports/:id/submit': { request: (s, c) => countyReport(c, s, 'DRAFT', (id) => `/api/v1/county-reports/${id}/submit`), ok: 200, other: 'not-found' },
  'POST /api/v1/county-reports/:id/acknowledge': { request: (s, c) => countyReport(c, s, 'SUBMITTED', (id) => `/api/v1/county-reports/${id}/acknowledge`), ok: 200 },
  'POST /api/v1/county-reports/:id/guidance': {
    request: async (s, c) => ({ ...(await countyReport(c, s, 'SUBMITTED', (id) => `/api/v1/county-reports/${id}/guidance`)), body: { text: '请加强督办' } }),
    ok: 200,
  },
  'GET /api/v1/county-reports/late': { request: () => ({ path: '/api/v1/county-reports/late?period=2025Q1' }), ok: 200 },
  'GET /api/v1/county-reports/settings': { request: () => ({ path: '/api/v1/county-reports/settings' }), ok: 200 },
  'PUT /api/v1/county-reports/settings': { request: () => ({ path: '/api/v1/county-reports/settings', body: { dueDaysAfterPeriodEnd: 15 } }), ok: 200 },
  'POST /api/v1/joint-meetings/:quarter': {
    request: () => ({ path: `/api/v1/joint-meetings/${freshQuarter()}`, body: { heldOn: '2026-01-10', attendees: [{ code: 'JCJ', name: '市监察局' }] } }),
    ok: 201,
  },
  'GET /api/v1/joint-meetings/:quarter': { request: async (_s, c) => ({ path: `/api/v1/joint-meetings/${await jointMeeting(c)}` }), ok: 200 },
  'POST /api/v1/joint-meetings/:quarter/resolutions': {
    request: async (_s, c) => ({ path: `/api/v1/joint-meetings/${await jointMeeting(c)}/resolutions`, body: { text: '落实整改', owner: { code: 'DA', name: '甲区市场监督管理局' }, dueOn: '2099-12-31' } }),
    ok: 201,
  },
  // Posts and duties (岗位责任信息库): each request works on a fresh post of the side's department.
  'GET /api/v1/posts': { request: (s, c) => ({ path: `/api/v1/posts?departmentCode=${c.department[s]}` }), ok: 200, other: 'empty' },
  'GET /api/v1/posts/export': { request: (s, c) => ({ path: `/api/v1/posts/export?format=csv&departmentCode=${c.department[s]}` }), ok: 200 },
  'POST /api/v1/posts': { request: (s, c) => ({ path: '/api/v1/posts', body: postBody(c.department[s], c.fresh()) }), ok: 201, other: 'not-found' },
  'GET /api/v1/posts/:id': { request: (s, c) => withId(c, '/api/v1/posts', postBody(c.department[s], c.fresh()), (id) => `/api/v1/posts/${id}`), ok: 200, other: 'not-found' },
  'PUT /api/v1/posts/:id': {
    request: async (s, c) => {
      const { departmentCode: _d, code: _c, ...fields } = postBody(c.department[s], c.fresh());
      return { ...(await withId(c, '/api/v1/posts', postBody(c.department[s], c.fresh()), (id) => `/api/v1/posts/${id}`)), body: fields };
    },
    ok: 200,
    other: 'not-found',
  },
  'DELETE /api/v1/posts/:id': { request: (s, c) => withId(c, '/api/v1/posts', postBody(c.department[s], c.fresh()), (id) => `/api/v1/posts/${id}`), ok: 204, other: 'not-found' },
  'POST /api/v1/posts/:id/holdings': {
    request: async (s, c) => ({
      ...(await withId(c, '/api/v1/posts', postBody(c.department[s], c.fresh()), (id) => `/api/v1/posts/${id}/holdings`)),
      body: { officerId: `O-${c.department[s]}-1`, validFrom: '2025-01-01' },
    }),
    ok: 201,
    other: 'not-found',
  },
  // Issue 17.6: own versus other department on scoped reads by code (a bound principal: 404 for DB).
  'GET /api/v1/reports/departments/:code': {
    request: (s, c) => ({ path: `/api/v1/reports/departments/${c.department[s]}?from=2026-01-01&to=2026-01-31` }),
    ok: 200,
    other: 'not-found',
  },
  'GET /api/v1/reports/regions/:regionCode': {
    request: (s, c) => ({ path: `/api/v1/reports/regions/${c.region[s]}?from=2026-01-01&to=2026-01-31` }),
    ok: 200,
    other: 'not-found',
  },
  'GET /api/v1/departments/:code/notification-channels': {
    request: (s, c) => ({ path: `/api/v1/departments/${c.department[s]}/notification-channels` }),
    ok: 200,
    other: 'not-found',
  },
  'GET /api/v1/officers/:id/notification-channels': {
    request: (s, c) => ({ path: `/api/v1/officers/O-${c.department[s]}-1/notification-channels` }),
    ok: 200,
    other: 'not-found',
  },
  'PUT /api/v1/departments/:code/notification-channels': {
    request: (s, c) => ({ path: `/api/v1/departments/${c.department[s]}/notification-channels`, body: [] }),
    ok: 200,
    other: 'not-found',
  },
  // Issue 15, clues.
  'PUT /api/v1/accountability-bodies/:code': { request: () => ({ path: '/api/v1/accountability-bodies/M-BODY', body: { name: 'matrix body', kind: 'AUDIT' } }), ok: 200 },
  'GET /api/v1/accountability-bodies': { request: () => ({ path: '/api/v1/accountability-bodies' }), ok: 200, check: nonEmptyList },
  'GET /api/v1/clues': { request: (s, c) => ({ path: `/api/v1/clues?departmentCode=${c.department[s]}` }), ok: 200, other: 'empty' },
  'POST /api/v1/clues': {
    request: (s, c) => ({
      path: '/api/v1/clues',
      body: { channel: 'NEWS_MEDIA', subject: `matrix ${c.fresh()}`, detail: 'x', departmentCodes: [c.department[s]], source: { referenceNo: 'M-1', title: 'matrix', date: '2026-01-05' } },
    }),
    ok: 201,
  },
  'GET /api/v1/clues/:id': {
    request: (s, c) =>
      withId(c, '/api/v1/clues', { channel: 'NEWS_MEDIA', subject: `matrix ${c.fresh()}`, detail: 'x', departmentCodes: [c.department[s]], source: { referenceNo: 'M-1', title: 'matrix', date: '2026-01-05' } }, (id) => `/api/v1/clues/${id}`),
    ok: 200,
    other: 'not-found',
  },
  'GET /api/v1/clue-deliveries': { request: () => ({ path: '/api/v1/clue-deliveries' }), ok: 200 },
  'GET /api/v1/clue-deliveries/export': { request: () => ({ path: '/api/v1/clue-deliveries/export?format=csv' }), ok: 200 },
  // Issue 17.6, cards: each request works on a fresh card of the side's department (raised by hand
  // on its case, or held by a rule set to hold), so a principal bound to DA is shown to neither see
  // nor move DB's cards: 404, as for a card that does not exist.
  'GET /api/v1/alerts': {
    request: async (s, c) => ({ path: `/api/v1/alerts?departmentCode=${c.department[s]}&caseId=${await sharedCardCase(c, s)}` }),
    ok: 200,
    other: 'empty',
    check: (r, side, _kind, bound) => (side === 'other' && bound ? null : nonEmptyPage(r)),
  },
  'GET /api/v1/alerts/:id': { request: async (s, c) => ({ path: `/api/v1/alerts/${await card(c, s)}` }), ok: 200, other: 'not-found' },
  'POST /api/v1/alerts': {
    request: (s, c) => ({ path: '/api/v1/alerts', body: { departmentCode: c.department[s], caseId: c.caseId[s], level: 'YELLOW', reason: `matrix ${c.fresh()}` } }),
    ok: 201,
    other: 'not-found',
  },
  'POST /api/v1/alerts/:id/acknowledge': { ...cardAction('OPEN', 'acknowledge', {}), okFor: { admin: 403 } },
  'POST /api/v1/alerts/:id/rectify': { ...cardAction('OPEN', 'rectify', { comment: '已整改' }), okFor: { admin: 403 } },
  'POST /api/v1/alerts/:id/appeal': { ...cardAction('OPEN', 'appeal', { comment: '申诉理由' }), okFor: { admin: 403 } },
  'POST /api/v1/alerts/:id/close': cardAction('RECTIFIED', 'close', {}),
  'POST /api/v1/alerts/:id/dismiss': cardAction('OPEN', 'dismiss', { comment: '撤销理由' }),
  'POST /api/v1/alerts/:id/decide-appeal': cardAction('APPEALED', 'decide-appeal', { decision: 'MAINTAIN', reply: '维持' }),
  'POST /api/v1/alerts/:id/confirm': { request: async (s, c) => ({ path: `/api/v1/alerts/${await heldCard(c, s)}/confirm`, body: {} }), ok: 200, other: 'not-found' },
  'POST /api/v1/alerts/:id/discard': { request: async (s, c) => ({ path: `/api/v1/alerts/${await heldCard(c, s)}/discard`, body: { reason: '不予发牌' } }), ok: 200, other: 'not-found' },
  'POST /api/v1/alerts/batch-close': {
    request: async (s, c) => ({ path: '/api/v1/alerts/batch-close', body: { ids: [await card(c, s, 'RECTIFIED')], reason: '整改到位' } }),
    ok: 200,
    other: 'refused-as-missing',
  },
};

let quarterCounter = 0;
/** A quarter no example has used yet (county reports and meetings are one per quarter). */
const freshQuarter = (): string => `${2001 + Math.floor(quarterCounter / 4)}Q${(quarterCounter++ % 4) + 1}`;

/** A county report of the side's region, made by the admin, in the given state. */
async function countyReport(ctx: MatrixContext, side: Side, state: 'DRAFT' | 'SUBMITTED', then: (id: string) => string): Promise<ExampleRequest> {
  const created = await ctx.admin.post<{ id: string }>('/api/v1/county-reports', { period: freshQuarter(), regionCode: ctx.region[side], narrative: '本季度工作' });
  if (created.status !== 201) throw new Error(`prepare county report: ${created.status} ${JSON.stringify(created.body)}`);
  if (state === 'SUBMITTED' && (await ctx.admin.post(`/api/v1/county-reports/${created.body.id}/submit`)).status !== 200) throw new Error('prepare: submit');
  return { path: then(created.body.id) };
}

let meetingQuarter: Promise<string> | null = null;
/** One joint meeting for the read and resolution examples. */
function jointMeeting(ctx: MatrixContext): Promise<string> {
  meetingQuarter ??= (async () => {
    const quarter = '2000Q4';
    const created = await ctx.admin.post(`/api/v1/joint-meetings/${quarter}`, { heldOn: '2026-01-10', attendees: [{ code: 'JCJ', name: '市监察局' }] });
    if (created.status !== 201) throw new Error(`prepare joint meeting: ${created.status} ${JSON.stringify(created.body)}`);
    return quarter;
  })();
  return meetingQuarter;
}

function postBody(departmentCode: string, suffix: string) {
  return { departmentCode, code: `P-${suffix}`, name: '受理岗', duties: '受理申请', legalBasis: '《行政许可法》第三十二条', itemCodes: [], stepCodes: ['ACCEPT'], isHead: false };
}

/** For a route without an example: its path with parameters filled in for the side, and an empty body. */
export function genericRequest(routePath: string, side: Side, ctx: MatrixContext): ExampleRequest {
  const filled = routePath.replace(/:(\w+)/g, (_match, name: string) => {
    if (name === 'departmentCode' || (name === 'code' && routePath.includes('/departments/'))) return ctx.department[side];
    if (name === 'regionCode') return ctx.region[side];
    if (name === 'caseId') return ctx.caseId[side];
    return `matrix-${name}`;
  });
  return { path: filled, body: {} };
}

const departmentSupervisors = new Map<string, Promise<ApiClient>>();
/** A department supervisor of the department, signed in, to take the department's side in preparations. */
function departmentSupervisorOf(ctx: MatrixContext, department: string): Promise<ApiClient> {
  let client = departmentSupervisors.get(department);
  if (!client) {
    client = (async () => {
      const username = `m-prep-${department.toLowerCase()}`;
      const put = await ctx.admin.put(`/api/v1/users/${username}`, { role: 'department_supervisor', departmentCode: department, password: MATRIX_PASSWORD });
      if (put.status !== 200) throw new Error(`prepare ${username}: ${put.status} ${JSON.stringify(put.body)}`);
      return ctx.admin.withToken(await signIn(ctx.admin.withToken(null), username, MATRIX_PASSWORD));
    })();
    departmentSupervisors.set(department, client);
  }
  return client;
}

/** A card raised by hand on the side's case (its responsible officer: O-DA-2 for DA), then brought to `state` by the department. */
async function card(ctx: MatrixContext, side: Side, state: 'OPEN' | 'RECTIFIED' | 'APPEALED' = 'OPEN'): Promise<string> {
  const department = ctx.department[side];
  const raised = await ctx.admin.post<{ id: string }>('/api/v1/alerts', { departmentCode: department, caseId: ctx.caseId[side], level: 'YELLOW', reason: `matrix ${ctx.fresh()}` });
  if (raised.status !== 201) throw new Error(`prepare card: ${raised.status} ${JSON.stringify(raised.body)}`);
  if (state !== 'OPEN') {
    const moved = await (await departmentSupervisorOf(ctx, department)).post(`/api/v1/alerts/${raised.body.id}/${state === 'RECTIFIED' ? 'rectify' : 'appeal'}`, { comment: 'matrix' });
    if (moved.status !== 200) throw new Error(`prepare card ${state}: ${moved.status} ${JSON.stringify(moved.body)}`);
  }
  return raised.body.id;
}

const sharedCards = new Map<Side, Promise<string>>();
/** The side's case, after one card was raised on it (for the list examples). */
function sharedCardCase(ctx: MatrixContext, side: Side): Promise<string> {
  if (!sharedCards.has(side)) sharedCards.set(side, card(ctx, side).then(() => ctx.caseId[side]));
  return sharedCards.get(side)!;
}

function cardAction(state: 'OPEN' | 'RECTIFIED' | 'APPEALED', action: string, body: unknown): RouteExample {
  return { request: async (s, c) => ({ path: `/api/v1/alerts/${await card(c, s, state)}/${action}`, body }), ok: 200, other: 'not-found' };
}

/** A held card (待发, PENDING) of the side's department: a case accepted long ago, its statutory-overdue rule set to hold. */
async function heldCard(ctx: MatrixContext, side: Side): Promise<string> {
  const hold = await ctx.admin.put('/api/v1/rule-settings', { STATUTORY_OVERDUE: { holdForConfirmation: true } });
  if (hold.status !== 200) throw new Error(`prepare hold: ${hold.status} ${JSON.stringify(hold.body)}`);
  const department = ctx.department[side];
  const caseId = `held-${ctx.fresh()}`;
  const base = { departmentCode: department, caseId, itemCode: `${department}-001`, officerId: `O-${department}-1` };
  const events = [
    { ...base, eventId: `${caseId}-e1`, seq: 1, type: 'SUBMITTED', occurredAt: '2025-09-26T10:00:00+08:00', data: { channel: 'WINDOW', documents: ['营业执照'] } },
    { ...base, eventId: `${caseId}-e2`, seq: 2, type: 'ACCEPTED', occurredAt: '2025-09-26T10:00:00+08:00', data: {} },
  ];
  const sent = await ctx.admin.withToken(ctx.keys[department]).post('/api/v1/events', { events });
  if (sent.status !== 202) throw new Error(`prepare held case: ${sent.status} ${JSON.stringify(sent.body)}`);
  return waitFor(async () => {
    const held = await ctx.admin.get<{ items: { id: string; rule: string }[] }>(`/api/v1/alerts?state=PENDING&caseId=${caseId}`);
    return held.body.items.find((c) => c.rule === 'STATUTORY_OVERDUE')?.id;
  }, `held card of ${caseId}`);
}
