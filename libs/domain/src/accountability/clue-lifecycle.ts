import type { ClueOutcome, ClueState, DeliveryKind } from '@app/contracts';

/**
 * A clue's life (线索处置): registered → investigating (assigned to an investigator, who may be
 * replaced while it runs) → concluded as substantiated, unsubstantiated or referred (移送). Pure:
 * the service asks before it writes, and writes what this answers.
 */
export type ClueAction = { type: 'ASSIGN' } | { type: 'CONCLUDE'; outcome: ClueOutcome };

export type ClueStep = { ok: true; state: ClueState; outcome: ClueOutcome | null } | { ok: false; reason: string };

export function clueTransition(state: ClueState, action: ClueAction): ClueStep {
  switch (action.type) {
    case 'ASSIGN':
      // Assigning starts the investigation; re-assigning hands it over and keeps its deadline.
      return state === 'CONCLUDED' ? { ok: false, reason: 'the clue is concluded' } : { ok: true, state: 'INVESTIGATING', outcome: null };
    case 'CONCLUDE':
      if (state === 'REGISTERED') return { ok: false, reason: 'the clue has not been assigned for investigation' };
      if (state === 'CONCLUDED') return { ok: false, reason: 'the clue is concluded already' };
      return { ok: true, state: 'CONCLUDED', outcome: action.outcome };
  }
}

export interface ConclusionParties {
  outcome: ClueOutcome;
  /** The body the clue came from (its report's or the referring body), if any. */
  sourceBodyCode: string | null;
  /** REFERRED: the body the matter is referred to. */
  referredToBodyCode: string | null;
  /** The personnel bodies (人事部门) on record. */
  personnelBodyCodes: readonly string[];
}

export interface PlannedDelivery {
  bodyCode: string;
  kind: DeliveryKind;
}

/**
 * Who hears of a conclusion: the referral itself (移送), feedback to the body the clue came from
 * (反馈), and a copy to personnel (抄送人事部门) — one delivery per body, the stronger kind winning
 * (a body that is referred the matter needs no separate feedback or copy of it).
 */
export function conclusionDeliveries(parties: ConclusionParties): PlannedDelivery[] {
  const planned: PlannedDelivery[] = [];
  const add = (bodyCode: string | null, kind: DeliveryKind) => {
    if (bodyCode !== null && !planned.some((p) => p.bodyCode === bodyCode)) planned.push({ bodyCode, kind });
  };
  if (parties.outcome === 'REFERRED') add(parties.referredToBodyCode, 'REFERRAL');
  add(parties.sourceBodyCode, 'FEEDBACK');
  for (const code of [...parties.personnelBodyCodes].sort()) add(code, 'COPY');
  return planned;
}
