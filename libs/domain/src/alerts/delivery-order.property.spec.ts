import { AlertLevel, StoredCaseEvent } from '@app/contracts';
import fc from 'fast-check';
import { dayAfterStart, eventLineAt } from '../rules/event-lines.spec-helper';
import { readFileSync, readdirSync } from 'fs';
import { buildRuleContext } from '../rules/build-rule-context';
import { evaluateCase } from '../rules/evaluate-case';
import { EventLine, caseEvents, item, loadHolidayCalendar } from '../rules/rules.spec-helper';
import { ActiveCard, planCardChanges } from './card-reconcile';

/**
 * R4 at the level of the domain: many cases' events delivered in order, or shuffled, duplicated and
 * cut into other batches, go through what a projection job does per batch — keep the first copy of
 * each event, rebuild every touched case from its whole history (state, clocks, rules) and reconcile
 * its cards — and must end in the same states, clocks and cards.
 */
const calendar = loadHolidayCalendar({ readdirSync, readFileSync });
const catalogued = item({ feeFen: 1000, requiredDocuments: ['application', 'licence'] });

const day = dayAfterStart;

const lineAt = eventLineAt('WITHDRAWN');

const caseShape = fc.record({
  lines: fc.array(fc.tuple(lineAt, fc.integer({ min: 0, max: 40 })), { maxLength: 10 }),
  withSeq: fc.boolean(),
  lateHours: fc.array(fc.integer({ min: 0, max: 96 }), { maxLength: 11 }),
});

const scenario = fc.record({
  cases: fc.array(caseShape, { minLength: 1, maxLength: 8 }),
  nowDay: fc.integer({ min: 5, max: 70 }),
  inOrderBatch: fc.integer({ min: 1, max: 12 }),
  messyBatch: fc.integer({ min: 1, max: 12 }),
  duplicateShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
  seed: fc.integer(),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/** Every case's events as received (each with the instant of its first receipt), up to `now`. */
function histories(s: Scenario, now: Date): StoredCaseEvent[] {
  return s.cases.flatMap((shape, k) => {
    const lines: EventLine[] = [
      ['SUBMITTED', day(0, '09:00'), { channel: 'WINDOW', documents: ['application'] }],
      ...[...shape.lines].sort((a, b) => a[1] - b[1]).map(([line, offset]) => line(offset)),
    ];
    return caseEvents(...lines)
      .map((event, i) => ({
        ...event,
        caseId: `C-${k}`,
        eventId: `C-${k}-${event.eventId}`,
        ...(shape.withSeq ? {} : { seq: undefined }),
        receivedAt: new Date(Math.min(now.getTime(), Date.parse(event.occurredAt) + (shape.lateHours[i] ?? 0) * 3_600_000)).toISOString(),
      }))
      .filter((event) => Date.parse(event.occurredAt) <= now.getTime());
  });
}

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function shuffled<T>(values: readonly T[], next: () => number): T[] {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const batchesOf = <T>(values: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(values.length / size) }, (_, i) => values.slice(i * size, (i + 1) * size));

interface CaseOutcome {
  snapshot: unknown;
  clocks: unknown;
  findings: unknown;
  cards: Record<string, AlertLevel>;
}

/** The centre: first copy of each event kept; every case a batch adds to is re-derived and its cards reconciled. */
function deliver(batches: StoredCaseEvent[][], now: Date): Map<string, CaseOutcome> {
  const stored = new Map<string, Map<string, StoredCaseEvent>>();
  const cards = new Map<string, ActiveCard[]>();
  const outcome = new Map<string, CaseOutcome>();
  let ids = 0;
  for (const batch of batches) {
    const touched = new Set<string>();
    for (const event of batch) {
      const events = stored.get(event.caseId) ?? new Map<string, StoredCaseEvent>();
      stored.set(event.caseId, events);
      if (events.has(event.eventId)) continue;
      events.set(event.eventId, event);
      touched.add(event.caseId);
    }
    for (const caseId of touched) {
      // As the projection stores clocks: numbers only, no day-by-day explanation.
      const context = buildRuleContext({ events: [...stored.get(caseId)!.values()], item: catalogued, calendar, now, clockSettings: { explanationMaxDays: 0 } });
      const evaluation = evaluateCase(context);
      const active = cards.get(caseId) ?? [];
      const changes = planCardChanges(active, evaluation.findings, false);
      const next = active
        .filter((card) => !changes.clear.includes(card))
        .map((card) => ({ ...card, level: [...changes.upgrade, ...changes.correct].find((u) => u.card === card)?.finding.level ?? card.level }));
      for (const finding of changes.raise) {
        next.push({ id: `card-${++ids}`, rule: finding.rule, level: finding.level, state: 'OPEN', timeDriven: finding.timeDriven, escalated: false });
      }
      cards.set(caseId, next);
      outcome.set(caseId, {
        snapshot: context.snapshot,
        clocks: context.clocks,
        findings: evaluation,
        cards: Object.fromEntries(next.map((card) => [card.rule, card.level])),
      });
    }
  }
  return outcome;
}

describe('replay equivalence (R4): delivery order, duplicates and batching', () => {
  it("shuffled, duplicated, re-batched deliveries end in the in-order run's states, clocks, findings and cards", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const now = new Date(`${day(s.nowDay, '10:00').replace(' ', 'T')}:00+08:00`);
        const events = histories(s, now);
        const inOrder = [...events].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || (a.eventId < b.eventId ? -1 : 1));
        const next = random(s.seed);
        const duplicated = [...events, ...events.filter(() => next() < s.duplicateShare)];
        const messy = deliver([...batchesOf(shuffled(duplicated, next), s.messyBatch), ...batchesOf(shuffled(events, next), s.messyBatch)], now);
        const ordered = deliver(batchesOf(inOrder, s.inOrderBatch), now);
        const atOnce = deliver([shuffled(duplicated, next)], now);
        // Exactly equal, card levels included: a card raised while part of a history was missing
        // follows the facts once the rest arrives (planCardChanges' `correct`).
        expect(messy).toEqual(ordered);
        expect(atOnce).toEqual(ordered);
        for (const { cards, findings } of ordered.values()) {
          const found = (findings as { findings: { rule: string; level: AlertLevel }[] }).findings;
          expect(cards).toEqual(Object.fromEntries(found.map((f) => [f.rule, f.level])));
        }
      }),
      { numRuns: 150 },
    );
  });
});
