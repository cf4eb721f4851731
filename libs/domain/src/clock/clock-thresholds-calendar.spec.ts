import { readFileSync, readdirSync } from 'fs';
import { loadYearFiles } from '../calendar/holiday-files.spec-helper';
import { WorkingCalendar } from '../calendar/working-calendar';
import { PUBLISHED_2027, caseEvents, item, shanghai } from './case-events.spec-helper';
import { CaseClock, CaseClocks, ClockKind } from './clock-types';
import { computeCaseClocks } from './compute-case-clocks';

const calendar = WorkingCalendar.fromYearFiles(loadYearFiles({ readdirSync, readFileSync }));

function clock(result: CaseClocks, kind: ClockKind): CaseClock {
  const found = result.clocks.find((c) => c.kind === kind);
  if (!found) throw new Error(`no ${kind} clock`);
  return found;
}

describe('computeCaseClocks: thresholds for the scheduler', () => {
  const events = caseEvents(['ACCEPTED', '2025-09-26 10:00', {}]);
  const at = (now: string) =>
    clock(computeCaseClocks({ events, item: undefined, calendar, now: shanghai(now) }), 'DECISION_STATUTORY');

  it('points at the warning, then at the due instant, then at nothing', () => {
    expect(at('2025-10-27 23:59').nextCheckAt).toBe('2025-10-27T16:00:00.000Z');
    expect(at('2025-10-28 00:00')).toMatchObject({ nextCheckAt: '2025-10-30T16:00:00.000Z', remainingWorkingDays: 2 });
    expect(at('2025-10-31 00:00')).toMatchObject({ nextCheckAt: null, state: 'breached' });
  });

  it('can skip the day lists for batch recomputation', () => {
    const summary = computeCaseClocks({
      events,
      item: undefined,
      calendar,
      now: shanghai('2025-10-20 10:00'),
      settings: { explanationMaxDays: 0 },
    });
    const statutory = clock(summary, 'DECISION_STATUTORY');
    expect(statutory).toMatchObject({ dueOn: '2025-10-30', usedWorkingDays: 12 });
    expect(statutory.explanation).toMatchObject({ countedRanges: [], skippedDays: [], truncated: true });
  });

  it('opens no issuance clock after a refusal', () => {
    const refused = computeCaseClocks({
      events: caseEvents(
        ['ACCEPTED', '2025-09-26 10:00', {}],
        ['DECIDED', '2025-10-09 10:00', { outcome: 'DENIED', reason: 'x' }],
        ['DECIDED', '2025-10-10 10:00', { outcome: 'APPROVED' }],
      ),
      item: item(),
      calendar,
      now: shanghai('2025-11-03 10:00'),
    });
    expect(refused.clocks.map((c) => c.kind)).not.toContain('ISSUANCE');
    expect(clock(refused, 'DECISION_STATUTORY')).toMatchObject({ state: 'met', stoppedBy: 'DECIDED' });
  });
});

describe('computeCaseClocks: provisional calendar', () => {
  const events = caseEvents(['ACCEPTED', '2026-12-17 10:00', {}]);
  const now = shanghai('2026-12-18 10:00');

  it('marks a clock running into 2027 provisional, computed Monday–Friday', () => {
    const statutory = clock(computeCaseClocks({ events, item: item(), calendar, now }), 'DECISION_STATUTORY');
    expect(statutory).toMatchObject({ dueOn: '2027-01-14', provisional: true });
    expect(statutory.explanation.provisionalYears).toEqual([2026, 2027]);
    expect(statutory.explanation.notes.join(' ')).toMatch(/not final for 2026, 2027/);
  });

  it('becomes exact, and its due date moves, once the 2027 calendar is loaded', () => {
    const result = computeCaseClocks({ events, item: item(), calendar: calendar.withYearFile(PUBLISHED_2027), now });
    const statutory = clock(result, 'DECISION_STATUTORY');
    expect(statutory).toMatchObject({ dueOn: '2027-01-15', provisional: false });
    expect(statutory.explanation.skippedDays).toContainEqual({ date: '2027-01-01', reason: 'HOLIDAY', holidayName: '元旦' });
    expect(result.provisional).toBe(false);
  });
});
