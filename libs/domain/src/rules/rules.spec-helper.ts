// Builders shared by the rule specs (named *.spec-helper.ts so Jest does not run it as a suite).
// The specs pass `fs` in, so this file stays free of Node imports like the code it tests.
import { DepartmentContact, ItemInput, StoredCaseEvent } from '@app/contracts';
import { loadYearFiles, SpecFs } from '../calendar/holiday-files.spec-helper';
import { ExtensionApprovers } from '../clock/extension-approvers';
import { WorkingCalendar } from '../calendar/working-calendar';
import { caseEvents, item, shanghai } from '../clock/case-events.spec-helper';
import { buildRuleContext } from './build-rule-context';
import { evaluateCase } from './evaluate-case';
import { resolveRuleSettings } from './resolve-rule-settings';
import { RuleSettings, RuleSettingsOverrides } from './rule-settings';
import { CaseFinding, CaseRule, RuleContext } from './rule-types';

export type { EventLine } from '../clock/case-events.spec-helper';
export { caseEvents, item, shanghai };

/** The project's own copy of the published calendars, as the clock specs load it. */
export function loadHolidayCalendar(fs: SpecFs): WorkingCalendar {
  return WorkingCalendar.fromYearFiles(loadYearFiles(fs));
}

export interface CaseOptions {
  /** The catalogued item; `null` for a case whose item is not in the catalogue. Default: `item()`. */
  item?: ItemInput | null;
  /** Overrides as an item's `thresholds` would give them. */
  thresholds?: RuleSettingsOverrides;
  contact?: DepartmentContact;
  settings?: RuleSettings;
  /** Who may approve an extension (art. 42); without it the approver's office is not checked. */
  approvers?: ExtensionApprovers;
}

export function contextAt(calendar: WorkingCalendar, events: StoredCaseEvent[], now: string, options: CaseOptions = {}): RuleContext {
  const caseItem = options.item === null ? undefined : { ...(options.item ?? item()), ...(options.thresholds ? { thresholds: options.thresholds } : {}) };
  return buildRuleContext({
    events,
    item: caseItem,
    calendar,
    now: shanghai(now),
    ...(options.contact ? { departmentContact: options.contact } : {}),
    ...(options.approvers ? { extensionApprovers: options.approvers } : {}),
    settings: options.settings ?? resolveRuleSettings(caseItem),
  });
}

/** What one rule finds on a case at `now` (local Asia/Shanghai time, 'YYYY-MM-DD HH:mm'). */
export function findingsOf(
  rule: CaseRule,
  calendar: WorkingCalendar,
  events: StoredCaseEvent[],
  now: string,
  options: CaseOptions = {},
): CaseFinding[] {
  return rule.evaluate(contextAt(calendar, events, now, options));
}

export function evaluateAt(calendar: WorkingCalendar, events: StoredCaseEvent[], now: string, options: CaseOptions = {}) {
  return evaluateCase(contextAt(calendar, events, now, options));
}

/** The events with officers and receipt times changed, by event id (`e1`, `e2`…). */
export function amend(
  events: StoredCaseEvent[],
  changes: Record<string, { officerId?: string; receivedAt?: string }>,
): StoredCaseEvent[] {
  return events.map((event) => {
    const change = changes[event.eventId];
    if (!change) return event;
    return {
      ...event,
      ...(change.officerId ? { officerId: change.officerId } : {}),
      ...(change.receivedAt ? { receivedAt: shanghai(change.receivedAt).toISOString() } : {}),
    };
  });
}

/** Every event done by one officer. */
export function byOfficer(events: StoredCaseEvent[], officerId: string): StoredCaseEvent[] {
  return events.map((event) => ({ ...event, officerId }));
}

/** An ISO instant for a local Asia/Shanghai time, as findings report them. */
export function utc(local: string): string {
  return shanghai(local).toISOString();
}
