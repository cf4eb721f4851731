import { StoredCaseEvent } from '@app/contracts';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'fs';
import { EventLine, caseEvents, evaluateAt, item, loadHolidayCalendar } from './rules.spec-helper';

const calendar = loadHolidayCalendar({ readdirSync, readFileSync });
const catalogued = item({ feeFen: 1000, requiredDocuments: ['application', 'licence'] });

const day = (offset: number, time: string) => {
  const date = new Date(Date.UTC(2025, 8, 22 + offset)).toISOString().slice(0, 10);
  return `${date} ${time}`;
};

/** Plausible event lines, each placed on a day after 2025-09-22: enough to wake every rule. */
const lineAt = fc.oneof(
  fc.constant((d: number): EventLine => ['CORRECTION_REQUESTED', day(d, '10:00'), { missing: ['licence'] }]),
  fc.constant((d: number): EventLine => ['CORRECTION_SUBMITTED', day(d, '11:00'), { documents: ['licence'] }]),
  fc.constant((d: number): EventLine => ['ACCEPTED', day(d, '12:00'), {}]),
  fc.constantFrom('REVIEW', 'DECIDE').map((step) => (d: number): EventLine => ['STEP_STARTED', day(d, '13:00'), { step }]),
  fc.constantFrom('REVIEW', 'DECIDE').map((step) => (d: number): EventLine => ['STEP_COMPLETED', day(d, '14:00'), { step }]),
  fc.constantFrom('TESTING', 'OTHER' as const).map((reason) => (d: number): EventLine => ['SUSPENDED', day(d, '15:00'), { reason, expectedDays: 3, noticeIssued: reason === 'TESTING' }]),
  fc.constant((d: number): EventLine => ['RESUMED', day(d, '16:00'), {}]),
  fc.integer({ min: 1, max: 12 }).map((days) => (d: number): EventLine => ['EXTENDED', day(d, '10:30'), { days, ...(days % 2 ? {} : { approvedBy: 'HEAD' }) }]),
  fc.integer({ min: 0, max: 3000 }).map((amountFen) => (d: number): EventLine => ['FEE_CHARGED', day(d, '11:30'), { amountFen }]),
  fc.constantFrom('APPROVED', 'DENIED' as const).map((outcome) => (d: number): EventLine => ['DECIDED', day(d, '17:00'), { outcome }]),
  fc.constant((d: number): EventLine => ['CERTIFICATE_ISSUED', day(d, '09:30'), {}]),
  fc.constant((d: number): EventLine => ['RETURNED', day(d, '09:45'), {}]),
);

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
