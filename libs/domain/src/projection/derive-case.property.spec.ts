import { ItemInput, StoredCaseEvent } from '@app/contracts';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'fs';
import { orderCaseEvents } from '../case/case-event-order';
import { foldCase } from '../case/case-projection';
import { dayAfterStart, eventLineAt } from '../rules/event-lines.spec-helper';
import { resolveRuleSettings } from '../rules/resolve-rule-settings';
import { EventLine, caseEvents, item, loadHolidayCalendar, shanghai } from '../rules/rules.spec-helper';
import { DerivationContext, DerivedCase, applyEvents, deriveCase } from './derive-case';
import { cursorOf, foldHistory, StoredFold } from './fold-history';

const calendar = loadHolidayCalendar({ readdirSync, readFileSync });
const day = dayAfterStart;
const HOUR = 3_600_000;

const items: (ItemInput | undefined)[] = [
  item({ feeFen: 1000, requiredDocuments: ['application', 'licence'] }),
  item({ kind: 'JOINT', statutoryDays: 0 }),
  item({ kind: 'FORWARDED' }),
  item({ kind: 'IMMEDIATE' }),
  undefined,
];
const approvers = { departmentHeads: [{ id: 'HEAD' }], governmentHeads: [] };

/** One delivery of an event, or a resend of an earlier one (as is, or with other content). */
const deliveryShape = fc.record({
  key: fc.double({ min: 0, max: 1, noNaN: true }),
  lateHours: fc.constantFrom(0, 0, 0, 2, 30, 200),
  resend: fc.constantFrom('none', 'none', 'none', 'same', 'changed' as const),
});

const caseShape = fc.record({
  lines: fc.array(fc.tuple(eventLineAt('WITHDRAWN'), fc.integer({ min: 0, max: 40 })), { maxLength: 12 }),
  withSeq: fc.constantFrom('all', 'none', 'some' as const),
  deliveries: fc.array(deliveryShape, { minLength: 13, maxLength: 13 }),
  /** Where the delivery stream is cut into projections; each cut is one stored projection. */
  cuts: fc.uniqueArray(fc.integer({ min: 1, max: 25 }), { maxLength: 4 }),
  itemIndex: fc.integer({ min: 0, max: items.length - 1 }),
  withApprovers: fc.boolean(),
  /** Days after the last event at which each projection runs (the clocks move with `now`). */
  nowDays: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 5, maxLength: 5 }),
  /** A projection at which the calendar's version changes (none when past the last). */
  versionChangeAt: fc.integer({ min: 0, max: 8 }),
  inOrder: fc.boolean(),
});
type CaseShape = typeof caseShape extends fc.Arbitrary<infer T> ? T : never;

function history(shape: CaseShape): StoredCaseEvent[] {
  const lines: EventLine[] = [
    ['SUBMITTED', day(0, '09:00'), { channel: 'WINDOW', documents: ['application'] }],
    ...[...shape.lines].sort((a, b) => a[1] - b[1]).map(([line, offset]) => line(offset)),
  ];
  return caseEvents(...lines).map((event, index) => {
    const { seq: _seq, ...withoutSeq } = event;
    const keepSeq = shape.withSeq === 'all' || (shape.withSeq === 'some' && index % 3 !== 2);
    const late = shape.deliveries[index]?.lateHours ?? 0;
    const receivedAt = new Date(Date.parse(event.occurredAt) + late * HOUR).toISOString();
    return { ...(keepSeq ? event : withoutSeq), receivedAt };
  });
}

/** The deliveries in arrival order: shuffled (or in case order), with resends. */
function deliveries(shape: CaseShape, events: StoredCaseEvent[]): StoredCaseEvent[] {
  const arrived = shape.inOrder
    ? orderCaseEvents(events)
    : events.map((event, i) => ({ event, key: shape.deliveries[i].key })).sort((a, b) => a.key - b.key).map((d) => d.event);
  const out: StoredCaseEvent[] = [];
  arrived.forEach((event, i) => {
    out.push(event);
    const resend = shape.deliveries[i].resend;
    if (resend === 'same') out.push({ ...event, receivedAt: new Date(Date.parse(event.receivedAt) + HOUR).toISOString() });
    if (resend === 'changed') out.push({ ...event, occurredAt: new Date(Date.parse(event.occurredAt) + 36 * HOUR).toISOString() });
  });
  return out;
}

function contextAt(shape: CaseShape, events: readonly StoredCaseEvent[], step: number): DerivationContext {
  const lastMs = Math.max(...events.map((e) => Date.parse(e.occurredAt)));
  const caseItem = items[shape.itemIndex];
  return {
    item: caseItem,
    calendar,
    now: new Date(lastMs + shape.nowDays[step % shape.nowDays.length] * 24 * HOUR),
    settings: resolveRuleSettings(caseItem),
    ...(shape.withApprovers ? { extensionApprovers: approvers } : {}),
    clockSettings: { explanationMaxDays: 0 },
    versions: { fold: '1', calendar: step >= shape.versionChangeAt ? 'b' : 'a' },
  };
}

/**
 * Projects the deliveries cut into runs, as the worker meets them: the first run derived, each
 * later one applied to the stored projection when `applyEvents` allows it, and every projection
 * compared with the oracle, `deriveCase` of everything delivered so far.
 */
function projectInRuns(shape: CaseShape): { applied: number; runs: number } {
  const delivered = deliveries(shape, history(shape));
  const cuts = [...new Set([...shape.cuts.filter((c) => c < delivered.length), delivered.length])].sort((a, b) => a - b);
  let stored: DerivedCase | undefined;
  let from = 0;
  let applied = 0;
  cuts.forEach((cut, step) => {
    const sofar = delivered.slice(0, cut);
    const context = contextAt(shape, sofar, step);
    const oracle = deriveCase(sofar, context);
    if (stored) {
      const result = applyEvents(stored, delivered.slice(from, cut), context);
      if (result.applicable) {
        applied++;
        expect(result.derived).toEqual(oracle);
      }
    }
    stored = oracle;
    from = cut;
  });
  return { applied, runs: cuts.length };
}

describe('applyEvents agrees with deriveCase whenever it applies', () => {
  it('shuffled, duplicated, late, paused, extended and corrected histories cut at random points', () => {
    fc.assert(fc.property(caseShape, (shape) => void projectInRuns(shape)), { numRuns: 400 });
  });

  it('applies to every run of an in-order delivery with sequence numbers and no version change', () => {
    const inOrder = caseShape.map((shape) => ({
      ...shape,
      inOrder: true,
      withSeq: 'all' as const,
      versionChangeAt: 99,
      deliveries: shape.deliveries.map((d) => ({ ...d, resend: d.resend === 'changed' ? ('none' as const) : d.resend })),
    }));
    fc.assert(
      fc.property(inOrder, (shape) => {
        const { applied, runs } = projectInRuns(shape);
        expect(applied).toBe(runs - 1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('applyEvents refuses what it cannot fold on', () => {
  const events = caseEvents(
    ['SUBMITTED', '2025-09-22 09:00', { channel: 'WINDOW', documents: ['application'] }],
    ['ACCEPTED', '2025-09-23 10:00', {}],
    ['STEP_STARTED', '2025-09-24 10:00', { step: 'REVIEW' }],
  );
  const context: DerivationContext = {
    item: item(),
    calendar,
    now: shanghai('2025-09-25 10:00'),
    settings: resolveRuleSettings(item()),
    versions: { fold: '1' },
  };
  const stored = deriveCase([events[0], events[2]], context);

  it('an event that belongs before the last one folded', () => {
    expect(applyEvents(stored, [events[1]], context)).toEqual({ applicable: false, reason: 'OUT_OF_ORDER' });
  });

  it('a stored eventId sent again with other content', () => {
    const changed = { ...events[2], data: { step: 'DECIDE' } } as StoredCaseEvent;
    expect(applyEvents(stored, [changed], context)).toEqual({ applicable: false, reason: 'CHANGED_DUPLICATE' });
  });

  it('a changed calendar, catalogue or ruleset version', () => {
    expect(applyEvents(stored, [], { ...context, versions: { fold: '1', calendar: 'next' } })).toEqual({ applicable: false, reason: 'VERSIONS_CHANGED' });
  });

  it('drops an exact resend and folds what follows', () => {
    const next = caseEvents(
      ['SUBMITTED', '2025-09-22 09:00', { channel: 'WINDOW', documents: ['application'] }],
      ['ACCEPTED', '2025-09-23 10:00', {}],
      ['STEP_STARTED', '2025-09-24 10:00', { step: 'REVIEW' }],
      ['STEP_COMPLETED', '2025-09-24 16:00', { step: 'REVIEW' }],
    )[3];
    const result = applyEvents(deriveCase(events, context), [{ ...events[2], receivedAt: '2025-09-30T00:00:00.000Z' }, next], context);
    expect(result.applicable).toBe(true);
    if (result.applicable) {
      expect(result.derived.fold.snapshot).toMatchObject({ eventCount: 4, currentStep: null, status: 'IN_PROGRESS' });
      expect(result.derived).toEqual(deriveCase([...events, next], context));
    }
  });
});

/**
 * The worker's side (ADR 17): each run reads the store's whole history (each eventId once, first
 * delivery kept) and the fold stored by the run before, as the database gives it back (JSON).
 */
function foldInRuns(shape: CaseShape): { incremental: number; runs: number } {
  const delivered = deliveries(shape, history(shape));
  const cuts = [...new Set([...shape.cuts.filter((c) => c < delivered.length), delivered.length])].sort((a, b) => a - b);
  let stored: StoredFold | undefined;
  let incremental = 0;
  for (const cut of cuts) {
    const kept = new Map<string, StoredCaseEvent>();
    for (const event of delivered.slice(0, cut)) if (!kept.has(event.eventId)) kept.set(event.eventId, event);
    const result = foldHistory([...kept.values()], stored);
    const oracle = foldCase(orderCaseEvents([...kept.values()]));
    expect(result.fold).toEqual(oracle);
    expect(result.ordered).toEqual(orderCaseEvents([...kept.values()]));
    if (result.incremental) incremental++;
    stored = JSON.parse(JSON.stringify({ snapshot: result.fold.snapshot, cursor: cursorOf(result.fold) })) as StoredFold;
  }
  return { incremental, runs: cuts.length };
}

describe('foldHistory equals the fold of the whole history, from any stored fold', () => {
  it('shuffled, duplicated, late, paused, extended and corrected histories cut at random points', () => {
    fc.assert(fc.property(caseShape, (shape) => void foldInRuns(shape)), { numRuns: 400 });
  });

  it('goes on from the stored fold at every run of an in-order delivery with sequence numbers', () => {
    const inOrder = caseShape.map((shape) => ({ ...shape, inOrder: true, withSeq: 'all' as const }));
    fc.assert(
      fc.property(inOrder, (shape) => {
        const { incremental, runs } = foldInRuns(shape);
        expect(incremental).toBe(runs - 1);
      }),
      { numRuns: 200 },
    );
  });

  const events = caseEvents(
    ['SUBMITTED', '2025-09-22 09:00', { channel: 'WINDOW', documents: ['application'] }],
    ['ACCEPTED', '2025-09-23 10:00', {}],
    ['SUSPENDED', '2025-09-24 10:00', { reason: 'TESTING', expectedDays: 3, noticeIssued: true }],
    ['RESUMED', '2025-09-25 10:00', {}],
  );
  const storedOf = (history: StoredCaseEvent[]): StoredFold => {
    const fold = foldCase(orderCaseEvents(history));
    return { snapshot: fold.snapshot, cursor: cursorOf(fold) };
  };

  it('re-derives when a late event sorts before the last one folded', () => {
    const result = foldHistory(events, storedOf([events[0], events[2]]));
    expect(result).toMatchObject({ incremental: false, reason: 'OUT_OF_ORDER' });
    expect(result.fold).toEqual(foldCase(events));
  });

  it('re-derives a fold stored by another version, or when asked to', () => {
    const stored = storedOf(events.slice(0, 2));
    expect(foldHistory(events, { ...stored, cursor: { ...stored.cursor, version: 'older' } })).toMatchObject({ incremental: false, reason: 'VERSION_CHANGED' });
    expect(foldHistory(events, stored, true)).toMatchObject({ incremental: false, reason: 'REQUESTED' });
    expect(foldHistory(events, undefined)).toMatchObject({ incremental: false, reason: 'NOT_STORED' });
  });

  it('folds on across a suspension: the status before it comes from the cursor', () => {
    const result = foldHistory(events, storedOf(events.slice(0, 3)));
    expect(result.incremental).toBe(true);
    expect(result.fold.snapshot.status).toBe('ACCEPTED');
    expect(result.fold).toEqual(foldCase(events));
  });
});
