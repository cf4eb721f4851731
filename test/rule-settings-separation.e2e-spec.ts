import { TWO_REGIONS } from './fixtures/two-regions-catalogue';
import { ConsoleWorld, startConsoleWorld } from './support/console-world';

interface AuditEntry {
  actorKind: string;
  actorId: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

/**
 * Issue 17.4, separation of duties: turning a rule off or changing its thresholds decides what the
 * supervision watches for. The centre administrator runs the system but may not make that decision;
 * a centre supervisor may, and the audit log keeps what was in force before and after.
 */
describe('rule settings are a supervision decision (centre supervisor), not administration', () => {
  let w: ConsoleWorld;

  beforeAll(async () => {
    w = await startConsoleWorld();
  });
  afterAll(async () => w?.t.close());

  const ruleSettingEntries = async () =>
    (await w.t.admin.get<{ items: AuditEntry[] }>('/api/v1/audit?action=rule_settings.put&pageSize=500')).body.items;

  it('refuses the centre administrator (403) and changes nothing', async () => {
    const before = await w.t.admin.get<{ overrides: object }>('/api/v1/rule-settings');
    const refused = await w.as.centre_admin.put<{ errors: { message: string }[] }>('/api/v1/rule-settings', { STATUTORY_OVERDUE: { enabled: false } });
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0].message).toMatch(/may not do this$/);
    expect((await w.t.admin.get<{ overrides: object }>('/api/v1/rule-settings')).body).toEqual(before.body);
    expect(await ruleSettingEntries()).toEqual([]);
  });

  it('refuses the other supervisors too: only the centre decides what every department is watched for', async () => {
    for (const kind of ['region_supervisor', 'department_supervisor', 'officer'] as const) {
      const refused = await w.as[kind].put('/api/v1/rule-settings', { LATE_REPORTING: { maxDelayHours: 96 } });
      expect({ kind, status: refused.status }).toEqual({ kind, status: 403 });
    }
  });

  it('lets a centre supervisor turn a rule off and change a threshold; the audit entry holds before and after', async () => {
    const first = await w.as.centre_supervisor.put<{ overrides: object; effective: Record<string, { maxDelayHours?: number }> }>('/api/v1/rule-settings', {
      LATE_REPORTING: { maxDelayHours: 48 },
    });
    expect(first.status).toBe(200);
    expect(first.body.effective.LATE_REPORTING.maxDelayHours).toBe(48);

    const second = await w.as.centre_supervisor.put<{ effective: Record<string, { enabled: boolean }> }>('/api/v1/rule-settings', {
      LATE_REPORTING: { maxDelayHours: 72 },
      STEP_OVERDUE: { enabled: false },
    });
    expect(second.status).toBe(200);
    expect(second.body.effective.STEP_OVERDUE.enabled).toBe(false);

    const entries = await ruleSettingEntries(); // newest first
    expect(entries.map(({ actorKind, target, before, after }) => ({ actorKind, target, before, after }))).toEqual([
      {
        actorKind: 'centre_supervisor',
        target: 'rule_settings',
        before: { LATE_REPORTING: { maxDelayHours: 48 } },
        after: { LATE_REPORTING: { maxDelayHours: 72 }, STEP_OVERDUE: { enabled: false } },
      },
      { actorKind: 'centre_supervisor', target: 'rule_settings', before: {}, after: { LATE_REPORTING: { maxDelayHours: 48 } } },
    ]);
    const me = await w.as.centre_supervisor.get<{ username: string; permissions: string[] }>('/api/v1/me');
    expect(me.body.permissions).toContain('rules.configure');
    expect(entries.every((e) => e.actorId === me.body.username)).toBe(true);
  });

  it('refuses the centre administrator an item’s own thresholds too (they can turn a rule off for the item), but not the rest of the item', async () => {
    const item = TWO_REGIONS.items['DA-001'];
    const offForItem = await w.as.centre_admin.put<{ errors: { path: string; message: string }[] }>('/api/v1/items/DA-001', {
      ...item,
      thresholds: { STATUTORY_OVERDUE: { enabled: false } },
    });
    expect(offForItem.status).toBe(403);
    expect(offForItem.body.errors.map((e) => e.path)).toEqual(['thresholds']);
    expect(offForItem.body.errors[0].message).toContain('rules.configure');
    expect((await w.t.admin.get<{ thresholds: unknown }>('/api/v1/items/DA-001')).body.thresholds ?? null).toEqual(item.thresholds ?? null);
    const renamed = await w.as.centre_admin.put<{ name: string }>('/api/v1/items/DA-001', { ...item, name: `${item.name}（更名）` });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe(`${item.name}（更名）`);
  });

  it('tells the console who may decide: rules.configure is a centre supervisor’s, not the centre administrator’s', async () => {
    const admin = await w.as.centre_admin.get<{ permissions: string[] }>('/api/v1/me');
    expect(admin.body.permissions).not.toContain('rules.configure');
    expect(admin.body.permissions).toContain('catalogue.write');
  });
});
