import fc from 'fast-check';
import { caseContributions, CaseContributions, contributionDelta, sumContributions } from './case-contributions';
import { NOVEMBER, clock, ev, local } from './report-fixtures.spec-helper';

describe('caseContributions', () => {
  it('puts a completed-late case on its acceptance, overdue and decision days', () => {
    expect(caseContributions(NOVEMBER.B)).toEqual({
      '2025-11-03': { events: 2, submissions: 1, accepted: 1 },
      '2025-11-18': { promisedOverdueOpenDelta: 1 },
      '2025-11-20': {
        events: 1,
        eventsLate: 1,
        completed: 1,
        completedPromisedLate: 1,
        // Late against the promise (10), early against the law (13 of 20 working days used).
        completedStatutoryEarly: 1,
        usedWorkingDays: 13,
        statutoryLimitDays: 20,
        promisedLimitDays: 10,
        promisedLimitCases: 1,
        promisedOverdueOpenDelta: -1,
      },
    });
  });

  it('counts a case ended the first day past due as completed late, never as open overdue', () => {
    const decidedSaturday = {
      itemKind: 'PROMISED',
      clocks: [clock('DECISION_PROMISED', { startedOn: '2025-11-03', dueOn: '2025-11-14', state: 'breached', used: 9, limit: 9, stoppedAt: local('2025-11-15') })],
      events: [],
    };
    // No statutory clock: not accepted as far as the report is concerned.
    expect(caseContributions(decidedSaturday)).toEqual({});
    const withStatutory = { ...decidedSaturday, clocks: [...decidedSaturday.clocks, clock('DECISION_STATUTORY', { startedOn: '2025-11-03', dueOn: '2025-12-01', state: 'met', used: 9, limit: 20, stoppedAt: local('2025-11-15') })] };
    const days = caseContributions(withStatutory);
    expect(days['2025-11-15']).toMatchObject({ completed: 1, completedPromisedLate: 1 });
    expect(days['2025-11-15'].promisedOverdueOpenDelta).toBeUndefined();
  });

  it('counts an immediate item decided the same day as on time but not early, and a withdrawal as terminated', () => {
    expect(caseContributions(NOVEMBER.D)['2025-11-05']).toMatchObject({ accepted: 1, acceptedImmediate: 1, completed: 1, completedOnTime: 1 });
    expect(caseContributions(NOVEMBER.D)['2025-11-05'].completedEarly).toBeUndefined();
    expect(caseContributions(NOVEMBER.E)['2025-11-12']).toEqual({ events: 1, terminated: 1 });
  });

  it('never ends a case before it began (a back-dated stop counts on the acceptance day)', () => {
    const backdated = {
      itemKind: 'PROMISED',
      clocks: [clock('DECISION_STATUTORY', { startedOn: '2025-11-10', dueOn: '2025-12-08', state: 'met', used: 0, limit: 20, stoppedAt: local('2025-11-07'), stoppedBy: 'VOIDED' })],
      events: [ev('VOIDED', '2025-11-07')],
    };
    expect(caseContributions(backdated)['2025-11-10']).toEqual({ accepted: 1, terminated: 1 });
  });

  it('gives an empty delta for the same case projected twice, and new − old otherwise', () => {
    const before = caseContributions(NOVEMBER.C);
    expect(contributionDelta(before, caseContributions(NOVEMBER.C))).toEqual({});
    const decided = caseContributions({ ...NOVEMBER.C, clocks: NOVEMBER.C.clocks.map((c) => ({ ...c, stoppedAt: local('2025-11-21'), stoppedBy: 'DECIDED' })) });
    expect(contributionDelta(before, decided)).toEqual({
      '2025-11-21': { completed: 1, completedPromisedLate: 1, completedStatutoryLate: 1, usedWorkingDays: 29, statutoryLimitDays: 20, promisedLimitDays: 10, promisedLimitCases: 1, promisedOverdueOpenDelta: -1, statutoryOverdueOpenDelta: -1 },
    });
  });

  it('keeps the rollup equal to the sum of the latest contributions under any order of re-projections (property)', () => {
    const versions = Object.values(NOVEMBER).map((c) => caseContributions(c));
    // Each case goes through random earlier versions (other cases' contributions stand in for them).
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(versions.length - 1), fc.nat(versions.length - 1)), { maxLength: 60 }), (steps) => {
        const current = new Map<number, CaseContributions>();
        const rollup: CaseContributions[] = [];
        for (const [caseIndex, version] of steps) {
          rollup.push(contributionDelta(current.get(caseIndex) ?? null, versions[version]));
          current.set(caseIndex, versions[version]);
        }
        const incremental = [...sumContributions(rollup)].filter(([, c]) => Object.values(c).some((v) => v !== 0));
        const fresh = [...sumContributions(current.values())].filter(([, c]) => Object.values(c).some((v) => v !== 0));
        expect(new Map(incremental)).toEqual(new Map(fresh));
      }),
    );
  });
});
