/**
 * Cards the centre's own registers raise: a supervision order or a complaint left past its limit.
 * Not case rules (no settings, not evaluated from case events); their codes and names live in
 * libs/contracts beside the case rules so every list, filter and report names them.
 */
import { OVERSIGHT_RULE_CODES, OVERSIGHT_RULE_NAMES, OversightRuleCode } from '@app/contracts';

export const OVERSIGHT_RULES = OVERSIGHT_RULE_CODES;
export type OversightRule = OversightRuleCode;
export { OVERSIGHT_RULE_NAMES };
