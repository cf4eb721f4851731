import { makeEvent, MINI_CATALOGUE } from './fixtures/mini-catalogue';
import { ApiClient } from './support/api-client';
import { setUpCatalogue } from './support/catalogue-setup';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

interface ListedCard {
  id: string;
  caseId: string;
  level: 'PROMPT' | 'YELLOW' | 'RED';
  raisedAt: string;
  dueAt: string | null;
  evidence?: unknown;
}
interface ListedCase {
  caseId: string;
  departmentCode: string;
}
interface ErrorBody {
  errors: { path: string; message: string }[];
}

const RANK = { PROMPT: 0, YELLOW: 1, RED: 2 } as const;
const QUIET = { SCHEDULER_INTERVAL_MS: '0', FEED_CHECK_INTERVAL_MS: '0' };

/** Server-side sorting of the console's lists (GET /alerts, GET /cases): whitelisted keys, stable paging. */
describe('list sorting and case search', () => {
  let t: TestApp;
  let scjg: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(QUIET);
    scjg = t.admin.withToken((await setUpCatalogue(t.admin, MINI_CATALOGUE)).SCJG);
    // Cases accepted on different past days and never decided: overdue cards with different due dates.
    const days = ['2025-09-26', '2025-08-04', '2025-10-15', '2025-07-01', '2025-11-03'];
    const events = days.flatMap((day, i) => [
      makeEvent({ caseId: `SORT-${i}`, seq: 1, occurredAt: `${day}T10:00:00+08:00`, data: { channel: 'WINDOW', documents: ['营业执照', '食品安全管理制度'] } }),
      makeEvent({ caseId: `SORT-${i}`, seq: 2, type: 'ACCEPTED', occurredAt: `${day}T10:00:00+08:00`, data: {} }),
    ]);
    events.push(makeEvent({ caseId: 'sort_%x', seq: 1, occurredAt: '2025-09-01T10:00:00+08:00', data: { channel: 'WINDOW', documents: ['营业执照'] } }));
    await scjg.post('/api/v1/events', { events });
    await waitFor(async () => {
      const r = await t.admin.get<{ total: number }>('/api/v1/alerts?rule=STATUTORY_OVERDUE');
      return r.body.total >= days.length ? true : undefined;
    }, 'one statutory card per case');
  });
  afterAll(async () => t?.close());

  const cards = async (query: string) => {
    const r = await t.admin.get<{ items: ListedCard[]; total: number }>(`/api/v1/alerts?pageSize=500&${query}`);
    expect(r.status).toBe(200);
    return r.body.items;
  };

  it('sort=urgency lists RED first, then the soonest due; cards without a due date last', async () => {
    const items = await cards('sort=urgency');
    expect(items.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < items.length; i++) {
      const [a, b] = [items[i - 1], items[i]];
      expect(RANK[a.level]).toBeGreaterThanOrEqual(RANK[b.level]);
      if (a.level === b.level && b.dueAt !== null) {
        expect(a.dueAt).not.toBeNull();
        expect(Date.parse(a.dueAt!)).toBeLessThanOrEqual(Date.parse(b.dueAt));
      }
    }
    // The list carries the cited clock's due instant, not the evidence.
    expect(items.some((c) => c.dueAt !== null)).toBe(true);
    expect(items.every((c) => c.evidence === undefined)).toBe(true);
  });

  it('sort=dueAt and sort=-dueAt order by the due instant both ways', async () => {
    const due = (items: ListedCard[]) => items.filter((c) => c.dueAt !== null).map((c) => Date.parse(c.dueAt!));
    const up = due(await cards('rule=STATUTORY_OVERDUE&sort=dueAt'));
    const down = due(await cards('rule=STATUTORY_OVERDUE&sort=-dueAt'));
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(down).toEqual([...up].reverse());
    expect(new Set(up).size).toBeGreaterThanOrEqual(5);
  });

  it('pages in a stable order: page by page gives every card once', async () => {
    const all = await cards('sort=level');
    const paged: string[] = [];
    for (let page = 1; paged.length < all.length; page++) {
      const r = await t.admin.get<{ items: ListedCard[] }>(`/api/v1/alerts?sort=level&pageSize=2&page=${page}`);
      if (r.body.items.length === 0) break;
      paged.push(...r.body.items.map((c) => c.id));
    }
    expect(paged).toEqual(all.map((c) => c.id));
  });

  it.each([['/api/v1/alerts?sort=evidence'], ['/api/v1/alerts?sort=raisedAt;drop'], ['/api/v1/cases?sort=clocks'], ['/api/v1/cases?sort=-']])(
    '%s → 400 naming the field sort',
    async (url) => {
      const r = await t.admin.get<ErrorBody>(url);
      expect(r.status).toBe(400);
      expect(r.body.errors).toEqual([{ path: 'sort', message: expect.stringMatching(/^must be one of /) as string }]);
    },
  );

  it('cases sort by case number both ways, and search by the start of a case number (wildcards taken literally)', async () => {
    const list = async (query: string) => (await t.admin.get<{ items: ListedCase[] }>(`/api/v1/cases?pageSize=500&${query}`)).body.items.map((c) => c.caseId);
    const up = await list('sort=caseId');
    expect(up).toEqual([...up].sort());
    expect(await list('sort=-caseId')).toEqual([...up].reverse());
    expect(await list('caseId=sort-&sort=caseId')).toEqual(['SORT-0', 'SORT-1', 'SORT-2', 'SORT-3', 'SORT-4']);
    expect(await list('caseId=sort_%25')).toEqual(['sort_%x']);
    expect(await list('caseId=S_RT')).toEqual([]);
  });
});
