import { isStanding, measureError, RegisterState, warningTalkCoverage, yearlyConsequences, YearEntry } from './register-rules';

const fault = (severity: YearEntry['severity'], direct: boolean, state: YearEntry['state'] = 'CONFIRMED'): YearEntry => ({ kind: 'FAULT', severity, state, directResponsibility: direct });
const other = (kind: YearEntry['kind'], state: YearEntry['state'] = 'CONFIRMED'): YearEntry => ({ kind, severity: null, state, directResponsibility: false });

describe('register rules', () => {
  it('allows only the measures of the severity ladder', () => {
    expect(measureError('FAULT', 'MINOR', 'CIRCULATED_CRITICISM')).toBeNull();
    expect(measureError('FAULT', 'MINOR', 'REMOVAL')).toMatch(/MINOR fault takes/);
    expect(measureError('FAULT', 'GRAVE', 'REMOVAL')).toBeNull();
    expect(measureError('FAULT', null, 'REMOVAL')).toMatch(/severity/);
    expect(measureError('HEAD_ACCOUNTABILITY', null, 'ORDERED_RESIGNATION')).toBeNull();
    expect(measureError('WARNING_TALK', null, 'WARNING_TALK')).toBeNull();
    expect(measureError('REPRIMAND', null, 'CAUTION')).not.toBeNull();
  });

  it('takes award eligibility away with one standing fault; a revoked one counts for nothing', () => {
    expect(yearlyConsequences([fault('MINOR', false, 'REVOKED')]).awardEligible).toBe(true);
    expect(yearlyConsequences([fault('MINOR', false, 'APPEALED')])).toMatchObject({ awardEligible: false, faults: 1, awardWithheldBy: ['FAULT'] });
  });

  it('assesses "incompetent" at three general faults with direct responsibility, not at two or at three without', () => {
    expect(yearlyConsequences([fault('MINOR', true), fault('MINOR', true)]).assessment).toBeNull();
    expect(yearlyConsequences([fault('MINOR', true), fault('MINOR', false), fault('MINOR', true)]).assessment).toBeNull();
    const three = yearlyConsequences([fault('MINOR', true), fault('MINOR', true), fault('MINOR', true), other('REPRIMAND')]);
    expect(three).toMatchObject({ assessment: 'INCOMPETENT', faults: 3, countedTowardsIncompetent: 3, reprimands: 1, bySeverity: { MINOR: 3, SERIOUS: 0, GRAVE: 0 } });
  });
});

describe('the city opinion on accountability, in its own words', () => {
  it('"一般过错达3次的，年度考核为不称职": only general (情节较轻) faults with direct responsibility count; graver faults have their own measures', () => {
    const graver = yearlyConsequences([fault('MINOR', true), fault('GRAVE', true), fault('SERIOUS', true)]);
    expect(graver).toMatchObject({ assessment: null, directResponsibilityFaults: 3, countedTowardsIncompetent: 1 });
    expect(yearlyConsequences([fault('MINOR', true), fault('MINOR', true), fault('MINOR', true, 'APPEALED')]).assessment).toBe('INCOMPETENT');
    expect(yearlyConsequences([fault('MINOR', true), fault('MINOR', true), fault('MINOR', true, 'REVOKED')]).assessment).toBeNull();
  });

  it('"一般过错达3次": a city that counts every grade says so in its settings', () => {
    const everyGrade = { incompetentAfterFaults: 3, incompetentCountsSeverities: ['MINOR', 'SERIOUS', 'GRAVE'] as YearEntry['severity'][] as never };
    expect(yearlyConsequences([fault('MINOR', true), fault('GRAVE', true), fault('SERIOUS', true)], everyGrade).assessment).toBe('INCOMPETENT');
  });

  it('"情节较重的，给予告诫或调离岗位": 告诫 (CAUTION) is the measure; 诫勉 is not, and 诫勉谈话 is a record of its own', () => {
    expect(measureError('FAULT', 'SERIOUS', 'CAUTION')).toBeNull();
    expect(measureError('FAULT', 'SERIOUS', 'TRANSFER')).toBeNull();
    expect(measureError('FAULT', 'SERIOUS', 'ADMONITION')).toMatch(/CAUTION \(告诫\)/);
    expect(measureError('ADMONITORY_TALK', null, 'ADMONITORY_TALK')).toBeNull();
    expect(yearlyConsequences([other('ADMONITORY_TALK')])).toMatchObject({ admonitoryTalks: 1, awardEligible: true });
  });

  it('"受到过错责任追究的，取消当年评优评先资格": a head\'s accountability withholds the award too; reprimands and talks do not', () => {
    expect(yearlyConsequences([other('HEAD_ACCOUNTABILITY')])).toMatchObject({ awardEligible: false, awardWithheldBy: ['HEAD_ACCOUNTABILITY'], headAccountabilities: 1 });
    expect(yearlyConsequences([other('HEAD_ACCOUNTABILITY', 'REVOKED')]).awardEligible).toBe(true);
    expect(yearlyConsequences([other('REPRIMAND'), other('WARNING_TALK'), other('ADMONITORY_TALK')]).awardEligible).toBe(true);
  });

  it('"各部门每年要对本部门工作人员进行警醒谈话": coverage is the share of the department\'s officers talked to that year', () => {
    const coverage = warningTalkCoverage(['A', 'B', 'C', 'D'], [
      { officerId: 'A', state: 'CONFIRMED' },
      { officerId: 'A', state: 'CONFIRMED' },
      { officerId: 'B', state: 'REVOKED' },
      { officerId: 'C', state: 'APPEALED' },
      { officerId: 'X', state: 'CONFIRMED' },
    ]);
    expect(coverage).toEqual({ officers: 4, talkedTo: 2, coverage: 0.5, notYetTalkedTo: ['B', 'D'], full: false });
    expect(warningTalkCoverage(['A'], [{ officerId: 'A', state: 'CONFIRMED' }])).toMatchObject({ coverage: 1, full: true });
    expect(warningTalkCoverage([], [])).toMatchObject({ coverage: null, full: false });
  });
});

describe('register: department records and head-accountability proposals', () => {
  it('gives departments their own measures', () => {
    expect(measureError('DEPARTMENT_SANCTION', null, 'CIRCULATED_CRITICISM')).toBeNull();
    expect(measureError('DEPARTMENT_SANCTION', null, 'WARNING')).toBeNull();
    expect(measureError('DEPARTMENT_SANCTION', null, 'REMOVAL')).toMatch(/CIRCULATED_CRITICISM or WARNING/);
    expect(measureError('DISCIPLINE_FUNDS', null, 'HANDED_TO_TREASURY')).toBeNull();
    expect(measureError('DISCIPLINE_FUNDS', null, 'WARNING')).toMatch(/RECOVERED or HANDED_TO_TREASURY/);
  });

  it('counts a head-accountability proposal only once confirmed', () => {
    const head = (state: RegisterState) => ({ kind: 'HEAD_ACCOUNTABILITY' as const, severity: null, state, directResponsibility: false });
    expect(yearlyConsequences([head('PROPOSED')])).toMatchObject({ awardEligible: true, headAccountabilities: 0 });
    expect(yearlyConsequences([head('DISMISSED')])).toMatchObject({ awardEligible: true, headAccountabilities: 0 });
    expect(yearlyConsequences([head('CONFIRMED')])).toMatchObject({ awardEligible: false, headAccountabilities: 1 });
    expect(isStanding('APPEALED')).toBe(true);
  });
});
