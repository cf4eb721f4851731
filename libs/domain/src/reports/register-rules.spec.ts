import { measureError, yearlyConsequences, YearEntry } from './register-rules';

const fault = (severity: YearEntry['severity'], direct: boolean, state: YearEntry['state'] = 'CONFIRMED'): YearEntry => ({ kind: 'FAULT', severity, state, directResponsibility: direct });

describe('register rules', () => {
  it('allows only the measures of the severity ladder', () => {
    expect(measureError('FAULT', 'MINOR', 'CIRCULATED_CRITICISM')).toBeNull();
    expect(measureError('FAULT', 'MINOR', 'REMOVAL')).toMatch(/MINOR fault takes/);
    expect(measureError('FAULT', 'GRAVE', 'REMOVAL')).toBeNull();
    expect(measureError('FAULT', null, 'REMOVAL')).toMatch(/severity/);
    expect(measureError('HEAD_ACCOUNTABILITY', null, 'ORDERED_RESIGNATION')).toBeNull();
    expect(measureError('WARNING_TALK', null, 'WARNING_TALK')).toBeNull();
    expect(measureError('REPRIMAND', null, 'ADMONITION')).not.toBeNull();
  });

  it('takes award eligibility away with one standing fault; a revoked one counts for nothing', () => {
    expect(yearlyConsequences([fault('MINOR', false, 'REVOKED')]).awardEligible).toBe(true);
    expect(yearlyConsequences([fault('MINOR', false, 'APPEALED')])).toMatchObject({ awardEligible: false, faults: 1 });
  });

  it('assesses "incompetent" at three faults with direct responsibility, not at two or at three without', () => {
    expect(yearlyConsequences([fault('MINOR', true), fault('SERIOUS', true)]).assessment).toBeNull();
    expect(yearlyConsequences([fault('MINOR', true), fault('MINOR', false), fault('MINOR', true)]).assessment).toBeNull();
    const three = yearlyConsequences([fault('MINOR', true), fault('GRAVE', true), fault('MINOR', true), { kind: 'REPRIMAND', severity: null, state: 'CONFIRMED', directResponsibility: true }]);
    expect(three).toMatchObject({ assessment: 'INCOMPETENT', faults: 3, directResponsibilityFaults: 3, reprimands: 1, bySeverity: { MINOR: 2, SERIOUS: 0, GRAVE: 1 } });
  });
});
