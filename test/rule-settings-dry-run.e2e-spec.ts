import { countRows } from './support/case-table';
import { acceptedLongAgo, ConsoleWorld, startConsoleWorld } from './support/console-world';
import { waitFor } from './support/wait-for';

interface DryRun {
  window: { from: string; to: string; days: number };
  truncated: boolean;
  casesEvaluated: number;
  totals: { current: number; proposed: number; proposedHeld: number; difference: number };
  rows: { rule: string; departmentCode: string; current: number; proposed: number; proposedHeld: number }[];
}

/** An instant `days` ago, as a local (Asia/Shanghai) event time. */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

describe('rule-settings dry run: what a change would have raised over the last 30 days, nothing written', () => {
  let w: ConsoleWorld;

  beforeAll(async () => {
    w = await startConsoleWorld();
    // Events sent 3 days after they happened: LATE_REPORTING (limit 24 h) finds them, inside the window.
    for (const [department, caseId] of [['DA', 'dry-a1'], ['DA', 'dry-a2'], ['DB', 'dry-b1']] as const) {
      const events = acceptedLongAgo(department, caseId, undefined, daysAgo(3));
      expect((await w.t.admin.withToken(w.keys[department]).post('/api/v1/events', { events })).status).toBe(202);
    }
    await waitFor(async () => ((await countRows(w.t.databaseUrl, `SELECT count(*) AS n FROM cases WHERE case_id LIKE 'dry-%'`)) === 3 ? true : undefined), 'cases projected');
  });
  afterAll(async () => w?.t.close());

  const snapshotOfWrites = () =>
    countRows(w.t.databaseUrl, `SELECT (SELECT count(*) FROM alerts) + (SELECT count(*) FROM alert_transitions) + (SELECT count(*) FROM outbox) + (SELECT count(*) FROM audit_log) AS n`);

  it('counts the cards of the settings in force and of the proposed ones by rule and department; writes nothing', async () => {
    const before = await snapshotOfWrites();
    const r = await w.as.centre_supervisor.post<DryRun>('/api/v1/rule-settings/dry-run', { LATE_REPORTING: { maxDelayHours: 96 } });
    expect(r.status).toBe(200);
    expect(r.body.window.days).toBe(30);
    expect(r.body.casesEvaluated).toBe(3);
    const late = r.body.rows.filter((row) => row.rule === 'LATE_REPORTING');
    expect(late).toEqual([
      { rule: 'LATE_REPORTING', departmentCode: 'DA', current: 2, proposed: 0, proposedHeld: 0 },
      { rule: 'LATE_REPORTING', departmentCode: 'DB', current: 1, proposed: 0, proposedHeld: 0 },
    ]);
    // The settings in force agree with the cards the system actually raised for the rule.
    expect(late.reduce((n, row) => n + row.current, 0)).toBe(await countRows(w.t.databaseUrl, `SELECT count(*) AS n FROM alerts WHERE rule = 'LATE_REPORTING' AND case_id LIKE 'dry-%'`));
    expect(r.body.totals.difference).toBe(-3);
    expect(await snapshotOfWrites()).toBe(before);
    expect((await w.as.centre_supervisor.get<{ overrides: object }>('/api/v1/rule-settings')).body.overrides).toEqual({});
  });

  it('counts the cards a hold would keep back', async () => {
    const r = await w.t.admin.post<DryRun>('/api/v1/rule-settings/dry-run', { LATE_REPORTING: { holdForConfirmation: true } });
    const late = r.body.rows.filter((row) => row.rule === 'LATE_REPORTING');
    expect(late.map((row) => [row.departmentCode, row.current, row.proposed, row.proposedHeld])).toEqual([['DA', 2, 2, 2], ['DB', 1, 1, 1]]);
  });

  it('stays in the caller’s scope: a region supervisor sees its departments only, another department is not found', async () => {
    const own = await w.as.region_supervisor.post<DryRun>('/api/v1/rule-settings/dry-run', {});
    expect(own.status).toBe(200);
    expect([...new Set(own.body.rows.map((row) => row.departmentCode))]).toEqual(['DA']);
    expect(own.body.casesEvaluated).toBe(2);
    const other = await w.as.region_supervisor.post<{ errors: { path: string }[] }>('/api/v1/rule-settings/dry-run?departmentCode=DB', {});
    expect({ status: other.status, path: other.body.errors[0].path }).toEqual({ status: 404, path: 'departmentCode' });
    const one = await w.as.centre_supervisor.post<DryRun>('/api/v1/rule-settings/dry-run?departmentCode=DB', {});
    expect(one.body.casesEvaluated).toBe(1);
    expect((await w.as.department_supervisor.post('/api/v1/rule-settings/dry-run', {})).status).toBe(403);
  });

  it('refuses what the PUT refuses, naming the field', async () => {
    const r = await w.as.centre_supervisor.post<{ errors: { path: string }[] }>('/api/v1/rule-settings/dry-run', { LATE_REPORTING: { maxDelayHours: -1 } });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].path).toContain('maxDelayHours');
    const unknown = await w.as.centre_supervisor.post<{ errors: { path: string }[] }>('/api/v1/rule-settings/dry-run', { NOPE: {} });
    expect(unknown.status).toBe(400);
  });
});
