import fc from 'fast-check';
import { EventLine } from './rules.spec-helper';

/** `offset` days after 2025-09-22 at `time`, as the event lines of rules.spec-helper write instants. */
export const dayAfterStart = (offset: number, time: string): string => {
  const date = new Date(Date.UTC(2025, 8, 22 + offset)).toISOString().slice(0, 10);
  return `${date} ${time}`;
};

/**
 * Plausible event lines, each placed on a day after 2025-09-22: enough to wake every rule. Shared by
 * the property tests; `ending` is the one closing event besides decision and certificate.
 */
export function eventLineAt(ending: 'RETURNED' | 'WITHDRAWN'): fc.Arbitrary<(day: number) => EventLine> {
  const day = dayAfterStart;
  return fc.oneof(
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
    fc.constant((d: number): EventLine => [ending, day(d, '09:45'), {}]),
  );
}
