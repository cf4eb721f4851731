import { EntityManager } from 'typeorm';
import { CaseSnapshot, ItemInput, StoredCaseEvent } from '@app/contracts';
import { CaseClocks, ExtensionApprovers, RuleSettings, RuleSettingsOverrides } from '@app/domain';
import type { StoredClock } from '../persistence/entities/stored-clock';

/**
 * What the projection needs from the layers above it, named here so that cases/ never imports them
 * (alerts and reports sit above cases). The implementations are bound at the top, in
 * app-ports.module.ts: CaseEvaluationService (alerts) and ReportRollupMaintainer (reports).
 */

/** The part of a case's rule outcome the projection reads itself. */
export interface CaseRuleOutcome {
  nextEvaluationAt: string | null;
}

/** A projected case and what the rules made of it. */
export interface EvaluatedCaseOf<Outcome extends CaseRuleOutcome> {
  snapshot: CaseSnapshot;
  evaluation: Outcome;
}

/** The rules and cards of projected cases, applied in the projection's transaction. */
export abstract class CaseRules<Context = unknown, Outcome extends CaseRuleOutcome = CaseRuleOutcome> {
  /** Reads once per projection pass what evaluating many cases needs. */
  abstract prepare(manager: EntityManager, departmentCodes: string[], now: Date): Promise<Context>;
  abstract settingsFor(context: Context, item: ItemInput | undefined, itemCode?: string): RuleSettings;
  /** The heads whose approval extends a clock (art. 42), or undefined where the check is off. */
  abstract clockApprovers(context: Context, settings: RuleSettings, departmentCode: string): ExtensionApprovers | undefined;
  abstract evaluate(
    context: Context,
    snapshot: CaseSnapshot,
    history: readonly StoredCaseEvent[],
    item: ItemInput | undefined,
    clocks: CaseClocks,
    now: Date,
  ): Outcome;
  /** Raises, upgrades and closes the cards of the written cases. */
  abstract reconcile(
    manager: EntityManager,
    context: Context,
    cases: (EvaluatedCaseOf<Outcome> & { history: readonly StoredCaseEvent[]; item: ItemInput | undefined })[],
    now: Date,
  ): Promise<void>;
}

/** A case as a projection wrote it. */
export interface WrittenCase {
  departmentCode: string;
  caseId: string;
  clocks: readonly StoredClock[];
  item: ItemInput | undefined;
  history: readonly StoredCaseEvent[];
}

/** Moves with every projection, last in its transaction (the report rollups). */
export abstract class ProjectionFollower {
  abstract apply(manager: EntityManager, cases: readonly WrittenCase[], now: Date): Promise<void>;
}

/** The centre's rule settings in force (kept by alerts), which the clocks of a case follow. */
export abstract class RuleSettingsSource {
  abstract centreOverrides(manager: EntityManager): Promise<RuleSettingsOverrides>;
}
