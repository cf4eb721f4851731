import {
  AlertLevel,
  CaseRuleCode,
  CaseSnapshot,
  DepartmentContact,
  Finding,
  ItemInput,
  StoredCaseEvent,
} from '@app/contracts';
import { CountingPolicy } from '../calendar/counting-policy';
import { WorkingCalendar } from '../calendar/working-calendar';
import { CaseClock, CaseClocks } from '../clock/clock-types';
import { ExtensionApprovers } from '../clock/extension-approvers';
import { RuleSettings, RuleSettingsByCode } from './rule-settings';

/** A finding about a case, citing the domain's full clock. */
export type CaseFinding = Finding<CaseClock>;

/**
 * Everything a rule may look at: values only, never services. Build it with `buildRuleContext`, or
 * assemble it from what the worker already has (the snapshot and clocks it just computed).
 */
export interface RuleContext {
  snapshot: CaseSnapshot;
  /** The case's events in case order (`orderCaseEvents`), with `receivedAt`. */
  events: readonly StoredCaseEvent[];
  /** The catalogued item; rules that need it stay quiet without it. */
  item: ItemInput | undefined;
  /** Computed from the same events, item, calendar and `now` (see `clockSettingsFor`). */
  clocks: CaseClocks;
  /** Defaults merged with central and item overrides (`resolveRuleSettings`). */
  settings: RuleSettings;
  /** Attribution falls back to the department contact when no event names an officer. */
  departmentContact: DepartmentContact | undefined;
  calendar: WorkingCalendar;
  /**
   * Who may approve an extension (art. 42) for this case's department and region; the same list the
   * clocks were computed with. Without it EXTENSION_IRREGULAR cannot judge the approver's office.
   */
  extensionApprovers?: ExtensionApprovers;
  /** The counting policy the clocks were computed with; default Asia/Shanghai, start day not counted. */
  policy?: CountingPolicy;
  now: Date;
}

/** One rule of the catalogue: a small object with a code, its defaults and a pure evaluation. */
export interface CaseRule<C extends CaseRuleCode = CaseRuleCode> {
  readonly code: C;
  /** The levels this rule can give, mildest first. */
  readonly levels: readonly AlertLevel[];
  readonly defaults: Readonly<RuleSettingsByCode[C]>;
  /** true when the result can change with time alone, without a new event. */
  readonly timeDriven: boolean;
  /** At most one finding: a card is keyed by (case, rule). */
  evaluate(context: RuleContext): CaseFinding[];
  /**
   * Instants (epoch ms) at which this rule's result could change without a new event. Past
   * instants are allowed; the caller keeps the earliest one after `now`.
   */
  thresholdInstants?(context: RuleContext): number[];
}
