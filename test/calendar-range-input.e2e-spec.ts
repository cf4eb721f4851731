import { TWO_REGIONS } from './fixtures/two-regions-catalogue';
import { ApiResponse } from './support/api-client';
import { setUpCatalogue } from './support/catalogue-setup';
import { QUIET } from './support/console-world';
import { startTestApp, TestApp } from './support/test-app';

type FieldErrors = { errors?: { path: string; message: string }[] };

/** The status and the fields named, so a failure shows what came back. */
const answer = (r: ApiResponse<FieldErrors>) => ({ status: r.status, paths: (r.body.errors ?? []).map((e) => e.path) });

/**
 * Issue 17.5, "event dates outside the calendar's range": a case event dated where the working-day
 * calendar cannot count is refused with an error naming the field and the reason (not stored and
 * then left out of the clocks); a day that does not exist is refused where a period or deadline is given.
 */
describe('dates outside the calendar’s range are refused, naming the field and the reason', () => {
  let t: TestApp;
  let keys: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp(QUIET);
    keys = await setUpCatalogue(t.admin, TWO_REGIONS);
  });
  afterAll(async () => t?.close());

  it('refuses each case event dated before 2000 or after the calendar’s last year: occurredAt, with the range', async () => {
    const event = (eventId: string, occurredAt: string) => ({ eventId, seq: 1, departmentCode: 'DA', caseId: eventId, itemCode: 'DA-001', type: 'SUBMITTED', occurredAt, data: { channel: 'WINDOW', documents: [] } });
    // A batch is judged event by event (202 with each refusal), so one bad event does not hold up the good ones.
    const sent = await t.admin.withToken(keys.DA).post<{ accepted: number; rejected: { index: number; errors: { path: string; message: string }[] }[] }>('/api/v1/events', {
      events: [event('old', '1999-12-31T23:59:00+08:00'), event('far', '2101-01-01T10:00:00+08:00')],
    });
    expect(sent.status).toBe(202);
    expect(sent.body.accepted).toBe(0);
    expect(sent.body.rejected.map((r) => [r.index, r.errors.find((e) => /outside the calendar's range/.test(e.message))?.path])).toEqual([
      [0, 'occurredAt'],
      [1, 'occurredAt'],
    ]);
  });

  it('refuses a date that is no date where a day is counted from it: a report period, an order’s last day', async () => {
    const impossible = await t.admin.get<FieldErrors>('/api/v1/reports/city?from=2026-02-30&to=2026-03-31');
    expect(answer(impossible)).toEqual({ status: 400, paths: ['from'] });
    const order = await t.admin.post<FieldErrors>('/api/v1/supervision-orders', { departmentCode: 'DA', subject: '督办', detail: '限期办结', dueOn: '2026-02-30' });
    expect(answer(order)).toEqual({ status: 400, paths: ['dueOn'] });
  });
});
