import { countRows } from './support/case-table';
import { acceptedLongAgo, ConsoleCard, ConsoleWorld, startConsoleWorld } from './support/console-world';
import { WallSocketProbe } from './support/wall-socket';
import { waitFor } from './support/wait-for';

async function wallCardIds(w: ConsoleWorld): Promise<string[]> {
  const probe = new WallSocketProbe(w.t.baseUrl, w.as.display.token);
  try {
    return (await probe.nthSnapshot(1)).cards.map((c) => c.id);
  } finally {
    probe.close();
  }
}

describe('held cards (待发 → 确认发牌): a rule set to hold raises PENDING cards that only a confirmation issues', () => {
  let w: ConsoleWorld;
  const announced = (id: string) => countRows(w.t.databaseUrl, `SELECT count(*) AS n FROM outbox WHERE payload->>'alertId' = '${id}'`);
  const notified = (id: string) => countRows(w.t.databaseUrl, `SELECT count(*) AS n FROM notifications WHERE alert_id = '${id}'`);

  const heldCardOf = async (department: 'DA' | 'DB', caseId: string): Promise<ConsoleCard> => {
    const sent = await w.t.admin.withToken(w.keys[department]).post('/api/v1/events', { events: acceptedLongAgo(department, caseId, `O-${department}-${department === 'DA' ? 2 : 1}`) });
    expect(sent.status).toBe(202);
    return waitFor(async () => (await w.cardsOf(caseId)).find((c) => c.rule === 'STATUTORY_OVERDUE'), `held card of ${caseId}`);
  };

  beforeAll(async () => {
    w = await startConsoleWorld({ NOTIFICATION_DAILY_DIGEST: 'off' });
    const put = await w.t.admin.put('/api/v1/rule-settings', { STATUTORY_OVERDUE: { holdForConfirmation: true } });
    expect(put.status).toBe(200);
  });
  afterAll(async () => w?.t.close());

  it('stores the held card PENDING and tells nobody: no outbox message, no notification, not on the wall, unseen by the department', async () => {
    const held = await heldCardOf('DA', 'held-a');
    expect(held.state).toBe('PENDING');
    // The rules that issue at once still do.
    const promised = (await w.cardsOf('held-a')).find((c) => c.rule === 'PROMISED_OVERDUE');
    expect(promised?.state).toBe('OPEN');
    await waitFor(async () => ((await notified(promised!.id)) > 0 ? true : undefined), 'the issued card notified');
    expect(await announced(held.id)).toBe(0);
    expect(await notified(held.id)).toBe(0);
    expect(await wallCardIds(w)).not.toContain(held.id);
    expect((await w.as.department_supervisor.get(`/api/v1/alerts/${held.id}`)).status).toBe(404);
    expect((await w.as.officer.post(`/api/v1/alerts/${held.id}/acknowledge`, {})).status).toBe(404);
    const departmentList = await w.as.department_supervisor.get<{ items: ConsoleCard[] }>('/api/v1/alerts?caseId=held-a');
    expect(departmentList.body.items.map((c) => c.id)).not.toContain(held.id);
    const centreList = await w.as.region_supervisor.get<{ items: ConsoleCard[] }>('/api/v1/alerts?state=PENDING');
    expect(centreList.body.items.map((c) => c.id)).toEqual([held.id]);
    const detail = await w.as.region_supervisor.get<ConsoleCard>(`/api/v1/alerts/${held.id}`);
    expect(detail.body.history!.map((h) => h.action)).toEqual(['HELD']);

    // Evaluated again (a new event), the rule finds the same: still one held card, nothing announced.
    const more = [{ eventId: 'held-a-e3', seq: 3, departmentCode: 'DA', caseId: 'held-a', itemCode: 'DA-001', type: 'STEP_STARTED', occurredAt: '2025-09-29T09:00:00+08:00', data: { step: 'REVIEW' } }];
    expect((await w.t.admin.withToken(w.keys.DA).post('/api/v1/events', { events: more })).status).toBe(202);
    await waitFor(async () => ((await countRows(w.t.databaseUrl, `SELECT event_count AS n FROM cases WHERE case_id = 'held-a'`)) === 3 ? true : undefined), 'third event');
    expect((await w.cardsOf('held-a')).filter((c) => c.rule === 'STATUTORY_OVERDUE').map((c) => c.state)).toEqual(['PENDING']);
    expect(await announced(held.id)).toBe(0);
  });

  it('confirms: OPEN, announced once (notification, wall), visible to the department, audited', async () => {
    const [held] = (await w.cardsOf('held-a')).filter((c) => c.rule === 'STATUTORY_OVERDUE');
    const r = await w.as.region_supervisor.post<{ state: string }>(`/api/v1/alerts/${held.id}/confirm`, { comment: '核实无误，发牌' });
    expect(r.status).toBe(200);
    expect(r.body.state).toBe('OPEN');
    await waitFor(async () => ((await notified(held.id)) === 1 ? true : undefined), 'the confirmed card notified');
    expect(await countRows(w.t.databaseUrl, `SELECT count(*) AS n FROM notifications WHERE alert_id = '${held.id}' AND reason = 'CONFIRM'`)).toBe(1);
    expect(await wallCardIds(w)).toContain(held.id);
    const seen = await w.as.department_supervisor.get<ConsoleCard>(`/api/v1/alerts/${held.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.history!.map((h) => [h.action, h.actor])).toEqual([['HELD', 'system'], ['CONFIRM', 'm-region-supervisor']]);
    expect((await w.as.region_supervisor.post(`/api/v1/alerts/${held.id}/confirm`, {})).status).toBe(409);
    expect(await countRows(w.t.databaseUrl, `SELECT count(*) AS n FROM audit_log WHERE action = 'alert.confirm' AND target = 'alert:${held.id}'`)).toBe(1);
  });

  it('discards with a reason: DISCARDED, never announced, never seen by the department, not counted in reports', async () => {
    const held = await heldCardOf('DA', 'held-b');
    const noReason = await w.as.centre_supervisor.post<{ errors: { path: string }[] }>(`/api/v1/alerts/${held.id}/discard`, {});
    expect({ status: noReason.status, path: noReason.body.errors[0].path }).toEqual({ status: 400, path: 'reason' });
    const blank = await w.as.centre_supervisor.post<{ errors: { path: string }[] }>(`/api/v1/alerts/${held.id}/discard`, { reason: '  ' });
    expect({ status: blank.status, path: blank.body.errors[0].path }).toEqual({ status: 400, path: 'reason' });
    const r = await w.as.centre_supervisor.post<{ state: string }>(`/api/v1/alerts/${held.id}/discard`, { reason: '该件系试点数据，不发牌' });
    expect(r.body.state).toBe('DISCARDED');
    expect((await w.as.centre_supervisor.post(`/api/v1/alerts/${held.id}/confirm`, {})).status).toBe(409);
    expect((await w.as.department_supervisor.get(`/api/v1/alerts/${held.id}`)).status).toBe(404);
    expect(await announced(held.id)).toBe(0);
    expect(await notified(held.id)).toBe(0);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const report = await w.as.centre_supervisor.get<{ metrics: { cards: { byRule: Record<string, Record<string, number>> } } }>(`/api/v1/reports/departments/DA?from=${today}&to=${today}`);
    // Only held-a's confirmed card counts for the rule; held-b's discarded card does not.
    expect(report.body.metrics.cards.byRule.STATUTORY_OVERDUE).toEqual({ RED: 1 });
  });

  it('confirms and discards only in scope: another department’s held card is not found; the department side may not', async () => {
    const other = await heldCardOf('DB', 'held-c');
    expect((await w.as.region_supervisor.post(`/api/v1/alerts/${other.id}/confirm`, {})).status).toBe(404);
    expect((await w.as.region_supervisor.post(`/api/v1/alerts/${other.id}/discard`, { reason: 'x' })).status).toBe(404);
    expect((await w.as.department_supervisor.post(`/api/v1/alerts/${other.id}/confirm`, {})).status).toBe(403);
    expect((await w.as.centre_supervisor.get<ConsoleCard>(`/api/v1/alerts/${other.id}`)).body.state).toBe('PENDING');
  });

  it('offers the choice in the rule settings: default at once, a bad value named', async () => {
    const settings = await w.as.centre_supervisor.get<{ defaults: Record<string, { holdForConfirmation?: boolean }>; effective: Record<string, { holdForConfirmation?: boolean }> }>('/api/v1/rule-settings');
    expect(settings.body.defaults.STATUTORY_OVERDUE.holdForConfirmation).toBe(false);
    expect(settings.body.effective.STATUTORY_OVERDUE.holdForConfirmation).toBe(true);
    const bad = await w.t.admin.put<{ errors: { path: string }[] }>('/api/v1/rule-settings', { STEP_OVERDUE: { holdForConfirmation: 'yes' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toContain('holdForConfirmation');
  });
});
