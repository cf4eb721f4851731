import { CASE_RULE_CODES, CaseRuleCode } from '@app/contracts';
import { certificateLateRule } from './case-rules/certificate-late.rule';
import { correctionLateRule } from './case-rules/correction-late.rule';
import { correctionRepeatedRule } from './case-rules/correction-repeated.rule';
import { deadlineNearRule } from './case-rules/deadline-near.rule';
import { deniedNoReasonRule } from './case-rules/denied-no-reason.rule';
import { documentsMissingRule } from './case-rules/documents-missing.rule';
import { extensionIrregularRule } from './case-rules/extension-irregular.rule';
import { feeIrregularRule } from './case-rules/fee-irregular.rule';
import { forwardLateRule } from './case-rules/forward-late.rule';
import { lateReportingRule } from './case-rules/late-reporting.rule';
import { notAcceptedNoReasonRule } from './case-rules/not-accepted-no-reason.rule';
import { offlineHandlingRule } from './case-rules/offline-handling.rule';
import { promisedOverdueRule } from './case-rules/promised-overdue.rule';
import { returnVoidNoReasonRule } from './case-rules/return-void-no-reason.rule';
import { statutoryOverdueRule } from './case-rules/statutory-overdue.rule';
import { stepOverdueRule } from './case-rules/step-overdue.rule';
import { stepSkippedRule } from './case-rules/step-skipped.rule';
import { suspensionIrregularRule } from './case-rules/suspension-irregular.rule';
import { CaseRule } from './rule-types';

const RULES_BY_CODE: { readonly [C in CaseRuleCode]: CaseRule<C> } = {
  DEADLINE_NEAR: deadlineNearRule,
  PROMISED_OVERDUE: promisedOverdueRule,
  STATUTORY_OVERDUE: statutoryOverdueRule,
  STEP_OVERDUE: stepOverdueRule,
  FORWARD_LATE: forwardLateRule,
  CORRECTION_LATE: correctionLateRule,
  CORRECTION_REPEATED: correctionRepeatedRule,
  NOT_ACCEPTED_NO_REASON: notAcceptedNoReasonRule,
  DENIED_NO_REASON: deniedNoReasonRule,
  DOCUMENTS_MISSING: documentsMissingRule,
  STEP_SKIPPED: stepSkippedRule,
  FEE_IRREGULAR: feeIrregularRule,
  SUSPENSION_IRREGULAR: suspensionIrregularRule,
  EXTENSION_IRREGULAR: extensionIrregularRule,
  CERTIFICATE_LATE: certificateLateRule,
  RETURN_VOID_NO_REASON: returnVoidNoReasonRule,
  LATE_REPORTING: lateReportingRule,
  OFFLINE_HANDLING: offlineHandlingRule,
};

/** Every per-case rule, in catalogue order (domain.md §6); FEED_SILENT is per department. */
export const CASE_RULES: readonly CaseRule[] = Object.freeze(CASE_RULE_CODES.map((code) => RULES_BY_CODE[code] as CaseRule));

export function caseRule<C extends CaseRuleCode>(code: C): CaseRule<C> {
  return RULES_BY_CODE[code];
}
