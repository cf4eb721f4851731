import { readFileSync, readdirSync } from 'fs';
import { DEFAULT_COUNTING_POLICY } from '../calendar/counting-policy';
import { loadYearFiles } from '../calendar/holiday-files.spec-helper';
import { WorkingCalendar } from '../calendar/working-calendar';
import { EventLine, caseEvents, item, shanghai } from './case-events.spec-helper';
import { CaseClock, CaseClocks, ClockKind } from './clock-types';
import { computeCaseClocks } from './compute-case-clocks';

const calendar = WorkingCalendar.fromYearFiles(loadYearFiles({ readdirSync, readFileSync }));

function clock(result: CaseClocks, kind: ClockKind, occurrence = 0): CaseClock {
  const found = result.clocks.filter((c) => c.kind === kind)[occurrence];
  if (!found) throw new Error(`no ${kind} clock #${occurrence}`);
  return found;
}

describe('computeCaseClocks: decision clocks', () => {
  const events = caseEvents(
    ['SUBMITTED', '2025-09-26 09:00', { channel: 'WINDOW', documents: ['application'] }],
    ['ACCEPTED', '2025-09-26 10:00', {}],
  );
  const result = computeCaseClocks({ events, item: item(), calendar, now: shanghai('2025-10-20 10:00') });

  it('counts the law example across National Day: due 2025-10-30 at 24:00 Asia/Shanghai', () => {
    expect(clock(result, 'DECISION_STATUTORY')).toMatchObject({
      limitWorkingDays: 20,
      startedOn: '2025-09-26',
      dueOn: '2025-10-30',
      dueAt: '2025-10-30T16:00:00.000Z',
      usedWorkingDays: 12, // 09-28…30, 10-09…11, 10-13…17, 10-20
      remainingWorkingDays: 8,
      state: 'running',
      provisional: false,
      // warning at the 18th working day (90 % of 20): 2025-10-28 00:00 local
      warningAt: '2025-10-27T16:00:00.000Z',
      nextCheckAt: '2025-10-27T16:00:00.000Z',
    });
    expect(result).toMatchObject({ acceptedOn: '2025-09-26', provisional: false, nextCheckAt: '2025-10-27T16:00:00.000Z' });
    expect(result.deemedAcceptedOn).toBeUndefined();
  });

  it('explains the count: ranges, weekends, the holiday by name, make-up days', () => {
    const { explanation } = clock(result, 'DECISION_STATUTORY');
    expect(explanation.countedAfter).toBe('2025-09-26');
    expect(explanation.countedThrough).toBe('2025-10-30');
    expect(explanation.countedRanges.slice(0, 3)).toEqual([
      { from: '2025-09-28', to: '2025-09-30', workingDays: 3 },
      { from: '2025-10-09', to: '2025-10-11', workingDays: 3 },
      { from: '2025-10-13', to: '2025-10-17', workingDays: 5 },
    ]);
    expect(explanation.countedRanges.reduce((sum, range) => sum + range.workingDays, 0)).toBe(20);
    expect(explanation.skippedDays.slice(0, 2)).toEqual([
      { date: '2025-09-27', reason: 'WEEKEND' },
      { date: '2025-10-01', reason: 'HOLIDAY', holidayName: '国庆节、中秋节' },
    ]);
    expect(explanation.skippedDays.filter((day) => day.reason === 'HOLIDAY')).toHaveLength(8);
    expect(explanation.makeUpWorkingDays).toEqual([
      { date: '2025-09-28', holidayName: '国庆节、中秋节' },
      { date: '2025-10-11', holidayName: '国庆节、中秋节' },
    ]);
  });

  it('measures the promised limit first: 10 working days, already breached', () => {
    expect(clock(result, 'DECISION_PROMISED')).toMatchObject({
      limitWorkingDays: 10,
      dueOn: '2025-10-16',
      usedWorkingDays: 12,
      remainingWorkingDays: -2,
      state: 'breached',
      nextCheckAt: null,
    });
  });

  it('stops at the decision: met when decided by the due instant, breached after it', () => {
    const decidedOnTime = computeCaseClocks({
      events: [...events, ...caseEvents(['DECIDED', '2025-10-30 23:59', { outcome: 'APPROVED' }]).map(renumber(3))],
      item: item(),
      calendar,
      now: shanghai('2025-12-01 10:00'),
    });
    expect(clock(decidedOnTime, 'DECISION_STATUTORY')).toMatchObject({
      state: 'met',
      stoppedAt: '2025-10-30T15:59:00.000Z',
      stoppedBy: 'DECIDED',
      usedWorkingDays: 20,
      remainingWorkingDays: 0,
      nextCheckAt: null,
    });
    const decidedLate = computeCaseClocks({
      events: [...events, ...caseEvents(['DECIDED', '2025-10-31 00:00', { outcome: 'APPROVED' }]).map(renumber(3))],
      item: item(),
      calendar,
      now: shanghai('2025-12-01 10:00'),
    });
    expect(clock(decidedLate, 'DECISION_STATUTORY')).toMatchObject({ state: 'breached', usedWorkingDays: 21 });
  });

  it('IMMEDIATE items are due the same day', () => {
    const immediate = computeCaseClocks({
      events: caseEvents(['ACCEPTED', '2025-10-13 10:00', {}], ['DECIDED', '2025-10-13 15:00', { outcome: 'APPROVED' }]),
      item: item({ kind: 'IMMEDIATE', promisedDays: 0, statutoryDays: 0 }),
      calendar,
      now: shanghai('2025-10-14 10:00'),
    });
    expect(clock(immediate, 'DECISION_PROMISED')).toMatchObject({ limitWorkingDays: 0, dueOn: '2025-10-13', state: 'met' });
    expect(clock(immediate, 'DECISION_STATUTORY')).toMatchObject({ limitWorkingDays: 20, dueOn: '2025-11-10' });
  });

  it('uses the law default for an uncatalogued item (20) and for a joint item without a limit (45)', () => {
    const accepted = caseEvents(['ACCEPTED', '2025-09-26 10:00', {}]);
    const now = shanghai('2025-09-29 09:00');
    const unknown = computeCaseClocks({ events: accepted, item: undefined, calendar, now });
    expect(unknown.clocks.map((c) => c.kind)).toEqual(['DECISION_STATUTORY']);
    expect(clock(unknown, 'DECISION_STATUTORY').explanation.notes[0]).toMatch(/not in the catalogue.*20/);
    const joint = computeCaseClocks({ events: accepted, item: item({ kind: 'JOINT', statutoryDays: 0 }), calendar, now });
    expect(clock(joint, 'DECISION_STATUTORY').limitWorkingDays).toBe(45);
  });

  it('counts the start day when the policy says so', () => {
    const result = computeCaseClocks({
      events: caseEvents(['ACCEPTED', '2025-09-29 10:00', {}]),
      item: item({ promisedDays: 1 }),
      calendar,
      policy: { ...DEFAULT_COUNTING_POLICY, startDayCounted: true },
      now: shanghai('2025-09-29 11:00'),
    });
    expect(clock(result, 'DECISION_PROMISED')).toMatchObject({ dueOn: '2025-09-29', usedWorkingDays: 1 });
  });
});

describe('computeCaseClocks: acceptance notice (art. 32(4))', () => {
  const submitted: EventLine = ['SUBMITTED', '2025-09-26 10:00', { channel: 'ONLINE', documents: ['application'] }];

  it('is met by a correction notice in time, and starts again on the corrected materials', () => {
    const result = computeCaseClocks({
      events: caseEvents(
        submitted,
        ['CORRECTION_REQUESTED', '2025-09-29 10:00', { missing: ['licence'] }],
        ['CORRECTION_SUBMITTED', '2025-10-09 10:00', { documents: ['licence'] }],
        ['ACCEPTED', '2025-10-10 10:00', {}],
      ),
      item: item(),
      calendar,
      now: shanghai('2025-10-13 10:00'),
    });
    expect(clock(result, 'ACCEPTANCE_NOTICE', 0)).toMatchObject({ dueOn: '2025-10-10', state: 'met', usedWorkingDays: 2 });
    expect(clock(result, 'ACCEPTANCE_NOTICE', 1)).toMatchObject({ startedOn: '2025-10-09', dueOn: '2025-10-15', state: 'met' });
    expect(result.acceptedOn).toBe('2025-10-10');
    expect(result.deemedAcceptedOn).toBeUndefined();
  });

  it('deems the case accepted on the day of receipt when the correction notice is late', () => {
    const result = computeCaseClocks({
      events: caseEvents(
        submitted,
        ['CORRECTION_REQUESTED', '2025-10-13 10:00', { missing: ['licence'] }],
        ['CORRECTION_SUBMITTED', '2025-10-14 10:00', { documents: ['licence'] }],
        ['ACCEPTED', '2025-10-15 10:00', {}],
      ),
      item: item(),
      calendar,
      now: shanghai('2025-10-20 10:00'),
    });
    expect(clock(result, 'ACCEPTANCE_NOTICE', 0)).toMatchObject({ dueOn: '2025-10-10', state: 'breached' });
    expect(result).toMatchObject({ acceptedOn: '2025-09-26', deemedAcceptedOn: '2025-09-26' });
    const statutory = clock(result, 'DECISION_STATUTORY');
    expect(statutory).toMatchObject({ startedOn: '2025-09-26', dueOn: '2025-10-30' });
    expect(statutory.explanation.notes[0]).toMatch(/Deemed accepted on 2025-09-26/);
  });

  it('deems the case accepted when nothing came at all, once the notice limit has run out', () => {
    const events = caseEvents(submitted);
    const before = computeCaseClocks({ events, item: item(), calendar, now: shanghai('2025-10-10 23:00') });
    expect(before.deemedAcceptedOn).toBeUndefined();
    expect(clock(before, 'ACCEPTANCE_NOTICE')).toMatchObject({ state: 'running', nextCheckAt: '2025-10-10T16:00:00.000Z' });
    const after = computeCaseClocks({ events, item: item(), calendar, now: shanghai('2025-10-11 00:00') });
    expect(after.deemedAcceptedOn).toBe('2025-09-26');
    expect(clock(after, 'DECISION_PROMISED')).toMatchObject({ startedOn: '2025-09-26', state: 'running' });
  });
});

describe('computeCaseClocks: lower review, issuance, steps, closing', () => {
  it('gives FORWARDED items 20 working days from acceptance to FORWARDED', () => {
    const result = computeCaseClocks({
      events: caseEvents(['ACCEPTED', '2025-09-26 10:00', {}], ['FORWARDED', '2025-10-31 10:00', { toDepartmentCode: 'P01' }]),
      item: item({ kind: 'FORWARDED' }),
      calendar,
      now: shanghai('2025-11-03 10:00'),
    });
    expect(clock(result, 'LOWER_REVIEW')).toMatchObject({ dueOn: '2025-10-30', state: 'breached', stoppedBy: 'FORWARDED' });
    expect(clock(result, 'DECISION_STATUTORY').stoppedBy).toBeUndefined(); // forwarding does not decide
  });

  it('gives 10 working days from an approval to the certificate', () => {
    const result = computeCaseClocks({
      events: caseEvents(
        ['ACCEPTED', '2025-09-26 10:00', {}],
        ['DECIDED', '2025-10-09 10:00', { outcome: 'APPROVED' }],
        ['CERTIFICATE_ISSUED', '2025-10-24 10:00', {}],
      ),
      item: item(),
      calendar,
      now: shanghai('2025-11-03 10:00'),
    });
    // 10-10, 10-11 (make-up Saturday), 10-13…17, 10-20…22
    expect(clock(result, 'ISSUANCE')).toMatchObject({ dueOn: '2025-10-22', state: 'breached', usedWorkingDays: 12 });
  });

  it('keeps one clock per step occurrence, completed first-in first-out', () => {
    const result = computeCaseClocks({
      events: caseEvents(
        ['ACCEPTED', '2025-09-26 10:00', {}],
        ['STEP_STARTED', '2025-09-29 10:00', { step: 'REVIEW' }],
        ['STEP_STARTED', '2025-09-29 11:00', { step: 'UNCATALOGUED' }],
        ['STEP_COMPLETED', '2025-10-09 10:00', { step: 'REVIEW' }],
        ['STEP_STARTED', '2025-10-10 10:00', { step: 'REVIEW' }],
      ),
      item: item(),
      calendar,
      now: shanghai('2025-10-13 10:00'),
    });
    const steps = result.clocks.filter((c) => c.kind === 'STEP');
    expect(steps).toHaveLength(2);
    // 09-30, 10-09, 10-10, 10-11 (make-up Saturday), 10-13
    expect(steps[0]).toMatchObject({ step: 'REVIEW', dueOn: '2025-10-13', state: 'met', usedWorkingDays: 2 });
    expect(steps[1]).toMatchObject({ step: 'REVIEW', startedOn: '2025-10-10', dueOn: '2025-10-16', state: 'running' });
  });

  it('stops every open clock when the case is withdrawn', () => {
    const result = computeCaseClocks({
      events: caseEvents(
        ['ACCEPTED', '2025-09-26 10:00', {}],
        ['STEP_STARTED', '2025-09-29 10:00', { step: 'REVIEW' }],
        ['WITHDRAWN', '2025-09-30 10:00', {}],
      ),
      item: item(),
      calendar,
      now: shanghai('2025-12-01 10:00'),
    });
    expect(result.clocks.every((c) => c.stoppedBy === 'WITHDRAWN' && c.state === 'met')).toBe(true);
    expect(result.nextCheckAt).toBeNull();
  });
});

function renumber(from: number) {
  return (event: ReturnType<typeof caseEvents>[number], index: number) => ({
    ...event,
    eventId: `e${from + index}`,
    seq: from + index,
  });
}
