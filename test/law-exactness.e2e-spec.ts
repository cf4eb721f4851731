import { LAW_CATALOGUE, LAW_EVENTS } from './fixtures/law-catalogue';
import { ApiClient } from './support/api-client';
import { setUpCatalogue } from './support/catalogue-setup';
import { MATRIX_PASSWORD, signIn } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

interface Card { id: string; rule: string; level: string; caseId: string; evidence: { facts: Record<string, unknown> } }
interface Clock { kind: string; limitWorkingDays: number; state: string; dueOn: string; suspendedWorkingDays: number }
interface Entry { id: string; kind: string; year: number; measure: string; committedOn: string; decidedOn: string }
interface Consequences { faults: number; countedTowardsIncompetent: number; assessment: string | null; awardEligible: boolean; awardWithheldBy: string[] }
interface Coverage { departmentCode: string; officers: number; talkedTo: number; coverage: number | null; notYetTalkedTo: string[] }

const QUIET = { SCHEDULER_INTERVAL_MS: '0', FEED_CHECK_INTERVAL_MS: '0' };
const TODAY = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Events in, card / register figure out: the eight corrections of the law and the opinion, through the API. */
describe('exact to the law and to the city opinion (through the API)', () => {
  let t: TestApp;
  let keys: Record<string, string>;
  let cards: Card[];
  let centre: ApiClient;
  let department: ApiClient;
  const user = async (username: string, body: Record<string, unknown>) => {
    expect((await t.admin.put(`/api/v1/users/${username}`, { password: MATRIX_PASSWORD, ...body })).status).toBe(200);
    return t.admin.withToken(await signIn(t.admin.withToken(null), username, MATRIX_PASSWORD));
  };
  const cardsOf = (caseId: string) => cards.filter((c) => c.caseId === caseId).map((c) => c.rule).sort();
  const card = async (caseId: string, rule: string) => {
    const found = cards.find((c) => c.caseId === caseId && c.rule === rule);
    if (!found) throw new Error(`no ${rule} card on ${caseId}: ${JSON.stringify(cardsOf(caseId))}`);
    return (await t.admin.get<Card>(`/api/v1/alerts/${found.id}`)).body;
  };
  const clock = async (caseId: string, kind: string) =>
    (await t.admin.get<{ clocks: Clock[] }>(`/api/v1/cases/SCJG/${caseId}`)).body.clocks.find((c) => c.kind === kind);

  beforeAll(async () => {
    t = await startTestApp(QUIET);
    keys = await setUpCatalogue(t.admin, LAW_CATALOGUE);
    expect((await t.admin.withToken(keys.SCJG).post('/api/v1/events', { events: LAW_EVENTS })).status).toBe(202);
    await waitFor(async () => ((await t.admin.get<{ total: number }>('/api/v1/cases?departmentCode=SCJG')).body.total === 7 ? true : undefined), 'seven cases projected');
    cards = await waitFor(async () => {
      const listed = (await t.admin.get<{ items: Card[] }>('/api/v1/alerts?departmentCode=SCJG&pageSize=500')).body.items;
      return listed.filter((c) => c.rule === 'EXTENSION_IRREGULAR').length >= 3 ? listed : undefined;
    }, 'the extension cards');
    centre = await user('law-centre', { role: 'centre_supervisor' });
    department = await user('law-scjg', { role: 'department_supervisor', departmentCode: 'SCJG' });
  });
  afterAll(async () => t?.close());

  it('art. 42 ¶1 "经本行政机关负责人批准，可以延长十日": the flagged head extends the limit; a clerk does not, and the card says who could have', async () => {
    // (Other cards — late reporting of these back-dated events, the promised limit — are not art. 42's.)
    expect(cardsOf('X1')).not.toContain('EXTENSION_IRREGULAR');
    expect(cardsOf('X1')).not.toContain('STATUTORY_OVERDUE');
    expect(await clock('X1', 'DECISION_STATUTORY')).toMatchObject({ limitWorkingDays: 30, state: 'met' });
    const irregular = await card('X2', 'EXTENSION_IRREGULAR');
    expect(irregular.evidence.facts).toMatchObject({ requiredApprover: 'DEPARTMENT_HEAD', extensions: [{ approvedBy: 'O-SCJG-3', problems: ['NOT_A_HEAD'], headsInOffice: ['O-SCJG-1'] }] });
    expect(cardsOf('X2')).toContain('STATUTORY_OVERDUE');
    expect(await clock('X2', 'DECISION_STATUTORY')).toMatchObject({ limitWorkingDays: 20, state: 'breached' });
  });

  it('art. 42 ¶1 "并应当将延长期限的理由告知申请人": an extension without its reason raises the card (and still extends)', async () => {
    expect((await card('X3', 'EXTENSION_IRREGULAR')).evidence.facts).toMatchObject({ extensions: [{ problems: ['NO_REASON'] }] });
    expect(cardsOf('X3')).not.toContain('STATUTORY_OVERDUE');
  });

  it('art. 42 ¶2 "经本级人民政府负责人批准，可以延长十五日": joint handling needs the region\'s government head', async () => {
    expect(cardsOf('J2')).not.toContain('EXTENSION_IRREGULAR');
    expect(cardsOf('J2')).not.toContain('STATUTORY_OVERDUE');
    expect(await clock('J2', 'DECISION_STATUTORY')).toMatchObject({ limitWorkingDays: 60, state: 'met' });
    expect((await card('J1', 'EXTENSION_IRREGULAR')).evidence.facts).toMatchObject({ requiredApprover: 'GOVERNMENT_HEAD', extensions: [{ problems: ['NOT_A_HEAD'], headsInOffice: ['G-R1'] }] });
    expect(await clock('J1', 'DECISION_STATUTORY')).toMatchObject({ limitWorkingDays: 45, state: 'breached' });
  });

  it('art. 45 "所需时间不计算在本节规定的期限内": testing and inspection time is off the art. 43 and 44 clocks too', async () => {
    expect(cardsOf('F1')).not.toContain('FORWARD_LATE');
    expect(await clock('F1', 'LOWER_REVIEW')).toMatchObject({ dueOn: '2025-11-05', suspendedWorkingDays: 4, state: 'met' });
    expect(cardsOf('I1')).not.toContain('CERTIFICATE_LATE');
    expect(await clock('I1', 'ISSUANCE')).toMatchObject({ dueOn: '2025-10-24', suspendedWorkingDays: 2, state: 'met' });
  });

  it('records heads through the catalogue, with field errors for bad ones', async () => {
    const dup = await t.admin.put<{ errors: { path: string }[] }>('/api/v1/regions/R2', { name: '西城区', governmentHeads: [{ id: 'G-1', name: 'a' }, { id: 'G-1', name: 'b' }] });
    expect([dup.status, dup.body.errors[0].path]).toEqual([400, 'governmentHeads.1.id']);
    const bad = await t.admin.put<{ errors: { path: string }[] }>('/api/v1/officers/O-ZJJ-1', { name: '赵科长', departmentCode: 'ZJJ', isDepartmentHead: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toMatch(/isDepartmentHead/);
    const listed = (await t.admin.get<{ id: string; isDepartmentHead: boolean }[]>('/api/v1/officers?departmentCode=SCJG')).body;
    expect(listed.filter((o) => o.isDepartmentHead).map((o) => o.id)).toEqual(['O-SCJG-1']);
  });

  it('refuses events dated outside the calendar\'s range with a field error naming occurredAt', async () => {
    const event = (eventId: string, occurredAt: string) => ({ eventId, departmentCode: 'SCJG', caseId: eventId, itemCode: 'SCJG-001', type: 'SUBMITTED', occurredAt, data: { channel: 'WINDOW', documents: [] } });
    const sent = await t.admin.withToken(keys.SCJG).post<{ accepted: number; rejected: { index: number; errors: { path: string; message: string }[] }[] }>('/api/v1/events', {
      events: [event('old', '1999-12-31T10:00:00+08:00'), event('far', '2150-01-04T10:00:00+08:00')],
    });
    expect(sent.status).toBe(202);
    expect(sent.body.accepted).toBe(0);
    expect(sent.body.rejected.map((r) => r.index)).toEqual([0, 1]);
    for (const rejected of sent.body.rejected) {
      const range = rejected.errors.filter((e) => e.path === 'occurredAt' && /outside the calendar's range/.test(e.message));
      expect(range.map((e) => e.message)).toEqual([expect.stringMatching(/from 2000-01-01 through \d{4}-12-31$/) as string]);
    }
  });

  describe('the register', () => {
    const fault = async (caseId: string, rule: string, extra: Record<string, unknown> = {}) =>
      centre.post<Entry & { errors?: { path: string; message: string }[] }>('/api/v1/register/faults', {
        alertId: (await card(caseId, rule)).id, officerId: 'O-SCJG-2', severity: 'MINOR', measure: 'CRITICISM_EDUCATION', basis: '违规延期', directResponsibility: true, ...extra,
      });
    const yearOf = async (officerId: string) => (await t.admin.get<{ consequences: Consequences }>(`/api/v1/register/officers/${officerId}/years/2025`)).body.consequences;

    it('"一般过错达3次": only general faults with direct responsibility count; 告诫 is the serious measure; the year is the year committed', async () => {
      const first = await fault('X2', 'EXTENSION_IRREGULAR');
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ year: 2025, committedOn: '2025-10-20', decidedOn: TODAY });
      expect((await fault('X3', 'EXTENSION_IRREGULAR')).status).toBe(201);
      const admonition = await fault('J1', 'EXTENSION_IRREGULAR', { severity: 'SERIOUS', measure: 'ADMONITION' });
      expect([admonition.status, admonition.body.errors?.[0].path]).toEqual([400, 'measure']);
      expect((await fault('J1', 'EXTENSION_IRREGULAR', { severity: 'SERIOUS', measure: 'CAUTION' })).body.measure).toBe('CAUTION');
      expect(await yearOf('O-SCJG-2')).toMatchObject({ faults: 3, countedTowardsIncompetent: 2, assessment: null, awardEligible: false });
      expect((await fault('X2', 'STATUTORY_OVERDUE')).status).toBe(201);
      expect(await yearOf('O-SCJG-2')).toMatchObject({ faults: 4, countedTowardsIncompetent: 3, assessment: 'INCOMPETENT' });
      const listed = (await t.admin.get<{ items: Entry[] }>('/api/v1/register/entries?year=2025&kind=FAULT')).body.items;
      expect(listed).toHaveLength(4);
    });

    it('"受到过错责任追究的，取消评优评先资格": a head\'s accountability withholds the award; 诫勉谈话 is recorded beside 告诫 and does not', async () => {
      const head = await centre.post<Entry>('/api/v1/register/entries', { kind: 'HEAD_ACCOUNTABILITY', departmentCode: 'SCJG', officerId: 'O-SCJG-1', measure: 'ORDERED_APOLOGY', basis: '违规延期多发', committedOn: '2025-11-20' });
      expect(head.body).toMatchObject({ year: 2025, committedOn: '2025-11-20' });
      expect(await yearOf('O-SCJG-1')).toMatchObject({ awardEligible: false, awardWithheldBy: ['HEAD_ACCOUNTABILITY'] });
      const talk = await centre.post<Entry>('/api/v1/register/entries', { kind: 'ADMONITORY_TALK', departmentCode: 'SCJG', officerId: 'O-SCJG-4', measure: 'ADMONITORY_TALK', basis: '诫勉谈话', committedOn: '2025-12-01' });
      expect(talk.status).toBe(201);
      expect(await yearOf('O-SCJG-4')).toMatchObject({ awardEligible: true });
    });

    it('"各部门每年要对本部门工作人员进行警醒谈话": the department records its talks; the register and the quarterly pack show coverage', async () => {
      const talk = (client: ApiClient, officerId: string) => client.post<Entry>('/api/v1/register/warning-talks', { officerId, heldOn: '2025-06-10', notes: '年度警醒谈话' });
      expect((await talk(centre, 'O-SCJG-2')).status).toBe(403);
      expect((await talk(department, 'O-ZJJ-1')).status).toBe(404);
      expect((await talk(department, 'O-SCJG-2')).body).toMatchObject({ kind: 'WARNING_TALK', year: 2025 });
      const coverage = (await department.get<{ departments: Coverage[] }>('/api/v1/register/warning-talks/coverage?year=2025')).body.departments;
      expect(coverage).toEqual([expect.objectContaining({ departmentCode: 'SCJG', officers: 4, talkedTo: 1, coverage: 0.25, notYetTalkedTo: ['O-SCJG-1', 'O-SCJG-3', 'O-SCJG-4'] })]);
      const pack = async () => (await centre.get<{ warningTalks: { year: number; belowFullCoverage: Coverage[] } }>('/api/v1/reports/quarterly/2025Q4?live=true')).body.warningTalks;
      expect((await pack()).belowFullCoverage.map((d) => [d.departmentCode, d.coverage])).toEqual([['SCJG', 0.25], ['ZJJ', 0]]);
      for (const officerId of ['O-SCJG-1', 'O-SCJG-3', 'O-SCJG-4']) expect((await talk(department, officerId)).status).toBe(201);
      expect((await pack()).belowFullCoverage.map((d) => d.departmentCode)).toEqual(['ZJJ']);
      const year = (await t.admin.get<{ warningTalks: Coverage[] }>('/api/v1/register/years/2025?departmentCode=SCJG')).body.warningTalks;
      expect(year).toEqual([expect.objectContaining({ departmentCode: 'SCJG', talkedTo: 4, coverage: 1 })]);
    });
  });
});
