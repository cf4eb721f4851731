import { countRows } from './support/case-table';
import { ConsoleCard, ConsoleWorld, startConsoleWorld } from './support/console-world';
import { WallSocketProbe } from './support/wall-socket';
import { waitFor } from './support/wait-for';

interface RaisedCard extends ConsoleCard {
  responsibleOfficerId: string | null;
  supervisionDueAt: string | null;
  summary: { zh: string; en: string };
  evidence: { facts: { reason: string; concerns: string | null; raisedBy: string } };
}

/** What the wall screen of department DA shows right now (a fresh connection's snapshot). */
async function wallCardIds(w: ConsoleWorld): Promise<string[]> {
  const probe = new WallSocketProbe(w.t.baseUrl, w.as.display.token);
  try {
    return (await probe.nthSnapshot(1)).cards.map((c) => c.id);
  } finally {
    probe.close();
  }
}

describe('manual cards (人工发牌): raised by a supervisor with a reason, then like any card', () => {
  let w: ConsoleWorld;

  beforeAll(async () => {
    w = await startConsoleWorld({ NOTIFICATION_DAILY_DIGEST: 'off' });
    await w.overdueCase('DA', 'manual-a', 'O-DA-2');
    await w.overdueCase('DB', 'manual-b', 'O-DB-1');
  });
  afterAll(async () => w?.t.close());

  it('raises a RED card on a case of its region: OPEN, the case’s officer responsible, audited, notified and on the wall', async () => {
    const r = await w.as.region_supervisor.post<RaisedCard>('/api/v1/alerts', {
      departmentCode: 'DA',
      caseId: 'manual-a',
      level: 'RED',
      reason: '现场检查发现收取材料费 200 元',
      concerns: 'FEE_IRREGULAR',
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ departmentCode: 'DA', caseId: 'manual-a', rule: 'MANUAL', level: 'RED', state: 'OPEN', responsibleOfficerId: 'O-DA-2' });
    const detail = await w.as.officer.get<RaisedCard>(`/api/v1/alerts/${r.body.id}`);
    expect(detail.body.summary.zh).toBe('人工发牌（违规收费）：现场检查发现收取材料费 200 元');
    expect(detail.body.evidence.facts).toEqual({ reason: '现场检查发现收取材料费 200 元', concerns: 'FEE_IRREGULAR', raisedBy: 'm-region-supervisor' });
    expect(detail.body.history).toEqual([expect.objectContaining({ action: 'RAISED', actor: 'm-region-supervisor', comment: '现场检查发现收取材料费 200 元' })]);
    expect(await countRows(w.t.databaseUrl, `SELECT count(*) AS n FROM audit_log WHERE action = 'alert.raise' AND target = 'alert:${r.body.id}'`)).toBe(1);
    // Announced like a card the rules raised: a notification for the level, deliveries planned.
    await waitFor(
      async () => ((await countRows(w.t.databaseUrl, `SELECT count(*) AS n FROM notification_deliveries WHERE alert_id = '${r.body.id}'`)) > 0 ? true : undefined),
      'deliveries of the manual card',
    );
    expect(await wallCardIds(w)).toContain(r.body.id);
    // Listed and filtered by its rule code.
    const listed = await w.as.department_supervisor.get<{ items: ConsoleCard[] }>('/api/v1/alerts?rule=MANUAL');
    expect(listed.body.items.map((c) => c.id)).toEqual([r.body.id]);
  });

  it('keeps the same lifecycle and appeal path, and the rules never close it', async () => {
    const r = await w.as.centre_supervisor.post<RaisedCard>('/api/v1/alerts', { departmentCode: 'DA', caseId: 'manual-a', level: 'YELLOW', reason: '未按规定公示办理进度' });
    expect(r.body.supervisionDueAt).not.toBeNull();
    // Two manual cards on one case are allowed (each has its own reason).
    expect((await w.cardsOf('manual-a')).filter((c) => c.rule === 'MANUAL')).toHaveLength(2);
    // A new event makes the rules evaluate the case again: they leave manual cards alone.
    const later = [{ eventId: 'manual-a-e3', seq: 3, departmentCode: 'DA', caseId: 'manual-a', itemCode: 'DA-001', type: 'STEP_STARTED', occurredAt: '2025-09-29T09:00:00+08:00', data: { step: 'REVIEW' } }];
    expect((await w.t.admin.withToken(w.keys.DA).post('/api/v1/events', { events: later })).status).toBe(202);
    await waitFor(async () => ((await countRows(w.t.databaseUrl, `SELECT event_count AS n FROM cases WHERE case_id = 'manual-a'`)) === 3 ? true : undefined), 'third event projected');
    const still = await w.as.centre_supervisor.get<RaisedCard>(`/api/v1/alerts/${r.body.id}`);
    expect(still.body.state).toBe('OPEN');
    const appealed = await w.as.department_supervisor.post<{ state: string }>(`/api/v1/alerts/${r.body.id}/appeal`, { comment: '已在窗口公示' });
    expect(appealed.body.state).toBe('APPEALED');
    const decided = await w.as.centre_supervisor.post<{ state: string }>(`/api/v1/alerts/${r.body.id}/decide-appeal`, { decision: 'REVOKE', reply: '核实已公示' });
    expect(decided.body.state).toBe('REVOKED');
  });

  it('raises a department-level card without a case, naming an officer of the department', async () => {
    const r = await w.as.centre_supervisor.post<RaisedCard>('/api/v1/alerts', { departmentCode: 'DB', level: 'PROMPT', reason: '窗口人员着装不规范', responsibleOfficerId: 'O-DB-1' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ caseId: '', responsibleOfficerId: 'O-DB-1', level: 'PROMPT' });
  });

  it('is for the centre’s side only, in its scope; other departments, cases and officers answer 404 naming the field', async () => {
    const body = { departmentCode: 'DB', caseId: 'manual-b', level: 'YELLOW', reason: '越权' };
    const foreign = await w.as.region_supervisor.post<{ errors: { path: string }[] }>('/api/v1/alerts', body);
    expect(foreign.status).toBe(404);
    expect(foreign.body.errors[0].path).toBe('departmentCode');
    const missing = await w.as.region_supervisor.post<{ errors: { path: string }[] }>('/api/v1/alerts', { ...body, departmentCode: 'NOPE' });
    expect({ status: missing.status, body: JSON.stringify(missing.body).replace('NOPE', 'DB') }).toEqual({ status: 404, body: JSON.stringify(foreign.body) });
    const noCase = await w.as.centre_supervisor.post<{ errors: { path: string }[] }>('/api/v1/alerts', { ...body, caseId: 'manual-a' });
    expect({ status: noCase.status, path: noCase.body.errors[0].path }).toEqual({ status: 404, path: 'caseId' });
    const wrongOfficer = await w.as.centre_supervisor.post<{ errors: { path: string }[] }>('/api/v1/alerts', { ...body, responsibleOfficerId: 'O-DA-1' });
    expect({ status: wrongOfficer.status, path: wrongOfficer.body.errors[0].path }).toEqual({ status: 404, path: 'responsibleOfficerId' });
    for (const kind of ['department_supervisor', 'officer', 'centre_admin'] as const) {
      expect((await w.as[kind].post('/api/v1/alerts', { ...body, departmentCode: 'DA', caseId: 'manual-a' })).status).toBe(403);
    }
    expect(await countRows(w.t.databaseUrl, `SELECT count(*) AS n FROM alerts WHERE rule = 'MANUAL' AND department_code = 'DB' AND case_id = 'manual-b'`)).toBe(0);
  });

  it('rejects bad input naming the field: a blank reason, an unknown level or rule, an extra field', async () => {
    const bad = async (body: Record<string, unknown>) => {
      const r = await w.as.centre_supervisor.post<{ errors: { path: string }[] }>('/api/v1/alerts', body);
      expect(r.status).toBe(400);
      return r.body.errors.map((e) => e.path);
    };
    const ok = { departmentCode: 'DA', level: 'RED', reason: '理由' };
    expect(await bad({ ...ok, reason: '   ' })).toContain('reason');
    expect(await bad({ departmentCode: 'DA', level: 'RED' })).toContain('reason');
    expect(await bad({ ...ok, level: 'ORANGE' })).toContain('level');
    expect(await bad({ ...ok, concerns: 'MANUAL' })).toContain('concerns');
    expect(await bad({ ...ok, state: 'CLOSED' })).toContain('state');
  });
});
