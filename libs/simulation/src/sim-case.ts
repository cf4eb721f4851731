import { CaseEventInput } from '@app/contracts';
import { IrregularityKind } from './irregularities';
import { PlannedEvent } from './story-writer';
import { formatShanghai } from './work-time';

/** A simulated case: its planned story and how far it has been delivered. */
export interface SimCase {
  departmentCode: string;
  caseId: string;
  itemCode: string;
  irregularity: IrregularityKind | null;
  /** Some department systems cannot number their events: then no event of the case has a `seq`. */
  withSeq: boolean;
  plan: PlannedEvent[];
  /** Index of the next event not yet emitted. */
  next: number;
  /** occurredAt (epoch ms) of the last emitted event; the receipt time before any. */
  lastAt: number;
  /** The live feed may bring its next event forward (never for timing irregularities). */
  pullable: boolean;
  /** A back-dated burst: nothing is delivered until the whole story has happened. */
  held: boolean;
}

/** The planted truth about one simulated case, for comparing with what the centre detects. */
export interface GroundTruth {
  departmentCode: string;
  caseId: string;
  itemCode: string;
  irregularity: IrregularityKind | null;
  /** Every event of the story has been emitted (the case reached its last event). */
  complete: boolean;
}

export function isComplete(simCase: SimCase): boolean {
  return simCase.next >= simCase.plan.length;
}

/** The event as a department system sends it. Event ids are `<caseId>-<nn>`. */
export function toEnvelope(simCase: SimCase, index: number): CaseEventInput {
  const planned = simCase.plan[index];
  return {
    eventId: `${simCase.caseId}-${String(index + 1).padStart(2, '0')}`,
    departmentCode: simCase.departmentCode,
    caseId: simCase.caseId,
    itemCode: simCase.itemCode,
    type: planned.type,
    occurredAt: formatShanghai(planned.at),
    ...(simCase.withSeq ? { seq: index + 1 } : {}),
    ...(planned.officerId ? { officerId: planned.officerId } : {}),
    data: planned.data,
  } as CaseEventInput;
}

/**
 * Emits a case's events due by `now` (at most `budget`), oldest first across cases. A held case
 * (back-dated burst) releases everything at once when its last event is due.
 */
export function collectDue(cases: readonly SimCase[], now: number, budget: number): { simCase: SimCase; index: number }[] {
  const due: { simCase: SimCase; index: number; at: number }[] = [];
  for (const simCase of cases) {
    if (simCase.held && simCase.plan[simCase.plan.length - 1].at > now) continue;
    for (let i = simCase.next; i < simCase.plan.length && simCase.plan[i].at <= now; i++) {
      due.push({ simCase, index: i, at: simCase.plan[i].at });
    }
  }
  due.sort((a, b) => a.at - b.at);
  const taken = due.slice(0, Math.max(0, budget));
  for (const { simCase, index } of taken) {
    simCase.next = index + 1;
    simCase.lastAt = simCase.plan[index].at;
  }
  return taken;
}
