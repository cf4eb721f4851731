import { ItemInput } from '@app/contracts';
import { ClockSpec, ExtensionInput } from './clock-spec';
import { ClockSettings } from './clock-types';
import { TimedEvent, closesCase, firstStopAfter, momentOf, stopOf } from './case-timeline';
import { AcceptanceStart } from './acceptance-clocks';
import { ExtensionApprovers, requiredApproverAuthority } from './extension-approvers';

function extensionsOf(events: readonly TimedEvent[]): ExtensionInput[] {
  const extensions: ExtensionInput[] = [];
  for (const { event, at, on } of events) {
    if (event.type !== 'EXTENDED') continue;
    extensions.push({
      eventId: event.eventId,
      occurredAt: event.occurredAt,
      at,
      on,
      days: event.data.days,
      ...(event.data.approvedBy ? { approvedBy: event.data.approvedBy } : {}),
    });
  }
  return extensions;
}

/**
 * Art. 42: the decision clocks run from acceptance (actual or deemed) to DECIDED, or to whatever ends
 * the case first. The promised clock measures the department's public promise (IMMEDIATE: the same
 * day); the statutory clock the item's legal limit plus credited extensions.
 */
export function decisionSpecs(
  events: readonly TimedEvent[],
  acceptance: AcceptanceStart,
  item: ItemInput | undefined,
  settings: ClockSettings,
  approvers?: ExtensionApprovers,
): ClockSpec[] {
  const stopEvent = firstStopAfter(events, acceptance.position, ['DECIDED']);
  const stop = stopEvent ? { stop: stopOf(stopEvent) } : {};
  const acceptanceNotes = acceptance.deemed
    ? [
        `Deemed accepted on ${acceptance.start.on}, the day the materials were received: no correction ` +
          `notice within ${settings.acceptanceNoticeDays} working days (art. 32(4)).`,
      ]
    : [];
  const joint = item?.kind === 'JOINT';
  const defaultStatutory = joint ? settings.jointStatutoryDays : settings.defaultStatutoryDays;
  const statutoryDays = item && item.statutoryDays > 0 ? item.statutoryDays : defaultStatutory;
  const statutoryNotes = item
    ? item.statutoryDays > 0
      ? []
      : [`Item has no statutory limit: the law's ${defaultStatutory} working days apply.`]
    : [`Item not in the catalogue: the law's ${defaultStatutory} working days apply.`];

  const specs: ClockSpec[] = [];
  if (item) {
    const immediate = item.kind === 'IMMEDIATE';
    specs.push({
      kind: 'DECISION_PROMISED',
      start: acceptance.start,
      baseLimitWorkingDays: immediate ? 0 : item.promisedDays,
      ...stop,
      notes: [...acceptanceNotes, ...(immediate ? ['IMMEDIATE item: due the same day.'] : [])],
    });
  }
  specs.push({
    kind: 'DECISION_STATUTORY',
    start: acceptance.start,
    baseLimitWorkingDays: statutoryDays,
    ...stop,
    extensions: {
      inputs: extensionsOf(events),
      capDays: joint ? settings.jointExtensionCapDays : settings.extensionCapDays,
      authority: requiredApproverAuthority(joint),
      ...(approvers ? { approvers } : {}),
    },
    notes: [...acceptanceNotes, ...statutoryNotes],
  });
  return specs;
}

/** Art. 43: a lower authority reviews within 20 working days of acceptance, then forwards. */
export function lowerReviewSpec(
  events: readonly TimedEvent[],
  acceptance: AcceptanceStart,
  settings: ClockSettings,
): ClockSpec {
  const stopEvent = firstStopAfter(events, acceptance.position, ['FORWARDED', 'DECIDED']);
  return {
    kind: 'LOWER_REVIEW',
    start: acceptance.start,
    baseLimitWorkingDays: settings.lowerReviewDays,
    ...(stopEvent ? { stop: stopOf(stopEvent) } : {}),
    notes: [],
  };
}

/** Art. 44: the licence is issued within 10 working days of an approving decision. */
export function issuanceSpec(events: readonly TimedEvent[], settings: ClockSettings): ClockSpec | undefined {
  // Only an approval while the case is still open: nothing is issued after a refusal or withdrawal.
  const approval = events.find(
    (timed) => closesCase(timed) || (timed.event.type === 'DECIDED' && timed.event.data.outcome === 'APPROVED'),
  );
  if (!approval || closesCase(approval)) return undefined;
  const stopEvent = firstStopAfter(events, approval.position, ['CERTIFICATE_ISSUED']);
  return {
    kind: 'ISSUANCE',
    start: momentOf(approval),
    baseLimitWorkingDays: settings.issuanceDays,
    ...(stopEvent ? { stop: stopOf(stopEvent) } : {}),
    notes: [],
  };
}

/**
 * One clock per occurrence of a catalogued step: STEP_STARTED to the next STEP_COMPLETED of the same
 * step (first started, first completed), or to the end of the case. Steps the item does not catalogue
 * have no limit, hence no clock.
 */
export function stepSpecs(events: readonly TimedEvent[], item: ItemInput | undefined): ClockSpec[] {
  if (!item) return [];
  const limits = new Map(item.steps.map((step) => [step.code, step.limitDays]));
  const specs: ClockSpec[] = [];
  const open = new Map<string, ClockSpec[]>();
  for (const timed of events) {
    const { event } = timed;
    if (event.type === 'STEP_STARTED') {
      const limit = limits.get(event.data.step);
      if (limit === undefined) continue;
      const spec: ClockSpec = {
        kind: 'STEP',
        step: event.data.step,
        start: momentOf(timed),
        baseLimitWorkingDays: limit,
        notes: [],
      };
      specs.push(spec);
      open.set(event.data.step, [...(open.get(event.data.step) ?? []), spec]);
    } else if (event.type === 'STEP_COMPLETED') {
      const started = open.get(event.data.step)?.shift();
      if (started) started.stop = stopOf(timed);
    } else if (closesCase(timed)) {
      for (const spec of [...open.values()].flat()) spec.stop = stopOf(timed);
      break;
    }
  }
  return specs;
}
