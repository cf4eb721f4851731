/**
 * The step a card's breach belongs to, for attributing it to a post. A step clock names its
 * catalogued step; otherwise the rule says which stage of the procedure failed, named with the
 * stage codes the catalogue's items use for the law's stages (受理 ACCEPT, 审查 REVIEW, 审批决定
 * DECIDE, 制证发证 ISSUE). A rule about no one stage (late reporting, offline handling, a manual
 * card) has none: the breach then falls to the acting officer's post.
 */
const STAGE_OF_RULE: Readonly<Record<string, string>> = {
  CORRECTION_LATE: 'ACCEPT',
  CORRECTION_REPEATED: 'ACCEPT',
  NOT_ACCEPTED_NO_REASON: 'ACCEPT',
  DOCUMENTS_MISSING: 'ACCEPT',
  FORWARD_LATE: 'REVIEW',
  PROMISED_OVERDUE: 'DECIDE',
  STATUTORY_OVERDUE: 'DECIDE',
  DEADLINE_NEAR: 'DECIDE',
  DENIED_NO_REASON: 'DECIDE',
  STEP_SKIPPED: 'DECIDE',
  EXTENSION_IRREGULAR: 'DECIDE',
  CERTIFICATE_LATE: 'ISSUE',
};

export function breachStep(rule: string | null, evidence: { clock?: { kind?: string; step?: string } } | null | undefined): string | null {
  const clockStep = evidence?.clock?.kind === 'STEP' ? evidence.clock.step : undefined;
  if (clockStep) return clockStep;
  return rule === null ? null : (STAGE_OF_RULE[rule] ?? null);
}
