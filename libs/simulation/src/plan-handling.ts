import { ItemStep } from '@app/contracts';
import { IrregularityKind } from './irregularities';
import { Rng } from './prng';

/** One in-case step (between acceptance and decision) as the story will tell it. */
export interface PlannedStep {
  step: ItemStep;
  /** Working days from its start to its completion. */
  days: number;
}

const OUTSIDE = new Set(['ACCEPT', 'ISSUE']);

/** Art. 43: the lower authority's review must reach the upper one within 20 days. */
export const FORWARD_LIMIT_DAYS = 20;

/**
 * Which steps run and how long each takes, in working days. A regular case uses at most 85 % of
 * the promised limit; late stories stretch the longest step past the promised or statutory limit.
 */
export function planSteps(
  steps: readonly ItemStep[],
  limits: { promisedDays: number; statutoryDays: number },
  irregular: IrregularityKind | null,
  rng: Rng,
): PlannedStep[] {
  if (irregular === 'DECIDED_WITHOUT_STEPS') return [];
  let chosen = steps.filter((step) => !OUTSIDE.has(step.code) && (step.mandatory || rng.chance(0.6)));
  if (irregular === 'STEP_SKIPPED') {
    const mandatory = chosen.filter((step) => step.mandatory);
    const skipped = mandatory.length > 0 ? rng.pick(mandatory) : undefined;
    chosen = chosen.filter((step) => step !== skipped);
  }
  const planned = chosen.map((step) => ({ step, days: Math.floor(step.limitDays * (0.2 + 0.65 * rng.float())) }));
  const budget = Math.floor(limits.promisedDays * 0.85);
  let total = planned.reduce((sum, p) => sum + p.days, 0);
  while (total > budget) {
    const longest = planned.reduce((a, b) => (b.days > a.days ? b : a));
    longest.days--;
    total--;
  }
  if (planned.length === 0) return planned;

  const stretch = (index: number, extra: number) => {
    if (extra > 0) planned[index].days += extra;
  };
  const longestIndex = planned.reduce((best, p, i) => (p.step.limitDays > planned[best].step.limitDays ? i : best), 0);
  if (irregular === 'LATE_PROMISED') {
    const room = Math.max(1, Math.min(6, limits.statutoryDays - limits.promisedDays - 1));
    stretch(longestIndex, limits.promisedDays + rng.int(1, room) - total);
  } else if (irregular === 'LATE_STATUTORY') {
    stretch(longestIndex, Math.max(limits.statutoryDays, limits.promisedDays) + rng.int(1, 8) - total);
  } else if (irregular === 'FORWARD_LATE') {
    const forwardAt = planned.findIndex((p) => p.step.code === 'FORWARD');
    const before = planned.slice(0, forwardAt < 0 ? planned.length : forwardAt).reduce((sum, p) => sum + p.days, 0);
    stretch(0, FORWARD_LIMIT_DAYS + rng.int(1, 4) - before);
  }
  return planned;
}

/** Where a suspension (art. 45) happens: a step that plausibly needs testing, expertise or a hearing. */
export function suspensionStepIndex(planned: readonly PlannedStep[]): number {
  const preferred = planned.findIndex((p) => ['INSPECT', 'EXPERT', 'JOINT_REVIEW'].includes(p.step.code));
  return preferred >= 0 ? preferred : 0;
}
