import { countRows } from './support/case-table';
import { ConsoleCard, ConsoleWorld, startConsoleWorld } from './support/console-world';

interface DecidedCard extends ConsoleCard {
  appealDecision: string | null;
  appealReply: string | null;
  appealDecidedBy: string | null;
}

describe('appeal decisions on cards: maintain or revoke, with a written reply', () => {
  let w: ConsoleWorld;
  let ownCards: ConsoleCard[];
  let otherCards: ConsoleCard[];

  beforeAll(async () => {
    w = await startConsoleWorld();
    ownCards = await w.overdueCase('DA', 'appeal-a', 'O-DA-2');
    otherCards = await w.overdueCase('DB', 'appeal-b', 'O-DB-1');
  });
  afterAll(async () => w?.t.close());

  const card = (cards: ConsoleCard[], rule: string) => cards.find((c) => c.rule === rule)!;
  const appeal = async (id: string) => {
    const r = await w.as.department_supervisor.post<{ state: string }>(`/api/v1/alerts/${id}/appeal`, { comment: '系统未收到中止事件' });
    expect(r.body.state).toBe('APPEALED');
  };

  it('maintains a card: it goes back where it stood before the appeal, the reply is on the card and in its history', async () => {
    const statutory = card(ownCards, 'STATUTORY_OVERDUE');
    expect((await w.as.department_supervisor.post(`/api/v1/alerts/${statutory.id}/acknowledge`, {})).status).toBe(200);
    await appeal(statutory.id);
    const r = await w.as.region_supervisor.post<{ state: string; appealDecision: string; reply: string }>(`/api/v1/alerts/${statutory.id}/decide-appeal`, {
      decision: 'MAINTAIN',
      reply: '中止未书面告知申请人，不予采纳',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ state: 'ACKNOWLEDGED', appealDecision: 'MAINTAINED', reply: '中止未书面告知申请人，不予采纳' });
    const seen = await w.as.officer.get<DecidedCard>(`/api/v1/alerts/${statutory.id}`);
    expect(seen.body).toMatchObject({ state: 'ACKNOWLEDGED', appealDecision: 'MAINTAINED', appealReply: '中止未书面告知申请人，不予采纳', appealDecidedBy: 'm-region-supervisor' });
    expect(seen.body.history!.at(-1)).toMatchObject({ action: 'REJECT-APPEAL', comment: '中止未书面告知申请人，不予采纳' });
  });

  it('revokes a card: REVOKED (final), audited, counted apart in the department report and not as a breach', async () => {
    const promised = card(ownCards, 'PROMISED_OVERDUE');
    await appeal(promised.id);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const reportPath = `/api/v1/reports/departments/DA?from=${today}&to=${today}`;
    type Metrics = { metrics: { cards: { total: number; revoked: number; byLevel: Record<string, number> } } };
    const before = (await w.as.centre_supervisor.get<Metrics>(reportPath)).body.metrics.cards;
    const r = await w.as.centre_supervisor.post<{ state: string }>(`/api/v1/alerts/${promised.id}/decide-appeal`, { decision: 'REVOKE', reply: '经核实，延误系系统故障所致，撤销此牌' });
    expect(r.body).toMatchObject({ state: 'REVOKED', appealDecision: 'REVOKED' });
    expect((await w.as.centre_supervisor.post(`/api/v1/alerts/${promised.id}/dismiss`, { comment: 'again' })).status).toBe(409);
    const after = (await w.as.centre_supervisor.get<Metrics>(reportPath)).body.metrics.cards;
    expect(after.revoked).toBe(before.revoked + 1);
    expect(after.total).toBe(before.total - 1);
    expect(after.byLevel.YELLOW ?? 0).toBe((before.byLevel.YELLOW ?? 0) - 1);
    const csv = await w.as.centre_supervisor.get<string>(`${reportPath}&format=csv`);
    expect(csv.body).toMatch(/\ncards\.revoked,[^\n]*,1\r?\n/);
    expect(await countRows(w.t.databaseUrl, `SELECT count(*) AS n FROM audit_log WHERE action = 'alert.uphold-appeal' AND target = 'alert:${promised.id}'`)).toBe(1);
    // A revoked card cannot become an officer's fault.
    const fault = await w.as.centre_supervisor.post('/api/v1/register/faults', {
      alertId: promised.id, severity: 'MINOR', measure: 'CRITICISM_EDUCATION', basis: '—', directResponsibility: true, decidedOn: today,
    });
    expect(fault.status).toBe(409);
  });

  it('still understands the earlier words: UPHOLD (the appeal) revokes, REJECT maintains; comment stands for reply', async () => {
    const target = ownCards.find((c) => !['STATUTORY_OVERDUE', 'PROMISED_OVERDUE'].includes(c.rule));
    if (!target) throw new Error(`no third card: ${ownCards.map((c) => c.rule).join(', ')}`);
    await appeal(target.id);
    const r = await w.as.centre_supervisor.post<{ state: string }>(`/api/v1/alerts/${target.id}/decide-appeal`, { decision: 'UPHOLD', comment: '理由成立' });
    expect(r.body).toMatchObject({ state: 'REVOKED', appealDecision: 'REVOKED', reply: '理由成立' });
  });

  it('names the field of bad input, and answers another department’s card as not found', async () => {
    const other = card(otherCards, 'STATUTORY_OVERDUE');
    const noReply = await w.as.centre_supervisor.post<{ errors: { path: string }[] }>(`/api/v1/alerts/${other.id}/decide-appeal`, { decision: 'REVOKE' });
    expect(noReply.status).toBe(400);
    expect(noReply.body.errors[0].path).toBe('reply');
    const badDecision = await w.as.centre_supervisor.post<{ errors: { path: string }[] }>(`/api/v1/alerts/${other.id}/decide-appeal`, { decision: 'MAYBE', reply: 'x' });
    expect(badDecision.status).toBe(400);
    expect(badDecision.body.errors[0].path).toBe('decision');
    // Not under appeal: a conflict, not a silent change.
    expect((await w.as.centre_supervisor.post(`/api/v1/alerts/${other.id}/decide-appeal`, { decision: 'REVOKE', reply: 'x' })).status).toBe(409);
    // The region supervisor of RA does not see DB's card: 404 as for a card that does not exist.
    expect((await w.as.region_supervisor.post(`/api/v1/alerts/${other.id}/decide-appeal`, { decision: 'REVOKE', reply: 'x' })).status).toBe(404);
    // A department supervisor is not the deciding side.
    expect((await w.as.department_supervisor.post(`/api/v1/alerts/${other.id}/decide-appeal`, { decision: 'REVOKE', reply: 'x' })).status).toBe(403);
  });

  it('keeps each card’s due instant as a column (what the urgency order and its index read), equal to its evidence', async () => {
    const withClock = await countRows(w.t.databaseUrl, `SELECT count(*) AS n FROM alerts WHERE due_at IS NOT NULL`);
    expect(withClock).toBeGreaterThan(0);
    const differing = await countRows(
      w.t.databaseUrl,
      `SELECT count(*) AS n FROM alerts WHERE due_at IS DISTINCT FROM (evidence #>> '{clock,dueAt}')::timestamptz`,
    );
    expect(differing).toBe(0);
    const listed = await w.as.centre_supervisor.get<{ items: (ConsoleCard & { dueAt: string | null })[] }>('/api/v1/alerts?state=OPEN,ACKNOWLEDGED&sort=urgency&pageSize=100');
    const ranks = listed.body.items.map((c) => ['PROMPT', 'YELLOW', 'RED'].indexOf(c.level));
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });
});
