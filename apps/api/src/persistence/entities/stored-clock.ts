import type { CaseClock } from '@app/domain';

/** A clock as kept on the case row: every number, without the day-by-day explanation. */
export type StoredClock = Omit<CaseClock, 'explanation'>;

export function toStoredClock({ explanation: _explanation, ...clock }: CaseClock): StoredClock {
  return clock;
}
