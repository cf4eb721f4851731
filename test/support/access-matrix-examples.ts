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
 * the other department's objects named "not found", as one that does not exist), `refused-rows`
 * (a file refused with 400, each of the other department's rows named at its departmentCode, as a
 * department that does not exist), or `left-out`
 * (a summary that leaves the other department out: the example's `check` proves it).
 */
export type OtherSide = 'not-found' | 'empty' | 'refused-events' | 'refused-as-missing' | 'refused-rows' | 'left-out';

/** Who makes the request (for objects only their owner may change, such as a watch-list). */
export interface Caller {
  kind: PrincipalKind;
  client: ApiClient;
  /** Bound to DA (directly, by region or as an officer): DB is not theirs. */
  bound: boolean;
}

export interface RouteExample {
  request(side: Side, ctx: MatrixContext, caller: Caller): ExampleRequest | Promise<ExampleRequest>;
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
  'GET /api/v1/posts/export': {
    request: async (s, c) => {
      await withId(c, '/api/v1/posts', postBody(c.department[s], c.fresh()), (id) => id);
      return { path: `/api/v1/posts/export?format=csv&departmentCode=${c.department[s]}` };
    },
    ok: 200,
    other: 'left-out',
    // The header, then the department's posts: none for the other department.
    check: (r, side, _kind, bound) => {
      const rows = String(r.body).split(/\r?\n/).filter((line) => line.trim() !== '').length - 1;
      return side === 'other' && bound ? (rows === 0 ? null : `expected no rows of the other department, got ${rows}`) : rows > 0 ? null : 'expected the department’s posts';
    },
  },
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
  // Complaints (投诉) and supervision orders (督办), each request on a fresh one of the side's department.
  'POST /api/v1/complaints': { request: (s, c) => ({ path: '/api/v1/complaints', body: complaintBody(c, s) }), ok: 201, other: 'not-found' },
  'GET /api/v1/complaints': {
    request: async (s, c) => (await complaint(c, s), { path: `/api/v1/complaints?departmentCode=${c.department[s]}` }),
    ok: 200,
    other: 'empty',
    check: (r, side, _kind, bound) => (side === 'other' && bound ? null : nonEmptyPage(r)),
  },
  'GET /api/v1/complaints/:id': { request: async (s, c) => ({ path: `/api/v1/complaints/${await complaint(c, s)}` }), ok: 200, other: 'not-found' },
  'POST /api/v1/complaints/:id/accept': { request: async (s, c) => ({ path: `/api/v1/complaints/${await complaint(c, s)}/accept`, body: {} }), ok: 200, other: 'not-found' },
  'POST /api/v1/complaints/:id/refuse': { request: async (s, c) => ({ path: `/api/v1/complaints/${await complaint(c, s)}/refuse`, body: { reason: '不属于受理范围' } }), ok: 200, other: 'not-found' },
  'POST /api/v1/complaints/:id/answer': {
    request: async (s, c) => ({ path: `/api/v1/complaints/${await complaint(c, s, 'ACCEPTED')}/answer`, body: { answer: '已办结并说明' } }),
    ok: 200,
    other: 'not-found',
  },
  'POST /api/v1/complaints/:id/conclude': {
    request: async (s, c) => ({ path: `/api/v1/complaints/${await complaint(c, s, 'ANSWERED')}/conclude`, body: { conclusion: '投诉属实', substantiated: true } }),
    ok: 200,
    other: 'not-found',
  },
  'POST /api/v1/supervision-orders': { request: (s, c) => ({ path: '/api/v1/supervision-orders', body: orderBody(c, s) }), ok: 201, other: 'not-found' },
  'GET /api/v1/supervision-orders': {
    request: async (s, c) => (await order(c, s), { path: `/api/v1/supervision-orders?departmentCode=${c.department[s]}` }),
    ok: 200,
    other: 'empty',
    check: (r, side, _kind, bound) => (side === 'other' && bound ? null : nonEmptyPage(r)),
  },
  'GET /api/v1/supervision-orders/:id': { request: async (s, c) => ({ path: `/api/v1/supervision-orders/${await order(c, s)}` }), ok: 200, other: 'not-found' },
  'POST /api/v1/supervision-orders/:id/reply': orderAction('ISSUED', 'reply', { reply: '已办结' }, 200),
  'POST /api/v1/supervision-orders/:id/close': orderAction('ISSUED', 'close', { comment: '已落实' }, 200),
  'POST /api/v1/supervision-orders/:id/verify': orderAction('REPLIED', 'verify', { outcome: 'VERIFIED', comment: '核实已落实' }, 200),
  'POST /api/v1/supervision-orders/:id/reissue': orderAction('NOT_CARRIED_OUT', 'reissue', { comment: '再次督办' }, 201),
  'POST /api/v1/supervision-orders/:id/escalate': orderAction('NOT_CARRIED_OUT', 'escalate', { comment: '拒不落实' }, 200),
  // The accountability register (岗位责任和行政责任追究信息库): records of the side's department, made fresh.
  'POST /api/v1/register/faults': { request: async (s, c) => ({ path: '/api/v1/register/faults', body: await faultBody(c, s) }), ok: 201, other: 'not-found' },
  'POST /api/v1/register/entries': {
    request: (s, c) => ({ path: '/api/v1/register/entries', body: { kind: 'REPRIMAND', departmentCode: c.department[s], officerId: `O-${c.department[s]}-1`, measure: 'REPRIMAND', basis: '训诫' } }),
    ok: 201,
    other: 'not-found',
  },
  'POST /api/v1/register/department-entries': { request: (s, c) => ({ path: '/api/v1/register/department-entries', body: departmentEntryBody(c, s) }), ok: 201, other: 'not-found' },
  'POST /api/v1/register/warning-talks': {
    request: async (s, c) => ({ path: '/api/v1/register/warning-talks', body: { officerId: await freshOfficer(c, s), notes: '警醒谈话' } }),
    ok: 201,
    other: 'not-found',
  },
  'GET /api/v1/register/entries': {
    request: async (s, c) => {
      await registerEntry(c, s);
      return { path: `/api/v1/register/entries?departmentCode=${c.department[s]}` };
    },
    ok: 200,
    other: 'empty',
    check: (r, side, _kind, bound) => (side === 'other' && bound ? null : nonEmptyPage(r)),
  },
  'GET /api/v1/register/entries/:id': { request: async (s, c) => ({ path: `/api/v1/register/entries/${await registerEntry(c, s)}` }), ok: 200, other: 'not-found' },
  'POST /api/v1/register/entries/:id/appeal': { request: async (s, c) => ({ path: `/api/v1/register/entries/${await fault(c, s)}/appeal`, body: { reason: '不服' } }), ok: 200, other: 'not-found' },
  'POST /api/v1/register/entries/:id/decide-appeal': {
    request: async (s, c) => ({ path: `/api/v1/register/entries/${await fault(c, s, true)}/decide-appeal`, body: { decision: 'REJECT', comment: '维持' } }),
    ok: 200,
    other: 'not-found',
  },
  'POST /api/v1/register/entries/:id/confirm-proposal': {
    request: async (s, c) => ({ path: `/api/v1/register/entries/${await headProposal(c, s)}/confirm-proposal`, body: { measure: 'ORDERED_APOLOGY', comment: '责令公开道歉', officerId: `O-${c.department[s]}-1` } }),
    ok: 200,
    other: 'not-found',
  },
  'POST /api/v1/register/entries/:id/dismiss-proposal': {
    request: async (s, c) => ({ path: `/api/v1/register/entries/${await headProposal(c, s)}/dismiss-proposal`, body: { comment: '不予追究' } }),
    ok: 200,
    other: 'not-found',
  },
  'GET /api/v1/register/officers/:officerId/years/:year': { request: (s, c) => ({ path: `/api/v1/register/officers/O-${c.department[s]}-1/years/2026` }), ok: 200, other: 'not-found' },
  'GET /api/v1/register/warning-talks/coverage': {
    request: (s, c) => ({ path: `/api/v1/register/warning-talks/coverage?year=2026&departmentCode=${c.department[s]}` }),
    ok: 200,
    other: 'left-out',
    check: (r, side, _kind, bound) => onlyDepartments(r, 'departments', side === 'other' && bound ? [] : null),
  },
  'GET /api/v1/register/years/:year': {
    request: async (s, c) => {
      await fault(c, s);
      return { path: `/api/v1/register/years/2026?departmentCode=${c.department[s]}` };
    },
    ok: 200,
    other: 'left-out',
    check: (r, side, _kind, bound) => onlyDepartments(r, 'officers', side === 'other' && bound ? [] : null) ?? onlyDepartments(r, 'warningTalks', side === 'other' && bound ? [] : null),
  },
  // Notification deliveries of a card of the side's department (its officer's in-app notice).
  'GET /api/v1/notification-deliveries': {
    request: async (s, c) => {
      await delivery(c, s);
      return { path: `/api/v1/notification-deliveries?departmentCode=${c.department[s]}` };
    },
    ok: 200,
    other: 'empty',
    check: (r, side, _kind, bound) => (side === 'other' && bound ? null : nonEmptyPage(r)),
  },
  'GET /api/v1/notification-deliveries/:id': { request: async (s, c) => ({ path: `/api/v1/notification-deliveries/${await delivery(c, s)}` }), ok: 200, other: 'not-found' },
  // Only a dead delivery is retried: the own side reaches that rule (409), the other is not found.
  'POST /api/v1/notification-deliveries/:id/retry': {
    request: async (s, c) => ({ path: `/api/v1/notification-deliveries/${await delivery(c, s)}/retry`, body: {} }),
    ok: 409,
    other: 'not-found',
  },
  // Reports a body copies to the centre, linked to the side's department, from a body of the side.
  'POST /api/v1/body-reports': { request: async (s, c) => ({ path: '/api/v1/body-reports', body: await bodyReportBody(c, s) }), ok: 201 },
  'GET /api/v1/body-reports': {
    request: async (s, c) => {
      await bodyReport(c, s);
      return { path: `/api/v1/body-reports?bodyCode=M-${c.department[s]}` };
    },
    ok: 200,
    other: 'empty',
    check: (r, side, _kind, bound) => (side === 'other' && bound ? null : nonEmptyPage(r)),
  },
  'GET /api/v1/body-reports/:id': { request: async (s, c) => ({ path: `/api/v1/body-reports/${await bodyReport(c, s)}` }), ok: 200, other: 'not-found' },
  'POST /api/v1/rule-settings/dry-run': { request: (s, c) => ({ path: `/api/v1/rule-settings/dry-run?departmentCode=${c.department[s]}`, body: {} }), ok: 200, other: 'not-found' },
  'PUT /api/v1/officers/:id/notification-channels': {
    request: (s, c) => ({ path: `/api/v1/officers/O-${c.department[s]}-1/notification-channels`, body: [] }),
    ok: 200,
    other: 'not-found',
  },
  // Posts: a card's post, the export, ending a holding, the import, for the side's department.
  'GET /api/v1/posts/cards/:alertId': { request: async (s, c) => ({ path: `/api/v1/posts/cards/${await card(c, s)}` }), ok: 200, other: 'not-found' },
  'POST /api/v1/posts/:id/holdings/:holdingId/end': {
    request: async (s, c) => {
      const post = await withId(c, '/api/v1/posts', postBody(c.department[s], c.fresh()), (id) => id);
      // The answer is the post with its holdings.
      const held = await c.admin.post<{ holdings: { id: string }[] }>(`/api/v1/posts/${post.path}/holdings`, { officerId: `O-${c.department[s]}-1`, validFrom: '2025-01-01' });
      if (held.status !== 201) throw new Error(`prepare holding: ${held.status} ${JSON.stringify(held.body)}`);
      return { path: `/api/v1/posts/${post.path}/holdings/${held.body.holdings[0].id}/end`, body: { validTo: '2025-11-30' } };
    },
    ok: 200,
    other: 'not-found',
  },
  'POST /api/v1/posts/import': {
    request: (s, c) => ({ path: '/api/v1/posts/import', body: { format: 'csv', contentBase64: Buffer.from(postsCsv(c.department[s], c.fresh())).toString('base64') } }),
    ok: 200,
    other: 'refused-rows',
  },
  // Clues: the centre's own decisions (no department-bound principal takes them), and a delivery to the liaison's body.
  'POST /api/v1/clues/:id/assign': { request: async (s, c) => ({ path: `/api/v1/clues/${await clue(c, s)}/assign`, body: { assignee: 'm-centre-supervisor' } }), ok: 200 },
  'POST /api/v1/clues/:id/conclude': {
    request: async (s, c) => ({ path: `/api/v1/clues/${await clue(c, s, true)}/conclude`, body: { outcome: 'UNSUBSTANTIATED', conclusion: '查无实据' } }),
    ok: 200,
  },
  'GET /api/v1/clue-deliveries/:id': { request: async (s, c) => ({ path: `/api/v1/clue-deliveries/${await clueDelivery(c, s)}` }), ok: 200 },
  'POST /api/v1/clue-deliveries/:id/acknowledge': { request: async (s, c) => ({ path: `/api/v1/clue-deliveries/${await clueDelivery(c, s)}/acknowledge`, body: { reply: '已收到' } }), ok: 200 },
  // Watch-lists (跟踪) belong to their owner and are shared within the owner's scope: the other side
  // is a list shared within DB (by DB's supervisor) or DB's case, which a caller bound to DA cannot reach.
  'GET /api/v1/watchlists': {
    request: async (_s, c) => {
      await Promise.all([sharedList(c, 'own'), sharedList(c, 'other')]);
      return { path: '/api/v1/watchlists' };
    },
    ok: 200,
    other: 'left-out',
    check: (r, side, _kind, bound) => {
      const names = (r.body as { name: string }[]).map((l) => l.name);
      if (side === 'other' && bound) return names.includes(sharedListName('other')) ? 'expected no list shared within the other department' : null;
      return names.includes(sharedListName(side)) ? null : `expected the list shared within the ${side} department`;
    },
  },
  'GET /api/v1/watchlists/:id': { request: async (s, c) => ({ path: `/api/v1/watchlists/${await sharedList(c, s)}` }), ok: 200, other: 'not-found' },
  'PUT /api/v1/watchlists/:id': { request: async (s, c, caller) => ({ path: `/api/v1/watchlists/${await listFor(s, c, caller)}`, body: { name: '改名' } }), ok: 200, other: 'not-found' },
  'DELETE /api/v1/watchlists/:id': { request: async (s, c, caller) => ({ path: `/api/v1/watchlists/${await listFor(s, c, caller)}` }), ok: 204, other: 'not-found' },
  'PUT /api/v1/watchlists/:id/cases/:departmentCode/:caseId': {
    request: async (s, c, caller) => ({ path: `/api/v1/watchlists/${await listOf(c, caller.client)}/cases/${c.department[s]}/${c.caseId[s]}`, body: { note: '跟踪' } }),
    ok: 200,
    other: 'not-found',
  },
  'DELETE /api/v1/watchlists/:id/cases/:departmentCode/:caseId': {
    request: async (s, c, caller) => {
      const id = await listOf(c, caller.client);
      const path = `/api/v1/watchlists/${id}/cases/${c.department[s]}/${c.caseId[s]}`;
      // The caller puts the case on its list first, where it can: a caller bound to DA cannot add DB's case.
      if (!(s === 'other' && caller.bound)) {
        const added = await caller.client.put(path, {});
        if (added.status !== 200) throw new Error(`prepare watch-list case: ${added.status} ${JSON.stringify(added.body)}`);
      }
      return { path };
    },
    ok: 204,
    other: 'not-found',
  },
  // Reports over the caller's scope: the other department's lines are left out for a caller bound to DA.
  'GET /api/v1/reports/exports/monitoring': {
    request: (s, c) => ({ path: `/api/v1/reports/exports/monitoring?departmentCode=${c.department[s]}&from=2026-01-01&to=2026-01-31&format=csv` }),
    ok: 200,
    other: 'not-found',
  },
  'GET /api/v1/reports/city': {
    request: () => ({ path: '/api/v1/reports/city?from=2026-01-01&to=2026-01-31' }),
    ok: 200,
    other: 'left-out',
    check: (r, side, _kind, bound) => linesOf(r, (r.body as { departments?: { code: string }[] }).departments?.map((d) => d.code), side, bound),
  },
  'GET /api/v1/reports/quarterly/:quarter': {
    request: () => ({ path: '/api/v1/reports/quarterly/2026Q1?live=true' }),
    ok: 200,
    other: 'left-out',
    check: (r, side, _kind, bound) => linesOf(r, (r.body as { rows?: { departmentCode: string }[] }).rows?.map((d) => d.departmentCode), side, bound),
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

const complaintBody = (ctx: MatrixContext, side: Side) => ({ departmentCode: ctx.department[side], channel: 'HOTLINE', subject: `matrix ${ctx.fresh()}`, content: '申请后一个月未获答复' });

/** A complaint of the side's department, registered by the admin and taken by it to `state`. */
async function complaint(ctx: MatrixContext, side: Side, state: 'RECEIVED' | 'ACCEPTED' | 'ANSWERED' = 'RECEIVED'): Promise<string> {
  const created = await ctx.admin.post<{ id: string }>('/api/v1/complaints', complaintBody(ctx, side));
  if (created.status !== 201) throw new Error(`prepare complaint: ${created.status} ${JSON.stringify(created.body)}`);
  const steps: [string, unknown][] = state === 'RECEIVED' ? [] : state === 'ACCEPTED' ? [['accept', {}]] : [['accept', {}], ['answer', { answer: '已办结' }]];
  for (const [step, body] of steps) {
    const moved = await ctx.admin.post(`/api/v1/complaints/${created.body.id}/${step}`, body);
    if (moved.status !== 200) throw new Error(`prepare complaint ${step}: ${moved.status} ${JSON.stringify(moved.body)}`);
  }
  return created.body.id;
}

const orderBody = (ctx: MatrixContext, side: Side) => ({ departmentCode: ctx.department[side], subject: `matrix ${ctx.fresh()}`, detail: '限期办结并书面答复', deadlineWorkingDays: 5 });

/** A supervision order to the side's department, issued by the admin and taken by it to `state`. */
async function order(ctx: MatrixContext, side: Side, state: 'ISSUED' | 'REPLIED' | 'NOT_CARRIED_OUT' = 'ISSUED'): Promise<string> {
  const created = await ctx.admin.post<{ id: string }>('/api/v1/supervision-orders', orderBody(ctx, side));
  if (created.status !== 201) throw new Error(`prepare order: ${created.status} ${JSON.stringify(created.body)}`);
  const steps: [string, unknown][] = [];
  if (state !== 'ISSUED') steps.push(['reply', { reply: '已研究' }]);
  if (state === 'NOT_CARRIED_OUT') steps.push(['verify', { outcome: 'NOT_CARRIED_OUT', comment: '未落实' }]);
  for (const [step, body] of steps) {
    const moved = await ctx.admin.post(`/api/v1/supervision-orders/${created.body.id}/${step}`, body);
    if (moved.status !== 200) throw new Error(`prepare order ${step}: ${moved.status} ${JSON.stringify(moved.body)}`);
  }
  return created.body.id;
}

function orderAction(state: 'ISSUED' | 'REPLIED' | 'NOT_CARRIED_OUT', action: string, body: unknown, ok: number): RouteExample {
  return { request: async (s, c) => ({ path: `/api/v1/supervision-orders/${await order(c, s, state)}/${action}`, body }), ok, other: 'not-found' };
}

/** `key` of the body lists nothing (`expected` = []) or something (null). */
function onlyDepartments(response: ApiResponse, key: string, expected: [] | null): string | null {
  const list = (response.body as Record<string, unknown[]>)[key];
  if (!Array.isArray(list)) return `expected a list ${key}, got ${JSON.stringify(response.body).slice(0, 120)}`;
  if (expected && list.length > 0) return `expected nothing of the other department in ${key}`;
  if (!expected && list.length === 0) return `expected ${key} of the department`;
  return null;
}

/** A fault on a fresh card of the side's department (its officer: O-DA-2, whose case it is, on DA's side). */
async function faultBody(ctx: MatrixContext, side: Side) {
  return { alertId: await card(ctx, side), severity: 'MINOR', measure: 'CRITICISM_EDUCATION', basis: '未在承诺时限内办结', directResponsibility: true };
}

/** A confirmed fault of the side's department, appealed by its department supervisor when asked. */
async function fault(ctx: MatrixContext, side: Side, appealed = false): Promise<string> {
  const created = await ctx.admin.post<{ id: string }>('/api/v1/register/faults', await faultBody(ctx, side));
  if (created.status !== 201) throw new Error(`prepare fault: ${created.status} ${JSON.stringify(created.body)}`);
  if (appealed) {
    const appeal = await ctx.admin.post(`/api/v1/register/entries/${created.body.id}/appeal`, { reason: '不服' });
    if (appeal.status !== 200) throw new Error(`prepare appeal: ${appeal.status} ${JSON.stringify(appeal.body)}`);
  }
  return created.body.id;
}

const departmentEntryBody = (ctx: MatrixContext, side: Side) => ({ kind: 'DEPARTMENT_SANCTION', departmentCode: ctx.department[side], measure: 'WARNING', basis: `matrix ${ctx.fresh()}` });

async function registerEntry(ctx: MatrixContext, side: Side): Promise<string> {
  const created = await ctx.admin.post<{ id: string }>('/api/v1/register/department-entries', departmentEntryBody(ctx, side));
  if (created.status !== 201) throw new Error(`prepare register entry: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.id;
}

/** A head-accountability proposal of the side's department: a supervision order not carried out, escalated. */
async function headProposal(ctx: MatrixContext, side: Side): Promise<string> {
  const id = await order(ctx, side, 'NOT_CARRIED_OUT');
  const escalated = await ctx.admin.post<{ proposal: { id: string } }>(`/api/v1/supervision-orders/${id}/escalate`, { comment: '拒不落实' });
  if (escalated.status !== 200) throw new Error(`prepare proposal: ${escalated.status} ${JSON.stringify(escalated.body)}`);
  return escalated.body.proposal.id;
}

/** A new officer of the side's department (a warning talk is once a year per officer). */
async function freshOfficer(ctx: MatrixContext, side: Side): Promise<string> {
  const id = `O-${ctx.department[side]}-M${ctx.fresh().replace(/\W/g, '').toUpperCase()}`;
  const put = await ctx.admin.put(`/api/v1/officers/${id}`, { name: '新办事员', departmentCode: ctx.department[side] });
  if (put.status !== 200) throw new Error(`prepare officer: ${put.status} ${JSON.stringify(put.body)}`);
  return id;
}

const deliveries = new Map<Side, Promise<string>>();
/** One delivery of a card of the side's department (planned by the worker after the card is raised). */
function delivery(ctx: MatrixContext, side: Side): Promise<string> {
  if (!deliveries.has(side)) {
    deliveries.set(
      side,
      card(ctx, side).then((alertId) =>
        waitFor(async () => (await ctx.admin.get<{ items: { id: string }[] }>(`/api/v1/notification-deliveries?alertId=${alertId}`)).body.items[0]?.id, `a delivery of card ${alertId}`),
      ),
    );
  }
  return deliveries.get(side)!;
}

const bodies = new Map<string, Promise<void>>();
/** A body report from body M-<department>, about the side's department. */
async function bodyReportBody(ctx: MatrixContext, side: Side) {
  const code = `M-${ctx.department[side]}`;
  if (!bodies.has(code)) {
    bodies.set(
      code,
      ctx.admin.put(`/api/v1/accountability-bodies/${code}`, { name: `matrix ${code}`, kind: 'AUDIT' }).then((r) => {
        if (r.status !== 200) throw new Error(`prepare body ${code}: ${r.status} ${JSON.stringify(r.body)}`);
      }),
    );
  }
  await bodies.get(code);
  return { bodyCode: code, kind: 'AUDIT_RESULT_REPORT', referenceNo: `审报-${ctx.fresh()}`, title: '审计结果', issuedOn: '2026-01-05', summary: '发现违规收费', departmentCodes: [ctx.department[side]] };
}

async function bodyReport(ctx: MatrixContext, side: Side): Promise<string> {
  const created = await ctx.admin.post<{ id: string }>('/api/v1/body-reports', await bodyReportBody(ctx, side));
  if (created.status !== 201) throw new Error(`prepare body report: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.id;
}

const POSTS_CSV_HEADER = '部门代码,岗位代码,岗位名称,岗位职责,法律依据,办理事项,办理环节,负责人岗位,工号,姓名,任职起始日,任职截止日';
const postsCsv = (department: string, suffix: string) => `${POSTS_CSV_HEADER}\r\n${department},P-${suffix},受理岗,受理申请,《行政许可法》,,,否,,,,\r\n`;

/** A clue about the side's department, assigned when asked; from a report of `bodyCode` when given. */
async function clue(ctx: MatrixContext, side: Side, assigned = false, bodyReportId?: string): Promise<string> {
  const body = bodyReportId
    ? { bodyReportId, channel: 'ECONOMIC_RESPONSIBILITY_AUDIT', subject: `matrix ${ctx.fresh()}`, detail: 'x', departmentCodes: [ctx.department[side]] }
    : { channel: 'NEWS_MEDIA', subject: `matrix ${ctx.fresh()}`, detail: 'x', departmentCodes: [ctx.department[side]], source: { referenceNo: 'M-1', title: 'matrix', date: '2026-01-05' } };
  const created = await ctx.admin.post<{ id: string }>('/api/v1/clues', body);
  if (created.status !== 201) throw new Error(`prepare clue: ${created.status} ${JSON.stringify(created.body)}`);
  if (assigned) {
    const assign = await ctx.admin.post(`/api/v1/clues/${created.body.id}/assign`, { assignee: 'm-centre-supervisor' });
    if (assign.status !== 200) throw new Error(`prepare assign: ${assign.status} ${JSON.stringify(assign.body)}`);
  }
  return created.body.id;
}

/** The feedback to body M-BODY (the liaison's) of a concluded clue about the side's department, from M-BODY's report. */
async function clueDelivery(ctx: MatrixContext, side: Side): Promise<string> {
  const report = await ctx.admin.post<{ id: string }>('/api/v1/body-reports', { ...(await bodyReportBody(ctx, side)), bodyCode: 'M-BODY' });
  if (report.status !== 201) throw new Error(`prepare body report: ${report.status} ${JSON.stringify(report.body)}`);
  const id = await clue(ctx, side, true, report.body.id);
  const concluded = await ctx.admin.post<{ deliveries?: { id: string; bodyCode: string }[] }>(`/api/v1/clues/${id}/conclude`, { outcome: 'UNSUBSTANTIATED', conclusion: '查无实据' });
  const feedback = concluded.body.deliveries?.find((d) => d.bodyCode === 'M-BODY');
  if (concluded.status !== 200 || !feedback) throw new Error(`prepare clue delivery: ${concluded.status} ${JSON.stringify(concluded.body)}`);
  return feedback.id;
}

const sharedListName = (side: Side) => `shared within the ${side} department`;
const sharedLists = new Map<Side, Promise<string>>();
/** A watch-list shared by the side's department supervisor: visible within that department's scope. */
function sharedList(ctx: MatrixContext, side: Side): Promise<string> {
  if (!sharedLists.has(side)) {
    sharedLists.set(
      side,
      departmentSupervisorOf(ctx, ctx.department[side]).then(async (owner) => {
        const created = await owner.post<{ id: string }>('/api/v1/watchlists', { name: sharedListName(side), shared: true });
        if (created.status !== 201) throw new Error(`prepare shared list: ${created.status} ${JSON.stringify(created.body)}`);
        return created.body.id;
      }),
    );
  }
  return sharedLists.get(side)!;
}

/** A new personal watch-list of the caller (only its owner changes a list). */
async function listOf(ctx: MatrixContext, client: ApiClient): Promise<string> {
  const created = await client.post<{ id: string }>('/api/v1/watchlists', { name: `matrix ${ctx.fresh()}` });
  if (created.status !== 201) throw new Error(`prepare list: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.id;
}

/** The caller's own list, or on the other side, for a caller bound to DA, the list shared within DB. */
const listFor = (side: Side, ctx: MatrixContext, caller: Caller): Promise<string> => (side === 'other' && caller.bound ? sharedList(ctx, 'other') : listOf(ctx, caller.client));

/** A report's department lines: DB's left out for a caller bound to DA (the other side), the side's department there otherwise. */
function linesOf(response: ApiResponse, codes: string[] | undefined, side: Side, bound: boolean): string | null {
  if (!codes) return `expected department lines, got ${JSON.stringify(response.body).slice(0, 120)}`;
  if (side === 'other' && bound) return codes.includes('DB') ? `expected no line of the other department: ${codes.join(', ')}` : null;
  const wanted = side === 'own' ? 'DA' : 'DB';
  return codes.includes(wanted) ? null : `expected a line of ${wanted}: ${codes.join(', ')}`;
}
