import { Injectable } from '@nestjs/common';
import { ItemInput, StoredCaseEvent } from '@app/contracts';
import { DataSource } from 'typeorm';
import {
  CaseClocks,
  ClockSettings,
  clockApproversFor,
  clockSettingsFor,
  computeCaseClocks,
  ExtensionApprovers,
  orderCaseEvents,
  resolveRuleSettings,
} from '@app/domain';
import { ExtensionApproverDirectory } from '../catalogue/extension-approver-directory';
import { RuleSettingsSource } from './projection-ports';
import { CalendarService } from '../calendar/calendar.service';
import { CLOCK_SETTINGS, COUNTING_POLICY, STORED_CLOCK_SETTINGS } from '../calendar/clock-policy';
import { StoredClock, toStoredClock } from '../persistence/entities/stored-clock';

export interface ClockColumns {
  clocks: StoredClock[];
  nextCheckAt: string | null;
  provisional: boolean;
  latestDueOn: string | null;
  deemedAcceptedOn: string | null;
  /**
   * When the promised decision clock, running now, falls due; null when there is none, it is
   * paused or it has stopped. Kept as a column so "open and overdue" is an index range, not a
   * walk through every open case's clocks.
   */
  promisedDueAt: string | null;
}

/** Derives a case's clocks from its events, item and the calendar in force. Never edited by hand. */
@Injectable()
export class CaseClocksService {
  constructor(
    private readonly calendars: CalendarService,
    private readonly dataSource: DataSource,
    private readonly ruleSettings: RuleSettingsSource,
    private readonly approverDirectory: ExtensionApproverDirectory,
  ) {}

  /**
   * The explained clocks of one case exactly as the projection judged them: the rule settings in
   * force (centre and item) and the department's extension approvers.
   */
  async explainedAsJudged(history: readonly StoredCaseEvent[], item: ItemInput | undefined, departmentCode: string, now: Date): Promise<CaseClocks> {
    const manager = this.dataSource.manager;
    const settings = resolveRuleSettings(item, await this.ruleSettings.centreOverrides(manager));
    const approvers = (await this.approverDirectory.approversFor([departmentCode], manager)).get(departmentCode);
    return this.explained(history, item, now, clockSettingsFor(settings), clockApproversFor(settings, approvers));
  }

  /** The numbers kept on the case row (fast: no day-by-day explanation). */
  forStorage(
    history: readonly StoredCaseEvent[],
    item: ItemInput | undefined,
    now: Date,
    ruleAligned: Partial<ClockSettings> = {},
    approvers?: ExtensionApprovers,
  ): { computed: CaseClocks; columns: ClockColumns } {
    const computed = this.compute(history, item, now, { ...STORED_CLOCK_SETTINGS, ...ruleAligned }, approvers);
    const latestDueOn = computed.clocks.reduce<string | null>((max, c) => (max === null || c.dueOn > max ? c.dueOn : max), null);
    return {
      computed,
      columns: {
        clocks: computed.clocks.map(toStoredClock),
        nextCheckAt: computed.nextCheckAt,
        provisional: computed.provisional,
        latestDueOn,
        deemedAcceptedOn: computed.deemedAcceptedOn ?? null,
        promisedDueAt: runningPromisedDueAt(computed),
      },
    };
  }

  /** Everything, with the explanation of each clock, for a person reading one case. */
  explained(
    history: readonly StoredCaseEvent[],
    item: ItemInput | undefined,
    now: Date,
    ruleAligned: Partial<ClockSettings> = {},
    approvers?: ExtensionApprovers,
  ): CaseClocks {
    return this.compute(history, item, now, { ...CLOCK_SETTINGS, ...ruleAligned }, approvers);
  }

  /** `approvers`: who may approve an extension (see `clockApproversFor`); the api always passes them. */
  private compute(history: readonly StoredCaseEvent[], item: ItemInput | undefined, now: Date, settings: object, approvers?: ExtensionApprovers): CaseClocks {
    return computeCaseClocks({
      ...(approvers ? { approvers } : {}),
      events: orderCaseEvents(history),
      item,
      calendar: this.calendars.current(),
      policy: COUNTING_POLICY,
      now,
      settings,
    });
  }
}

function runningPromisedDueAt(computed: CaseClocks): string | null {
  const promised = computed.clocks.find((clock) => clock.kind === 'DECISION_PROMISED');
  return promised && promised.state !== 'paused' && promised.stoppedAt === undefined ? promised.dueAt : null;
}
