import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { CaseEventInput, CatalogueFile } from '@app/contracts';
import { buildRuleContext, caseRule, ExtensionApprovers, HolidayYearFile, WorkingCalendar } from '@app/domain';
import { TrafficSimulator } from './traffic-simulator';

// The demo feed against the art. 42 rules: extensions of regular stories are approved by the head
// the law names (the department's flagged head for +10, the region's government head for +15 under
// joint handling) and raise nothing; the planted EXTENSION_NO_APPROVER stories stay irregular.
const root = join(__dirname, '../../..');
const catalogue = JSON.parse(readFileSync(join(root, 'resources/demo/catalogue.json'), 'utf8')) as CatalogueFile;
const calendar = WorkingCalendar.fromYearFiles(
  readdirSync(join(root, 'resources/holiday-cn'))
    .filter((name) => /^\d{4}\.json$/.test(name))
    .map((name) => JSON.parse(readFileSync(join(root, 'resources/holiday-cn', name), 'utf8')) as HolidayYearFile),
);

/** What the api's catalogue directory answers for a department, from the same file. */
function approversOf(departmentCode: string): ExtensionApprovers {
  const regionCode = catalogue.departments[departmentCode]?.regionCode;
  return {
    departmentHeads: Object.entries(catalogue.officers)
      .filter(([, officer]) => officer.departmentCode === departmentCode && officer.isDepartmentHead)
      .map(([id]) => ({ id })),
    governmentHeads: (regionCode ? catalogue.regions[regionCode]?.governmentHeads ?? [] : []).map((head) => ({ id: head.id })),
  };
}

describe('the demo feed under art. 42', () => {
  const sim = new TrafficSimulator({ catalogue, seed: 7, irregularShare: 0.3 });
  const now = new Date('2025-06-18T07:30:00Z');
  const events = sim.history(now, 90, 400).flatMap((batch) => batch.events);
  const truth = new Map(sim.groundTruth().map((entry) => [`${entry.departmentCode}/${entry.caseId}`, entry]));
  const byCase = new Map<string, CaseEventInput[]>();
  for (const event of events) byCase.set(`${event.departmentCode}/${event.caseId}`, [...(byCase.get(`${event.departmentCode}/${event.caseId}`) ?? []), event]);
  const extended = [...byCase.entries()].filter(([, list]) => list.some((event) => event.type === 'EXTENDED'));

  const judged = extended.map(([key, list]) => {
    const first = list[0];
    const item = catalogue.items[first.itemCode];
    const stored = list.map((event) => ({ ...event, receivedAt: event.occurredAt }));
    const context = buildRuleContext({ events: stored, item, calendar, now, extensionApprovers: approversOf(first.departmentCode) });
    const statutory = context.clocks.clocks.find((clock) => clock.kind === 'DECISION_STATUTORY');
    return {
      key,
      joint: item.kind === 'JOINT',
      irregularity: truth.get(key)?.irregularity ?? null,
      findings: caseRule('EXTENSION_IRREGULAR').evaluate(context),
      credited: statutory?.explanation.extensions.reduce((sum, decision) => sum + decision.creditedDays, 0) ?? 0,
    };
  });

  it('has extensions of both kinds and both stories to judge', () => {
    expect(judged.filter((j) => j.irregularity === null && !j.joint).length).toBeGreaterThan(0);
    expect(judged.filter((j) => j.irregularity === null && j.joint).length).toBeGreaterThan(0);
    expect(judged.filter((j) => j.irregularity === 'EXTENSION_NO_APPROVER').length).toBeGreaterThan(0);
  });

  it('regular extensions are approved by the head the law names, and extend the limit', () => {
    const regular = judged.filter((j) => j.irregularity === null);
    expect(regular.filter((j) => j.findings.length > 0).map((j) => `${j.key}: ${j.findings[0].summary.en}`)).toEqual([]);
    expect(regular.every((j) => j.credited === (j.joint ? 15 : 10))).toBe(true);
  });

  it('planted extensions without an approver stay irregular and extend nothing', () => {
    const planted = judged.filter((j) => j.irregularity === 'EXTENSION_NO_APPROVER');
    expect(planted.every((j) => j.findings.length === 1 && j.credited === 0)).toBe(true);
  });
});
