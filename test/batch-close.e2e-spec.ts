import { ApiClient } from './support/api-client';
import { countRows } from './support/case-table';
import { ConsoleCard, ConsoleWorld, startConsoleWorld } from './support/console-world';

interface Refusal {
  message: string;
  errors: { path: string; id: string; message: string }[];
}

describe('batch close (批量摘牌): one reason, all or nothing, each refusal named', () => {
  let w: ConsoleWorld;
  const rectified: string[] = [];
  let openOwn: ConsoleCard;
  let otherRectified: string;
  let otherSupervisor: ApiClient;

  const rectifiedCard = async (department: 'DA' | 'DB', caseId: string) => {
    const cards = await w.overdueCase(department, caseId);
    const card = cards.find((c) => c.rule === 'STATUTORY_OVERDUE')!;
    const supervisor = department === 'DA' ? w.as.department_supervisor : otherSupervisor;
    const r = await supervisor.post<{ state: string }>(`/api/v1/alerts/${card.id}/rectify`, { comment: '已办结并说明情况' });
    expect(r.body.state).toBe('RECTIFIED');
    return { card, cards };
  };

  beforeAll(async () => {
    w = await startConsoleWorld();
    otherSupervisor = await w.signedIn('db-supervisor', { role: 'department_supervisor', departmentCode: 'DB' });
    for (const caseId of ['batch-1', 'batch-2', 'batch-3']) {
      const { card, cards } = await rectifiedCard('DA', caseId);
      rectified.push(card.id);
      if (caseId === 'batch-1') openOwn = cards.find((c) => c.rule === 'PROMISED_OVERDUE')!;
    }
    otherRectified = (await rectifiedCard('DB', 'batch-b')).card.id;
  });
  afterAll(async () => w?.t.close());

  const states = async (ids: string[]) =>
    countRows(w.t.databaseUrl, `SELECT count(*) AS n FROM alerts WHERE state = 'CLOSED' AND id IN (${ids.map((id) => `'${id}'`).join(',')})`);

  it('refuses the whole batch when one card cannot be closed, naming which and why; nothing is written', async () => {
    const transitionsBefore = await countRows(w.t.databaseUrl, 'SELECT count(*) AS n FROM alert_transitions');
    const r = await w.as.region_supervisor.post<Refusal>('/api/v1/alerts/batch-close', {
      ids: [rectified[0], openOwn.id, otherRectified, '00000000-0000-4000-8000-000000000000'],
      reason: '专项整治已完成',
    });
    expect(r.status).toBe(409);
    expect(r.body.errors).toEqual([
      { path: 'ids[1]', id: openOwn.id, message: 'cannot close a card that is OPEN' },
      // Another department's card reads exactly like one that does not exist.
      { path: 'ids[2]', id: otherRectified, message: 'not found' },
      { path: 'ids[3]', id: '00000000-0000-4000-8000-000000000000', message: 'not found' },
    ]);
    expect(await states([rectified[0]])).toBe(0);
    expect(await countRows(w.t.databaseUrl, 'SELECT count(*) AS n FROM alert_transitions')).toBe(transitionsBefore);
  });

  it('closes every card of a good batch with the one reason, each with its transition and audit entry', async () => {
    const r = await w.as.region_supervisor.post<{ closed: number; items: { id: string; state: string }[] }>('/api/v1/alerts/batch-close', { ids: rectified, reason: '专项整治已完成' });
    expect(r.status).toBe(200);
    expect(r.body.closed).toBe(3);
    expect(await states(rectified)).toBe(3);
    for (const id of rectified) {
      const detail = await w.as.department_supervisor.get<ConsoleCard>(`/api/v1/alerts/${id}`);
      expect(detail.body.history!.at(-1)).toMatchObject({ action: 'CLOSE', actor: 'm-region-supervisor', comment: '专项整治已完成' });
    }
    expect(await countRows(w.t.databaseUrl, `SELECT count(*) AS n FROM audit_log WHERE action = 'alert.batch-close'`)).toBe(3);
    // Closed cards cannot be closed again: the batch is refused as a whole.
    const again = await w.as.region_supervisor.post<Refusal>('/api/v1/alerts/batch-close', { ids: rectified.slice(0, 1), reason: '重复' });
    expect(again.status).toBe(409);
    expect(again.body.errors[0]).toMatchObject({ path: 'ids[0]', message: 'cannot close a card that is CLOSED' });
  });

  it('rejects bad input naming the field, and is the centre’s side only', async () => {
    const bad = async (body: unknown) => {
      const r = await w.as.centre_supervisor.post<{ errors: { path: string }[] }>('/api/v1/alerts/batch-close', body);
      expect(r.status).toBe(400);
      return r.body.errors.map((e) => e.path).join(' ');
    };
    expect(await bad({ ids: [], reason: 'x' })).toContain('ids');
    expect(await bad({ ids: [otherRectified], reason: ' ' })).toContain('reason');
    expect(await bad({ ids: [otherRectified] })).toContain('reason');
    expect(await bad({ ids: ['not-a-uuid'], reason: 'x' })).toContain('ids');
    expect(await bad({ ids: [otherRectified, otherRectified], reason: 'x' })).toContain('ids');
    const tooMany = Array.from({ length: 201 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect(await bad({ ids: tooMany, reason: 'x' })).toContain('ids');
    expect((await w.as.department_supervisor.post('/api/v1/alerts/batch-close', { ids: [otherRectified], reason: 'x' })).status).toBe(403);
    // The centre supervisor sees every department: DB's rectified card closes.
    expect((await w.as.centre_supervisor.post('/api/v1/alerts/batch-close', { ids: [otherRectified], reason: '核查完毕' })).status).toBe(200);
  });
});
