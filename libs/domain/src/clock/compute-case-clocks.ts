import { ItemInput, StoredCaseEvent } from '@app/contracts';
import { formatIsoDate, localDayNumberOf } from '../calendar/calendar-date';
import { CountingPolicy, DEFAULT_COUNTING_POLICY } from '../calendar/counting-policy';
import { WorkingCalendar } from '../calendar/working-calendar';
import { acceptanceNoticeSpecs, acceptanceStart } from './acceptance-clocks';
import { suspensionsOf, timeline } from './case-timeline';
import { ClockContext, ClockSpec } from './clock-spec';
import { CaseClock, CaseClocks, ClockSettings, DEFAULT_CLOCK_SETTINGS } from './clock-types';
import { ExtensionApprovers } from './extension-approvers';
import { measureClock } from './measure-clock';
import { decisionSpecs, issuanceSpec, lowerReviewSpec, stepSpecs } from './stage-clocks';

export interface ComputeCaseClocksInput {
  /** The case's events, already in the case order (see `orderCaseEvents`). Duplicates are ignored. */
  events: readonly StoredCaseEvent[];
  /** The catalogued item; without it the statutory clock uses the law's default and there are no
   * promised or step clocks. */
  item: ItemInput | undefined;
  calendar: WorkingCalendar;
  policy?: CountingPolicy;
  /** The instant the clocks are read at; the only source of "now". */
  now: Date;
  settings?: Partial<ClockSettings>;
  /**
   * Who may approve an extension (art. 42). Without it any named approver extends the limit and
   * the explanation says the approver was not checked; the api always passes it.
   */
  approvers?: ExtensionApprovers;
}

function earliest(instants: readonly (string | null)[]): string | null {
  let best: string | null = null;
  for (const instant of instants) if (instant !== null && (best === null || instant < best)) best = instant;
  return best;
}

/**
 * Every statutory clock of one case, derived from its events and item — never stored by hand, so
 * recomputing after a late event or a newly loaded calendar gives the right answer. Pure: same input,
 * same output.
 */
export function computeCaseClocks(input: ComputeCaseClocksInput): CaseClocks {
  const policy = input.policy ?? DEFAULT_COUNTING_POLICY;
  const settings: ClockSettings = { ...DEFAULT_CLOCK_SETTINGS, ...input.settings };
  const { item, calendar } = input;
  const now = input.now.getTime();
  if (Number.isNaN(now)) throw new RangeError('now is not a valid Date');
  const events = timeline(input.events, policy);
  const ctx: ClockContext = {
    calendar,
    policy,
    settings,
    now,
    today: formatIsoDate(localDayNumberOf(now, policy.utcOffsetMinutes)),
    suspensions: suspensionsOf(events),
  };

  const notices = acceptanceNoticeSpecs(events, settings).map((notice) => ({
    ...notice,
    clock: measureClock(notice.spec, ctx),
  }));
  const acceptance = acceptanceStart(events, notices);

  const laterSpecs: ClockSpec[] = [];
  if (acceptance && item?.kind === 'FORWARDED') laterSpecs.push(lowerReviewSpec(events, acceptance, settings));
  if (acceptance) laterSpecs.push(...decisionSpecs(events, acceptance, item, settings, input.approvers));
  laterSpecs.push(...stepSpecs(events, item));
  const issuance = issuanceSpec(events, settings);
  if (issuance) laterSpecs.push(issuance);

  const clocks: CaseClock[] = [...notices.map((notice) => notice.clock), ...laterSpecs.map((spec) => measureClock(spec, ctx))];
  return {
    clocks,
    ...(acceptance ? { acceptedOn: acceptance.start.on } : {}),
    ...(acceptance?.deemed ? { deemedAcceptedOn: acceptance.start.on } : {}),
    provisional: clocks.some((clock) => clock.provisional),
    nextCheckAt: earliest(clocks.map((clock) => clock.nextCheckAt)),
  };
}
