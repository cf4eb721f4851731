import { DeadlineSchedulerService } from '../apps/api/src/alerts/deadline-scheduler.service';
import { makeEvent, MINI_CATALOGUE } from './fixtures/mini-catalogue';
import { ApiClient } from './support/api-client';
import { countRows } from './support/case-table';
import { setUpCatalogue } from './support/catalogue-setup';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

interface Card {
  id: string;
  rule: string;
  level: string;
  state: string;
  caseId: string;
  evidence: { clock?: { dueOn: string; kind: string }; eventIds: string[] };
  clockExplanation?: { dueOn: string; explanation: { skippedDays: unknown[] } } | null;
  history: { action: string; actor: string; comment: string | null }[];
}

// Background ticks off: the tests drive the scheduler with an injected clock.
const QUIET = { SCHEDULER_INTERVAL_MS: '0', FEED_CHECK_INTERVAL_MS: '0' };
const DAY = 86_400_000;

describe('cards: rules, deadline scheduler, lifecycle', () => {
  let t: TestApp;
  let scjg: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(QUIET);
    scjg = t.admin.withToken((await setUpCatalogue(t.admin, MINI_CATALOGUE)).SCJG);
  });
  afterAll(async () => t?.close());

  const cardsOf = async (caseId: string) => {
    const r = await t.admin.get<{ items: Card[] }>(`/api/v1/alerts?departmentCode=SCJG&pageSize=100`);
    return r.body.items.filter((c) => c.caseId === caseId);
  };
  const acceptedCase = (caseId: string, acceptedAt: string) => [
    makeEvent({ caseId, seq: 1, occurredAt: acceptedAt, data: { channel: 'WINDOW', documents: ['营业执照', '食品安全管理制度'] } }),
    makeEvent({ caseId, seq: 2, type: 'ACCEPTED', occurredAt: acceptedAt, data: {} }),
  ];

  it('raises RED STATUTORY_OVERDUE for a case accepted 2025-09-26 and never decided; the same events again change nothing', async () => {
    const events = acceptedCase('late-1', '2025-09-26T10:00:00+08:00');
    await scjg.post('/api/v1/events', { events });
    const card = await waitFor(async () => (await cardsOf('late-1')).find((c) => c.rule === 'STATUTORY_OVERDUE'), 'statutory card');
    expect(card).toMatchObject({ level: 'RED', state: 'OPEN' });
    const detail = await t.admin.get<Card>(`/api/v1/alerts/${card.id}`);
    expect(detail.body.evidence.clock).toMatchObject({ kind: 'DECISION_STATUTORY', dueOn: '2025-10-30' });
    expect(detail.body.clockExplanation?.dueOn).toBe('2025-10-30');
    expect(detail.body.clockExplanation?.explanation.skippedDays.length).toBeGreaterThan(0);
    expect(detail.body.history.map((h) => h.action)).toEqual(['RAISED']);

    const before = await countRows(t.databaseUrl, `SELECT count(*) AS n FROM alert_transitions`);
    const again = await scjg.post<{ duplicates: number }>('/api/v1/events', { events });
    expect(again.body.duplicates).toBe(2);
    // Re-evaluating the same history (as a redelivered job would) changes nothing either.
    await t.app.get(DeadlineSchedulerService).tick(new Date());
    expect(await countRows(t.databaseUrl, `SELECT count(*) AS n FROM alert_transitions`)).toBe(before);
    expect((await cardsOf('late-1')).filter((c) => c.rule === 'STATUTORY_OVERDUE')).toHaveLength(1);
  });

  it('raises a crossing exactly once at the injected instant, even with two schedulers racing', async () => {
    const acceptedAt = new Date(Date.now() - DAY).toISOString();
    await scjg.post('/api/v1/events', { events: acceptedCase('cross-1', acceptedAt) });
    await waitFor(async () => ((await countRows(t.databaseUrl, `SELECT count(*) AS n FROM cases WHERE case_id = 'cross-1'`)) === 1 ? true : undefined), 'projected');
    expect((await cardsOf('cross-1')).some((c) => c.rule === 'STATUTORY_OVERDUE')).toBe(false);

    const scheduler = t.app.get(DeadlineSchedulerService);
    const later = new Date(Date.now() + 60 * DAY);
    await Promise.all([scheduler.tick(later), scheduler.tick(later), scheduler.tick(later)]);
    const statutory = (await cardsOf('cross-1')).filter((c) => c.rule === 'STATUTORY_OVERDUE');
    expect(statutory).toHaveLength(1);
    expect(statutory[0].level).toBe('RED');
    const again = await scheduler.tick(later);
    expect(again.cases).toBe(0);
  });

  it('escalates a YELLOW card to RED when its supervision deadline passes unanswered', async () => {
    const acceptedAt = new Date(Date.now() - DAY).toISOString();
    await scjg.post('/api/v1/events', { events: acceptedCase('yellow-1', acceptedAt) });
    await waitFor(async () => ((await countRows(t.databaseUrl, `SELECT count(*) AS n FROM cases WHERE case_id = 'yellow-1'`)) === 1 ? true : undefined), 'projected');
    const scheduler = t.app.get(DeadlineSchedulerService);
    // Past the promised limit (10 working days), before the statutory one (20).
    const promisedPassed = new Date(Date.now() + 17 * DAY);
    await scheduler.tick(promisedPassed);
    const promised = (await cardsOf('yellow-1')).find((c) => c.rule === 'PROMISED_OVERDUE');
    expect(promised?.level).toBe('YELLOW');
    const result = await scheduler.tick(new Date(promisedPassed.getTime() + 10 * DAY));
    expect(result.escalated).toBeGreaterThanOrEqual(1);
    const detail = await t.admin.get<Card>(`/api/v1/alerts/${promised!.id}`);
    expect(detail.body.level).toBe('RED');
    expect(detail.body.history.map((h) => h.action)).toEqual(['RAISED', 'ESCALATED']);

    // Evaluated again later, the rule still finds YELLOW: the escalated level is kept, not "corrected".
    const later = new Date(promisedPassed.getTime() + 11 * DAY);
    await countRows(t.databaseUrl, `UPDATE cases SET next_check_at = '${later.toISOString()}' WHERE case_id = 'yellow-1' RETURNING 1 AS n`);
    await scheduler.tick(later);
    const after = await t.admin.get<Card>(`/api/v1/alerts/${promised!.id}`);
    expect({ level: after.body.level, history: after.body.history.map((h) => h.action) }).toEqual({ level: 'RED', history: ['RAISED', 'ESCALATED'] });
  });

  it('lowers a card when a late event changes the facts (same card, CORRECTED in its history)', async () => {
    // REVIEW started 2025-11-11 and, as far as the centre knows, still running: far past its 5 working days.
    const started = [
      ...acceptedCase('step-late', '2025-11-10T10:00:00+08:00'),
      makeEvent({ caseId: 'step-late', seq: 3, type: 'STEP_STARTED', occurredAt: '2025-11-11T09:00:00+08:00', data: { step: 'REVIEW' } }),
    ];
    await scjg.post('/api/v1/events', { events: started });
    const yellow = await waitFor(async () => (await cardsOf('step-late')).find((c) => c.rule === 'STEP_OVERDUE'), 'step card');
    expect(yellow.level).toBe('YELLOW');
    // The completion, a day past the limit, arrives late: a short overrun is a PROMPT.
    const completed = makeEvent({ caseId: 'step-late', seq: 4, type: 'STEP_COMPLETED', occurredAt: '2025-11-19T16:00:00+08:00', data: { step: 'REVIEW' } });
    await scjg.post('/api/v1/events', { events: [completed] });
    const lowered = await waitFor(async () => {
      const card = (await cardsOf('step-late')).find((c) => c.rule === 'STEP_OVERDUE');
      return card?.level === 'PROMPT' ? card : undefined;
    }, 'step card lowered');
    expect(lowered.id).toBe(yellow.id);
    const detail = await t.admin.get<Card>(`/api/v1/alerts/${yellow.id}`);
    expect(detail.body.history.map((h) => [h.action, h.actor])).toEqual([['RAISED', 'system'], ['CORRECTED', 'system']]);
  });

  it('keeps who, when and why for every decision; a reason is mandatory; the wrong side is refused', async () => {
    const [card] = (await cardsOf('late-1')).filter((c) => c.rule === 'STATUTORY_OVERDUE');
    const noReason = await t.admin.post<{ errors: { path: string }[] }>(`/api/v1/alerts/${card.id}/dismiss`, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].path).toBe('comment');
    expect((await t.admin.post(`/api/v1/alerts/${card.id}/acknowledge`, {})).status).toBe(403);
    const dismissed = await t.admin.post<{ state: string }>(`/api/v1/alerts/${card.id}/dismiss`, { comment: '经核实为系统录入错误' });
    expect(dismissed.body.state).toBe('DISMISSED');
    expect((await t.admin.post(`/api/v1/alerts/${card.id}/dismiss`, { comment: 'again' })).status).toBe(409);
    const detail = await t.admin.get<Card>(`/api/v1/alerts/${card.id}`);
    expect(detail.body.history.at(-1)).toMatchObject({ action: 'DISMISS', actor: 'admin-token', comment: '经核实为系统录入错误' });
    const audit = await countRows(t.databaseUrl, `SELECT count(*) AS n FROM audit_log WHERE action = 'alert.dismiss'`);
    expect(audit).toBe(1);
    expect((await t.admin.get('/api/v1/alerts/00000000-0000-0000-0000-000000000000')).status).toBe(404);
    expect((await t.admin.get('/api/v1/alerts?level=ORANGE')).status).toBe(400);
  });

  it('does not lose a crossing across a restart between the crossing and the tick', async () => {
    const acceptedAt = new Date(Date.now() - DAY).toISOString();
    await scjg.post('/api/v1/events', { events: acceptedCase('restart-1', acceptedAt) });
    await waitFor(async () => ((await countRows(t.databaseUrl, `SELECT count(*) AS n FROM cases WHERE case_id = 'restart-1'`)) === 1 ? true : undefined), 'projected');
    const url = t.databaseUrl;
    await t.app.close();
    const restarted = await startTestApp(QUIET, { databaseUrl: url, keepDatabase: true });
    try {
      await restarted.app.get(DeadlineSchedulerService).tick(new Date(Date.now() + 60 * DAY));
      const statutory = await countRows(url, `SELECT count(*) AS n FROM alerts WHERE case_id = 'restart-1' AND rule = 'STATUTORY_OVERDUE'`);
      expect(statutory).toBe(1);
    } finally {
      await restarted.close();
    }
    t = await startTestApp(QUIET, { databaseUrl: url });
  });
});
