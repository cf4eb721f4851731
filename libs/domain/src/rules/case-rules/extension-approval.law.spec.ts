import { readFileSync, readdirSync } from 'fs';
import { ExtensionApprovers } from '../../clock/extension-approvers';
import { EventLine, caseEvents, contextAt, findingsOf, item, loadHolidayCalendar } from '../rules.spec-helper';
import { extensionIrregularRule } from './extension-irregular.rule';

// Art. 42 ¶1: 二十日内不能作出决定的，经本行政机关负责人批准，可以延长十日，并应当将延长期限的理由告知申请人。
// Art. 42 ¶2: 统一办理或者联合办理、集中办理的……四十五日内不能办结的，经本级人民政府负责人批准，可以延长十五日……
const calendar = loadHolidayCalendar({ readdirSync, readFileSync });
const accepted: EventLine = ['ACCEPTED', '2025-09-26 10:00', {}];
const extended = (days: number, data: { approvedBy?: string; reason?: string } = {}, at = '2025-10-20 10:00'): EventLine => ['EXTENDED', at, { days, ...data }];
const REASON = '需现场核查，延长期限理由已书面告知申请人';

const approvers: ExtensionApprovers = {
  departmentHeads: [{ id: 'HEAD-D01' }, { id: 'FORMER-HEAD', until: '2025-09-30' }],
  governmentHeads: [{ id: 'GOV-R01' }],
};
const jointItem = item({ kind: 'JOINT', statutoryDays: 45, promisedDays: 40 });
const NOW = '2025-12-20 10:00';

function judged(lines: EventLine[], options: Parameters<typeof findingsOf>[4] = {}) {
  const events = caseEvents(accepted, ...lines);
  const opts = { approvers, ...options };
  const findings = findingsOf(extensionIrregularRule, calendar, events, NOW, opts);
  const statutory = contextAt(calendar, events, NOW, opts).clocks.clocks.find((c) => c.kind === 'DECISION_STATUTORY');
  return { findings, statutory, facts: findings[0]?.evidence.facts as { extensions: { problems: string[]; headsInOffice?: string[] }[]; requiredApprover: string } | undefined };
}

describe('art. 42: who may approve an extension, and telling the reason', () => {
  it('art. 42 ¶1 "并应当将延长期限的理由告知申请人": an extension without a reason is irregular by default (the limit is still extended)', () => {
    const { facts, statutory } = judged([extended(10, { approvedBy: 'HEAD-D01' })]);
    expect(facts?.extensions[0].problems).toEqual(['NO_REASON']);
    expect(statutory?.limitWorkingDays).toBe(30);
  });

  it('art. 42 ¶1 "经本行政机关负责人批准，可以延长十日": +10 approved by the department head, reason told, is regular and extends the limit', () => {
    const { findings, statutory } = judged([extended(10, { approvedBy: 'HEAD-D01', reason: REASON })]);
    expect(findings).toEqual([]);
    expect(statutory).toMatchObject({ limitWorkingDays: 30 });
    expect(statutory?.explanation.extensions[0]).toMatchObject({ creditedDays: 10, requiredApprover: 'DEPARTMENT_HEAD' });
  });

  it('art. 42 ¶1: approved by someone who is not 本行政机关负责人 — irregular with the heads in office as evidence, and the limit is not extended', () => {
    const { findings, facts, statutory } = judged([extended(10, { approvedBy: 'O-CLERK', reason: REASON })]);
    expect(facts).toMatchObject({ requiredApprover: 'DEPARTMENT_HEAD', extensions: [{ problems: ['NOT_A_HEAD'], headsInOffice: ['HEAD-D01'] }] });
    expect(findings[0].summary.zh).toBe('违规延期：2025-10-20延期10个工作日，批准人O-CLERK不是本行政机关负责人');
    expect(statutory).toMatchObject({ limitWorkingDays: 20 });
    expect(statutory?.explanation.extensions[0]).toMatchObject({ creditedDays: 0, refusal: 'NOT_A_HEAD' });
  });

  it('art. 42 ¶1: a head no longer in office on the day of the extension is not 本行政机关负责人', () => {
    const { facts, statutory } = judged([extended(10, { approvedBy: 'FORMER-HEAD', reason: REASON })]);
    expect(facts?.extensions[0].problems).toEqual(['NOT_A_HEAD']);
    expect(statutory?.limitWorkingDays).toBe(20);
  });

  it('art. 42 ¶1: the government head is not the head of the administrative organ', () => {
    expect(judged([extended(10, { approvedBy: 'GOV-R01', reason: REASON })]).facts?.extensions[0].problems).toEqual(['NOT_A_HEAD']);
  });

  it('art. 42 ¶2 "经本级人民政府负责人批准，可以延长十五日": joint handling +15 needs the government head; the department head is not enough', () => {
    const byGovernment = judged([extended(15, { approvedBy: 'GOV-R01', reason: REASON })], { item: jointItem });
    expect(byGovernment.findings).toEqual([]);
    expect(byGovernment.statutory?.limitWorkingDays).toBe(60);
    const byDepartment = judged([extended(15, { approvedBy: 'HEAD-D01', reason: REASON })], { item: jointItem });
    expect(byDepartment.facts).toMatchObject({ requiredApprover: 'GOVERNMENT_HEAD', extensions: [{ problems: ['NOT_A_HEAD'], headsInOffice: ['GOV-R01'] }] });
    expect(byDepartment.statutory?.limitWorkingDays).toBe(45);
  });

  it('art. 42: a city may switch the head check off (requireHeadApproval: false): any named approver extends again', () => {
    const { findings, statutory } = judged([extended(10, { approvedBy: 'O-CLERK', reason: REASON })], {
      thresholds: { EXTENSION_IRREGULAR: { requireHeadApproval: false } },
    });
    expect(findings).toEqual([]);
    expect(statutory?.limitWorkingDays).toBe(30);
  });

  it('without a list of heads the approver is not judged, and the clock says so', () => {
    const events = caseEvents(accepted, extended(10, { approvedBy: 'O-CLERK', reason: REASON }));
    expect(findingsOf(extensionIrregularRule, calendar, events, NOW)).toEqual([]);
    const statutory = contextAt(calendar, events, NOW).clocks.clocks.find((c) => c.kind === 'DECISION_STATUTORY');
    expect(statutory?.explanation.notes.join(' ')).toMatch(/approver not checked/);
  });
});
