import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseSnapshot, DepartmentContact, Finding, ItemInput, StoredCaseEvent } from '@app/contracts';
import {
  CaseClocks,
  CardChanges,
  CaseFinding,
  clockApproversFor,
  DEFAULT_SUPERVISION_SETTINGS,
  ExtensionApprovers,
  evaluateCase,
  isCaseRuleCode,
  orderCaseEvents,
  planCardChanges,
  resolveRuleSettings,
  RuleSettings,
  RuleSettingsOverrides,
  supervisionDeadlineFor,
  WorkingCalendar,
} from '@app/domain';
import { CalendarService } from '../calendar/calendar.service';
import { COUNTING_POLICY } from '../calendar/clock-policy';
import { CatalogueReader } from '../catalogue/catalogue.reader';
import { CaseRules } from '../cases/projection-ports';
import { ExtensionApproverDirectory } from '../catalogue/extension-approver-directory';
import { caseKeyString } from '../ingest/event-store.repository';
import { AlertStoreRepository, CaseRef } from './alert-store.repository';
import { RuleSettingsRepository } from './rule-settings.repository';

/** A department nobody is recorded as head of: no extension approver is valid. */
const NO_APPROVERS: ExtensionApprovers = Object.freeze({ departmentHeads: [], governmentHeads: [] });

/** What one projection pass needs to evaluate many cases: read once per pass, not per case. */
export interface EvaluationContext {
  contacts: Map<string, DepartmentContact | undefined>;
  silentDepartments: Set<string>;
  centreOverrides: RuleSettingsOverrides;
  calendar: WorkingCalendar;
  /** Resolved settings per item code ('' without an item): resolving is not free and items repeat. */
  settingsByItem: Map<string, RuleSettings>;
  /** Who may approve an extension, per department (art. 42). */
  approvers: Map<string, ExtensionApprovers>;
}

export interface CaseEvaluation {
  findings: CaseFinding[];
  nextEvaluationAt: string | null;
}

export interface EvaluatedCase {
  snapshot: CaseSnapshot;
  evaluation: CaseEvaluation;
}

/**
 * Runs the rule catalogue on projected cases and turns findings into cards: raise, upgrade in
 * place, or close when the condition has cleared — in the projection's transaction, with an
 * outbox message per change. Evidence keeps the clock's numbers; its day-by-day explanation is
 * recomputed when a person opens the card (walking every day of every clock at raise time would
 * dominate the cost of a batch).
 */
@Injectable()
export class CaseEvaluationService implements CaseRules<EvaluationContext, CaseEvaluation> {
  constructor(
    private readonly calendars: CalendarService,
    private readonly catalogue: CatalogueReader,
    private readonly store: AlertStoreRepository,
    private readonly ruleSettings: RuleSettingsRepository,
    private readonly approverDirectory: ExtensionApproverDirectory,
  ) {}

  /** The heads the clocks check an extension's approver against, as the rule settings in force want. */
  clockApprovers(context: EvaluationContext, settings: RuleSettings, departmentCode: string): ExtensionApprovers | undefined {
    return clockApproversFor(settings, context.approvers.get(departmentCode) ?? NO_APPROVERS);
  }

  async prepare(manager: EntityManager, departmentCodes: string[], _now: Date): Promise<EvaluationContext> {
    const silent = await manager.query<{ department_code: string }[]>(
      'SELECT department_code FROM department_feeds WHERE silent_since IS NOT NULL AND department_code = ANY($1)',
      [departmentCodes],
    );
    return {
      contacts: await this.catalogue.departmentContacts(departmentCodes, manager),
      silentDepartments: new Set(silent.map((r) => r.department_code)),
      centreOverrides: await this.ruleSettings.centreOverrides(manager),
      calendar: this.calendars.current(),
      settingsByItem: new Map(),
      approvers: await this.approverDirectory.approversFor(departmentCodes, manager),
    };
  }

  settingsFor(context: EvaluationContext, item: ItemInput | undefined, itemCode = ''): RuleSettings {
    const key = item ? itemCode : '';
    let settings = context.settingsByItem.get(key);
    if (!settings) {
      settings = resolveRuleSettings(item, context.centreOverrides);
      context.settingsByItem.set(key, settings);
    }
    return settings;
  }

  evaluate(
    context: EvaluationContext,
    snapshot: CaseSnapshot,
    history: readonly StoredCaseEvent[],
    item: ItemInput | undefined,
    clocks: CaseClocks,
    now: Date,
  ): CaseEvaluation {
    return evaluateCase({
      snapshot,
      events: orderCaseEvents(history),
      item,
      clocks,
      settings: this.settingsFor(context, item, snapshot.itemCode),
      departmentContact: context.contacts.get(snapshot.departmentCode),
      calendar: context.calendar,
      extensionApprovers: context.approvers.get(snapshot.departmentCode) ?? NO_APPROVERS,
      policy: COUNTING_POLICY,
      now,
    });
  }

  async reconcile(
    manager: EntityManager,
    context: EvaluationContext,
    cases: (EvaluatedCase & { history: readonly StoredCaseEvent[]; item: ItemInput | undefined })[],
    now: Date,
  ): Promise<void> {
    const active = await this.store.activeCards(manager, cases.map((c) => c.snapshot));
    const plans: { ref: CaseRef; changes: CardChanges }[] = [];
    const settingsByCase = new Map<string, RuleSettings>();
    for (const evaluated of cases) {
      const { snapshot } = evaluated;
      const cards = active.get(caseKeyString(snapshot.departmentCode, snapshot.caseId)) ?? [];
      const changes = planCardChanges(cards, evaluated.evaluation.findings, context.silentDepartments.has(snapshot.departmentCode));
      if (changes.raise.length + changes.upgrade.length + changes.correct.length + changes.clear.length === 0) continue;
      plans.push({ ref: { departmentCode: snapshot.departmentCode, caseId: snapshot.caseId, itemCode: snapshot.itemCode }, changes });
      if (changes.raise.length > 0) {
        settingsByCase.set(caseKeyString(snapshot.departmentCode, snapshot.caseId), this.settingsFor(context, evaluated.item, snapshot.itemCode));
      }
    }
    // A rule (or an item) set to hold its cards raises them PENDING, for a supervisor to confirm (待发).
    const holds = (ref: CaseRef, finding: Finding): boolean => {
      const settings = settingsByCase.get(caseKeyString(ref.departmentCode, ref.caseId));
      const rule = settings && isCaseRuleCode(finding.rule) ? settings[finding.rule] : undefined;
      return rule !== undefined && 'holdForConfirmation' in rule && rule.holdForConfirmation === true;
    };
    await this.store.applyAll(manager, plans, (finding) => this.supervisionDueAt(context, finding, now), now, holds);
  }

  /** YELLOW cards must be rectified or answered within the supervision period (working days). */
  private supervisionDueAt(context: EvaluationContext, finding: Finding, now: Date): Date | null {
    if (finding.level !== 'YELLOW') return null;
    return new Date(supervisionDeadlineFor(context.calendar, now, DEFAULT_SUPERVISION_SETTINGS, COUNTING_POLICY).dueAt);
  }
}
