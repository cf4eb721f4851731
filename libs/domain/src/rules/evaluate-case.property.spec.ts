import { StoredCaseEvent } from '@app/contracts';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'fs';
import { dayAfterStart, eventLineAt } from './event-lines.spec-helper';
import { EventLine, caseEvents, evaluateAt, item, loadHolidayCalendar } from './rules.spec-helper';

const calendar = loadHolidayCalendar({ readdirSync, readFileSync });
const catalogued = item({ feeFen: 1000, requiredDocuments: ['application', 'licence'] });

const day = dayAfterStart;

const lineAt = eventLineAt('RETURNED');

const caseShape = fc.record({
  lines: fc.array(fc.tuple(lineAt, fc.integer({ min: 0, max: 40 })), { maxLength: 12 }),
  withSeq: fc.boolean(),
  lateReceipts: fc.array(fc.integer({ min: 0, max: 96 }), { maxLength: 13 }),
  nowDay: fc.integer({ min: 0, max: 60 }),
  order: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 13, maxLength: 13 }),
});

type CaseShape = typeof caseShape extends fc.Arbitrary<infer T> ? T : never;

/** The case history, with some events received hours after they happened (late reporting, bursts). */
function history(shape: CaseShape): StoredCaseEvent[] {
  const lines: EventLine[] = [
    ['SUBMITTED', day(0, '09:00'), { channel: 'WINDOW', documents: ['application'] }],
    ...[...shape.lines].sort((a, b) => a[1] - b[1]).map(([line, offset]) => line(offset)),
  ];
  return caseEvents(...lines).map((event, index) => {
    const delayHours = shape.lateReceipts[index] ?? 0;
    const receivedAt = new Date(Date.parse(event.occurredAt) + delayHours * 3_600_000).toISOString();
    return { ...event, ...(shape.withSeq ? {} : { seq: undefined }), receivedAt };
  });
}

describe('evaluateCase: order independence', () => {
  it('shuffled deliveries, put in case order, give the same findings and next evaluation', () => {
    fc.assert(
      fc.property(caseShape, (shape) => {
        const events = history(shape);
        const shuffled = events
          .map((event, i) => ({ event, key: shape.order[i] }))
          .sort((a, b) => a.key - b.key)
          .map((entry) => entry.event);
        const now = day(shape.nowDay, '10:00');
        const expected = evaluateAt(calendar, events, now, { item: catalogued });
        const actual = evaluateAt(calendar, shuffled, now, { item: catalogued });
        expect(actual).toEqual(expected);
        for (const rule of new Set(actual.findings.map((f) => f.rule))) {
          expect(actual.findings.filter((f) => f.rule === rule)).toHaveLength(1);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('evaluateCase: nextEvaluationAt', () => {
  const levels = (evaluation: ReturnType<typeof evaluateAt>) => evaluation.findings.map((f) => `${f.rule}:${f.level}`);
  const localOf = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

  it('no finding appears, clears or changes level before the next evaluation instant', () => {
    fc.assert(
      fc.property(caseShape, fc.integer({ min: 1, max: 1000 }), (shape, fraction) => {
        const now = day(shape.nowDay, '10:00');
        // Only what has happened by `now` can be known at `now`.
        const events = history(shape).filter((event) => Date.parse(event.occurredAt) <= Date.parse(`${now.replace(' ', 'T')}:00+08:00`));
        if (events.length === 0) return;
        const current = evaluateAt(calendar, events, now, { item: catalogued });
        const nowMs = Date.parse(`${now.replace(' ', 'T')}:00+08:00`);
        const nextMs = current.nextEvaluationAt === null ? nowMs + 40 * 86_400_000 : Date.parse(current.nextEvaluationAt);
        // Minutes resolution: a point strictly between now and the next instant.
        const probeMs = nowMs + Math.floor(((nextMs - nowMs) * fraction) / 1001 / 60_000) * 60_000;
        if (probeMs <= nowMs || probeMs >= nextMs) return;
        expect(levels(evaluateAt(calendar, events, localOf(probeMs), { item: catalogued }))).toEqual(levels(current));
      }),
      { numRuns: 300 },
    );
  });
});
