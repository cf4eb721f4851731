import { RuleContext } from '../rule-types';
import { HistoryEvent, caseHistory } from './case-history';

export interface AttributionOptions {
  /** The officer recorded on the event that is itself the breach (a refusal without reason…). */
  eventOfficer?: string;
  /** Prefer whoever acted on this step (STEP_STARTED / STEP_COMPLETED of it). */
  step?: string;
}

const actsOnStep = (entry: HistoryEvent, step: string): boolean =>
  (entry.event.type === 'STEP_STARTED' || entry.event.type === 'STEP_COMPLETED') && entry.event.data.step === step;

/**
 * Who held the case (or the step) at `atMs`: the officer of the last event, in case order, that
 * happened by then and names one. Otherwise the department contact, otherwise nobody — a card
 * must never name a person the evidence does not point to.
 */
export function officerAt(context: RuleContext, atMs: number, options: AttributionOptions = {}): string | null {
  if (options.eventOfficer) return options.eventOfficer;
  const history = caseHistory(context.events);
  const lastOfficer = (accept: (entry: HistoryEvent) => boolean): string | undefined => {
    let officer: string | undefined;
    for (const entry of history) if (entry.at <= atMs && entry.event.officerId && accept(entry)) officer = entry.event.officerId;
    return officer;
  };
  const { step } = options;
  const onStep = step === undefined ? undefined : lastOfficer((entry) => actsOnStep(entry, step));
  return onStep ?? lastOfficer(() => true) ?? context.departmentContact?.officerId ?? null;
}
