import { CASE_RULE_CODES } from '@app/contracts';
import { toIsoInstant } from '../calendar/counting-policy';
import { CASE_RULES } from './rule-registry';
import { CaseFinding, CaseRule, RuleContext } from './rule-types';
import { RULESET_VERSION } from './ruleset-version';

export interface CaseEvaluation {
  /** At most one per rule, in catalogue order. A rule with no finding has nothing to report. */
  findings: CaseFinding[];
  /**
   * The earliest instant after `now` at which a time-driven result could change without a new
   * event (a warning point, a due instant, a level change, a suspension running past its
   * declaration), or null. The deadline scheduler stores it and evaluates the case again then.
   */
  nextEvaluationAt: string | null;
  rulesetVersion: string;
}

const catalogueIndex = (finding: CaseFinding): number => CASE_RULE_CODES.indexOf(finding.rule as (typeof CASE_RULE_CODES)[number]);

/**
 * Runs every enabled rule on one case. Pure and deterministic: the same context gives the same
 * result, whichever path (an ingested event or the deadline scheduler) calls it.
 */
export function evaluateCase(context: RuleContext, rules: readonly CaseRule[] = CASE_RULES): CaseEvaluation {
  const now = context.now.getTime();
  if (Number.isNaN(now)) throw new RangeError('now is not a valid Date');
  const findings: CaseFinding[] = [];
  const instants: number[] = [];
  for (const clock of context.clocks.clocks) if (clock.nextCheckAt !== null) instants.push(Date.parse(clock.nextCheckAt));
  for (const rule of rules) {
    if (!context.settings[rule.code].enabled) continue;
    findings.push(...rule.evaluate(context));
    if (rule.thresholdInstants) instants.push(...rule.thresholdInstants(context));
  }
  findings.sort((a, b) => catalogueIndex(a) - catalogueIndex(b));
  const future = instants.filter((instant) => instant > now);
  return {
    findings,
    nextEvaluationAt: future.length === 0 ? null : toIsoInstant(Math.min(...future)),
    rulesetVersion: RULESET_VERSION,
  };
}
