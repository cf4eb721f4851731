import { caseStory, makeEvent, MINI_CATALOGUE } from './fixtures/mini-catalogue';
import { ApiClient } from './support/api-client';
import { setUpCatalogue } from './support/catalogue-setup';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

interface IngestBody {
  accepted: number;
  duplicates: number;
  rejected: { index: number; eventId: string | null; errors: { path: string; message: string }[] }[];
}

describe('POST /api/v1/events (server mode: PostgreSQL + BullMQ)', () => {
  let t: TestApp;
  let scjg: ApiClient;
  let zjj: ApiClient;

  beforeAll(async () => {
    t = await startTestApp();
    const keys = await setUpCatalogue(t.admin, MINI_CATALOGUE);
    scjg = t.admin.withToken(keys.SCJG);
    zjj = t.admin.withToken(keys.ZJJ);
  });
  afterAll(async () => t?.close());

  const send = (client: ApiClient, events: unknown[]) => client.post<IngestBody>('/api/v1/events', { events });

  it('answers 401 without a key, with an unknown key, and with a revoked key', async () => {
    expect((await t.admin.withToken(null).post('/api/v1/events', { events: [] })).status).toBe(401);
    expect((await t.admin.withToken('lmk_nope_nope').post('/api/v1/events', { events: [] })).status).toBe(401);
    const issued = await t.admin.post<{ id: string; key: string }>('/api/v1/departments/SCJG/keys', {});
    const revokedClient = t.admin.withToken(issued.body.key);
    expect((await send(revokedClient, [])).status).toBe(202);
    expect((await t.admin.delete(`/api/v1/departments/SCJG/keys/${issued.body.id}`)).status).toBe(204);
    expect((await send(revokedClient, [])).status).toBe(401);
  });

  it('refuses the admin token for ingest (403): events come from department systems', async () => {
    expect((await send(t.admin, [makeEvent()])).status).toBe(403);
  });

  it('answers 400 when the body is not an envelope list, naming the field', async () => {
    const notObject = await scjg.request('POST', '/api/v1/events', undefined, '[1,2]');
    expect(notObject.status).toBe(400);
    const noEvents = await scjg.post<{ errors: { path: string }[] }>('/api/v1/events', { evts: [] });
    expect(noEvents.status).toBe(400);
    expect(noEvents.body.errors[0].path).toBe('events');
    const badJson = await scjg.request('POST', '/api/v1/events', undefined, '{"events": [');
    expect(badJson.status).toBe(400);
  });

  it('answers 413 above 1,000 events or 1 MiB, and stores nothing', async () => {
    const tooMany = Array.from({ length: 1001 }, () => makeEvent());
    const r1 = await send(scjg, tooMany);
    expect(r1.status).toBe(413);
    const big = makeEvent({ type: 'STEP_COMPLETED', data: { step: 'REVIEW', opinion: 'x'.repeat(1100 * 1024) } });
    const r2 = await send(scjg, [big]);
    expect(r2.status).toBe(413);
    const list = await t.admin.get<{ total: number }>(`/api/v1/cases?departmentCode=SCJG&itemCode=NONE`);
    expect(list.body.total).toBe(0);
  });

  it('judges each event on its own and names the field and the reason', async () => {
    const good = makeEvent();
    const events = [
      good,
      makeEvent({ data: { channel: 'FAX', documents: [] } }),
      makeEvent({ occurredAt: '2025-09-26T09:30:00' }),
      { ...makeEvent(), eventId: undefined },
      makeEvent({ departmentCode: 'ZJJ', itemCode: 'ZJJ-001' }),
      makeEvent({ type: 'SUSPENDED', data: { reason: 'HEARING', expectedDays: -1, noticeIssued: true } }),
      makeEvent({ occurredAt: '2099-01-01T00:00:00+08:00' }),
      makeEvent({ colour: 'blue' }),
    ];
    const r = await send(scjg, events);
    expect(r.status).toBe(202);
    expect(r.body.accepted).toBe(1);
    const byIndex = Object.fromEntries(r.body.rejected.map((x) => [x.index, x.errors]));
    expect(byIndex[1]).toEqual([{ path: 'data.channel', message: 'must be one of WINDOW, ONLINE, MAIL' }]);
    expect(byIndex[2][0].path).toBe('occurredAt');
    expect(byIndex[3]).toContainEqual({ path: 'eventId', message: 'is required' });
    expect(byIndex[4]).toEqual([{ path: 'departmentCode', message: 'must be the department of the API key (SCJG)' }]);
    expect(byIndex[5][0].path).toBe('data.expectedDays');
    expect(byIndex[6]).toEqual([
      { path: 'occurredAt', message: expect.stringMatching(/^is in the future: more than 10 minutes \(the tolerated clock skew\) after the centre's clock, \d{4}-/) as string },
      // 2099 is also past the year after the last published holiday notice: the clocks could not count it.
      { path: 'occurredAt', message: expect.stringMatching(/^is outside the calendar's range: the local date must be from 2000-01-01 through \d{4}-12-31$/) as string },
    ]);
    expect(byIndex[7]).toEqual([{ path: 'colour', message: 'is not a known field' }]);
    expect(r.body.rejected.map((x) => x.index)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('counts the same event again as a duplicate and refuses a reused eventId with other content', async () => {
    const event = makeEvent();
    const first = await send(scjg, [event, event]);
    expect(first.body).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
    // The same content with its keys in another order is the same event.
    const reordered = Object.fromEntries(Object.entries(event).reverse());
    const again = await send(scjg, [reordered]);
    expect(again.body).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
    const conflict = await send(scjg, [{ ...event, occurredAt: '2025-09-27T09:30:00+08:00' }]);
    expect(conflict.body.accepted).toBe(0);
    expect(conflict.body.rejected[0].errors[0].path).toBe('eventId');
    expect(conflict.body.rejected[0].errors[0].message).toMatch(/conflict/);
    const inBatch = await send(scjg, [makeEvent({ eventId: 'twin' }), makeEvent({ eventId: 'twin', caseId: 'other' })]);
    expect(inBatch.body.accepted).toBe(1);
    expect(inBatch.body.rejected).toEqual([{ index: 1, eventId: 'twin', errors: [expect.objectContaining({ path: 'eventId' })] }]);
  });

  it('projects each case from its ordered history, whatever the delivery order', async () => {
    const story = caseStory('SCJG', 'story-1', 'SCJG-001');
    const r1 = await send(scjg, [story[4], story[2]]);
    const r2 = await send(scjg, [story[0], story[3], story[1]]);
    expect(r1.body.accepted + r2.body.accepted).toBe(5);
    const found = await waitFor(async () => {
      const r = await t.admin.get<{ eventCount: number; status: string; timeline: { eventId: string }[] }>('/api/v1/cases/SCJG/story-1');
      return r.status === 200 && r.body.eventCount === 5 ? r.body : undefined;
    }, 'case story-1 projected with 5 events');
    expect(found.status).toBe('APPROVED');
    expect(found.timeline.map((e) => e.eventId)).toEqual(story.map((e) => e.eventId));
    expect(found).toMatchObject({ unknownItem: false, isOpen: true, outcome: 'APPROVED', currentStep: null });
  });

  it('keeps an event for an unknown item and marks its case', async () => {
    await send(zjj, [makeEvent({ departmentCode: 'ZJJ', caseId: 'mystery', itemCode: 'NOT-IN-CATALOGUE' })]);
    const found = await waitFor(async () => {
      const r = await t.admin.get<{ unknownItem: boolean }>('/api/v1/cases/ZJJ/mystery');
      return r.status === 200 ? r.body : undefined;
    }, 'unknown-item case projected');
    expect(found.unknownItem).toBe(true);
  });

  it('lists cases with filters and refuses an unknown status by name', async () => {
    await waitFor(async () => {
      const r = await t.admin.get<{ total: number }>('/api/v1/cases?departmentCode=SCJG&status=APPROVED');
      return r.body.total >= 1 ? r : undefined;
    }, 'approved case listed');
    const bad = await t.admin.get<{ errors: { path: string }[] }>('/api/v1/cases?status=MAYBE');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('status');
    expect((await t.admin.get('/api/v1/cases/SCJG/does-not-exist')).status).toBe(404);
  });

  it('stores receivedAt beside occurredAt', async () => {
    const r = await t.admin.get<{ timeline: { occurredAt: string; receivedAt: string }[] }>('/api/v1/cases/SCJG/story-1');
    expect(r.body.timeline[0].occurredAt).toBe('2025-11-10T09:00:00+08:00');
    expect(Date.parse(r.body.timeline[0].receivedAt)).toBeGreaterThan(Date.parse('2026-01-01'));
  });
});
