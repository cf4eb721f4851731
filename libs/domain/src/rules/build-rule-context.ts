import { DepartmentContact, ItemInput, StoredCaseEvent } from '@app/contracts';
import { CountingPolicy } from '../calendar/counting-policy';
import { WorkingCalendar } from '../calendar/working-calendar';
import { orderCaseEvents } from '../case/case-event-order';
import { projectCase } from '../case/case-projection';
import { computeCaseClocks } from '../clock/compute-case-clocks';
import { ClockSettings } from '../clock/clock-types';
import { ExtensionApprovers } from '../clock/extension-approvers';
import { clockApproversFor, clockSettingsFor, resolveRuleSettings } from './resolve-rule-settings';
import { RuleSettings } from './rule-settings';
import { RuleContext } from './rule-types';

export interface BuildRuleContextInput {
  /** The case's whole history, in any order; it is put in case order here. */
  events: readonly StoredCaseEvent[];
  item: ItemInput | undefined;
  calendar: WorkingCalendar;
  now: Date;
  departmentContact?: DepartmentContact;
  /** Default: the defaults merged with the item's thresholds. */
  settings?: RuleSettings;
  policy?: CountingPolicy;
  /** Other clock settings (explanation length…); the warning and extension ones follow `settings`. */
  clockSettings?: Partial<ClockSettings>;
  /** Who may approve an extension for the case's department and region (art. 42). */
  extensionApprovers?: ExtensionApprovers;
}

/**
 * One call from a case's events to everything the rules need: ordered events, the projected
 * snapshot and the clocks, computed with settings that agree with the rules'.
 */
export function buildRuleContext(input: BuildRuleContextInput): RuleContext {
  const events = orderCaseEvents(input.events);
  const settings = input.settings ?? resolveRuleSettings(input.item);
  const clocks = computeCaseClocks({
    events,
    item: input.item,
    calendar: input.calendar,
    now: input.now,
    ...(input.policy ? { policy: input.policy } : {}),
    settings: { ...input.clockSettings, ...clockSettingsFor(settings) },
    ...(input.extensionApprovers ? { approvers: clockApproversFor(settings, input.extensionApprovers) } : {}),
  });
  return {
    snapshot: projectCase(events),
    events,
    item: input.item,
    clocks,
    settings,
    departmentContact: input.departmentContact,
    calendar: input.calendar,
    ...(input.extensionApprovers ? { extensionApprovers: input.extensionApprovers } : {}),
    ...(input.policy ? { policy: input.policy } : {}),
    now: input.now,
  };
}
