import { AlertLevel, CaseRuleCode } from '@app/contracts';
import { toIsoInstant } from '../../calendar/counting-policy';
import { CaseClock } from '../../clock/clock-types';
import { CaseFinding } from '../rule-types';
import { RULESET_VERSION } from '../ruleset-version';

export interface FindingParts {
  level: AlertLevel;
  breachedAtMs: number;
  timeDriven: boolean;
  responsibleOfficerId: string | null;
  eventIds: readonly string[];
  clock?: CaseClock;
  facts: Record<string, unknown>;
  summary: { zh: string; en: string };
}

/** A finding stamped with the rule set in force; event ids once each, in the order given. */
export function makeFinding(rule: CaseRuleCode, parts: FindingParts): CaseFinding {
  return {
    rule,
    level: parts.level,
    rulesetVersion: RULESET_VERSION,
    responsibleOfficerId: parts.responsibleOfficerId,
    breachedAt: toIsoInstant(parts.breachedAtMs),
    timeDriven: parts.timeDriven,
    evidence: {
      eventIds: [...new Set(parts.eventIds)],
      ...(parts.clock ? { clock: parts.clock } : {}),
      facts: parts.facts,
    },
    summary: parts.summary,
  };
}
