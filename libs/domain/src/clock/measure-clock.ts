import { IsoDate } from '../calendar/calendar-date';
import { countingOrigin, dueInstantMs, localDayStartInstantMs, toIsoInstant } from '../calendar/counting-policy';
import { ClockContext, ClockSpec } from './clock-spec';
import { CaseClock, ClockState, ExtensionDecision } from './clock-types';
import { explainClock } from './explain-clock';
import { isAuthorisedApprover } from './extension-approvers';
import { PauseWindow, countedWorkingDays, dayReachingCount, pauseWindowsFor, pausedWorkingDaysWithin } from './pause-windows';

/**
 * Extensions credited in order. Art. 42 allows an extension of a limit that is still running, with the
 * approval of the head the law names (the department's head; for unified / joint handling the
 * government's head), up to the cap: an extension with no approver, approved by anyone else, granted
 * after the limit had run out or after the decision, or beyond the cap is recorded but not credited
 * (the rules flag it). A missing reason is flagged but does not undo an approved extension.
 */
function creditExtensions(spec: ClockSpec, dueAtFor: (limit: number) => number): {
  limit: number;
  decisions: ExtensionDecision[];
  unchecked: boolean;
} {
  let limit = spec.baseLimitWorkingDays;
  const decisions: ExtensionDecision[] = [];
  if (!spec.extensions) return { limit, decisions, unchecked: false };
  const { authority, approvers, capDays } = spec.extensions;
  let credited = 0;
  let unchecked = false;
  for (const extension of spec.extensions.inputs) {
    const requestedDays = Math.max(0, Math.trunc(extension.days));
    const decision: ExtensionDecision = {
      eventId: extension.eventId,
      occurredAt: extension.occurredAt,
      requestedDays,
      creditedDays: 0,
      refusedDays: requestedDays,
      ...(extension.approvedBy ? { approvedBy: extension.approvedBy } : {}),
      requiredApprover: authority,
    };
    if (spec.stop && extension.at > spec.stop.at) decision.refusal = 'AFTER_STOP';
    else if (extension.at >= dueAtFor(limit)) decision.refusal = 'AFTER_DUE';
    else if (!extension.approvedBy?.trim()) decision.refusal = 'NO_APPROVER';
    else if (approvers && !isAuthorisedApprover(approvers, authority, extension.approvedBy, extension.on)) decision.refusal = 'NOT_A_HEAD';
    else {
      unchecked ||= !approvers;
      decision.creditedDays = Math.min(requestedDays, capDays - credited);
      decision.refusedDays = requestedDays - decision.creditedDays;
      if (decision.refusedDays > 0) decision.refusal = 'OVER_CAP';
      credited += decision.creditedDays;
      limit += decision.creditedDays;
    }
    decisions.push(decision);
  }
  return { limit, decisions, unchecked };
}

/** The count at which DEADLINE_NEAR starts: the earlier of "≤ r remaining" and "≥ f of the limit used". */
function warningCount(limit: number, ctx: ClockContext): number {
  const byRemaining = limit - ctx.settings.warnAtRemainingWorkingDays;
  // The epsilon keeps 0.9 × 20 = 18 from becoming 18.000000000000004 and rounding up to 19.
  const byFraction = Math.ceil(limit * ctx.settings.warnAtUsedFraction - 1e-9);
  return Math.min(byRemaining, byFraction);
}

function stateOf(spec: ClockSpec, dueAtMs: number, pausedNow: boolean, now: number): ClockState {
  if (spec.stop) return spec.stop.at < dueAtMs ? 'met' : 'breached';
  if (now >= dueAtMs) return 'breached';
  return pausedNow ? 'paused' : 'running';
}

function provisionalYearNote(years: number[]): string[] {
  if (years.length === 0) return [];
  return [`Calendar not final for ${years.join(', ')}: those days are counted Monday–Friday until the notice is loaded.`];
}

/** Measures one clock at `now`: due date, use, state, next threshold and explanation. */
export function measureClock(spec: ClockSpec, ctx: ClockContext): CaseClock {
  const { calendar, policy, settings, now, today } = ctx;
  const origin = countingOrigin(spec.start.on, policy);
  const countsUntil: IsoDate = spec.stop ? spec.stop.on : today;
  const pausable = settings.pausedBySuspension.includes(spec.kind);
  const windows: PauseWindow[] = pausable ? pauseWindowsFor(ctx.suspensions, origin, spec.stop, today) : [];

  const dueOnFor = (limit: number): IsoDate => dayReachingCount(calendar, origin, limit, windows);
  const { limit, decisions, unchecked } = creditExtensions(spec, (l) => dueInstantMs(dueOnFor(l), policy));
  const dueOn = dueOnFor(limit);
  const dueAtMs = dueInstantMs(dueOn, policy);
  const pausedNow = windows.some((window) => window.open && window.source.from.at <= now);

  const usedWorkingDays = countedWorkingDays(calendar, origin, countsUntil, windows);
  const suspendedWorkingDays = windows.reduce(
    (sum, window) => sum + pausedWorkingDaysWithin(calendar, window, countsUntil),
    0,
  );
  const warnAt = warningCount(limit, ctx);
  const warningAtMs =
    warnAt <= 0 ? spec.start.at : localDayStartInstantMs(dayReachingCount(calendar, origin, warnAt, windows), policy);
  const state = stateOf(spec, dueAtMs, pausedNow, now);
  const open = state === 'running';
  const nextCheckMs = !open ? undefined : warningAtMs > now ? warningAtMs : dueAtMs > now ? dueAtMs : undefined;

  const countedThrough = dueOn > countsUntil ? dueOn : countsUntil;
  const explanation = explainClock({
    calendar,
    settings,
    origin,
    countedThrough,
    countsUntil,
    windows,
    baseLimitWorkingDays: spec.baseLimitWorkingDays,
    limitWorkingDays: limit,
    extensions: decisions,
    notes: spec.notes,
  });
  if (pausedNow) {
    explanation.notes.push(`Paused since ${windows.find((w) => w.open)?.source.from.on}: due date projected as if resumed on ${today}.`);
  }
  explanation.notes.push(...provisionalYearNote(explanation.provisionalYears));
  if (unchecked) explanation.notes.push('Extension approver not checked against the heads: no list of heads was given.');

  return {
    kind: spec.kind,
    ...(spec.step === undefined ? {} : { step: spec.step }),
    limitWorkingDays: limit,
    startedOn: spec.start.on,
    startedAt: toIsoInstant(spec.start.at),
    dueOn,
    dueAt: toIsoInstant(dueAtMs),
    warningAt: toIsoInstant(warningAtMs),
    ...(spec.stop ? { stoppedAt: toIsoInstant(spec.stop.at), stoppedBy: spec.stop.by } : {}),
    usedWorkingDays,
    remainingWorkingDays: limit - usedWorkingDays,
    suspendedWorkingDays,
    state,
    provisional: calendar.hasProvisionalDayBetween(origin, countedThrough),
    nextCheckAt: nextCheckMs === undefined ? null : toIsoInstant(nextCheckMs),
    explanation,
  };
}
