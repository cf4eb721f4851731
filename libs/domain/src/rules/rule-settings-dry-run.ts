import { DepartmentContact, ItemInput, StoredCaseEvent } from '@app/contracts';
import { CountingPolicy } from '../calendar/counting-policy';
import { WorkingCalendar } from '../calendar/working-calendar';
import { projectCase } from '../case/case-projection';
import { ClockSettings } from '../clock/clock-types';
import { computeCaseClocks } from '../clock/compute-case-clocks';
import { evaluateCase } from './evaluate-case';
import { clockSettingsFor, resolveRuleSettings } from './resolve-rule-settings';
import { isCaseRuleCode, RuleSettingsOverrides } from './rule-settings';

export interface DryRunCase {
  /** The case's stored events in case order (`orderCaseEvents`). */
  events: readonly StoredCaseEvent[];
  item: ItemInput | undefined;
  departmentContact?: DepartmentContact;
}

export interface DryRunInput {
  cases: readonly DryRunCase[];
  /** The centre's overrides in force, and the ones proposed (the body of the PUT). */
  current: RuleSettingsOverrides;
  proposed: RuleSettingsOverrides;
  calendar: WorkingCalendar;
  policy: CountingPolicy;
  /** Base clock settings of the system; the rule-aligned ones are applied over them per settings. */
  clockSettings: Partial<ClockSettings>;
  now: Date;
  /** Findings whose breach happened from here to `now` count as cards the window would have raised. */
  windowStart: Date;
}

export interface DryRunRow {
  rule: string;
  departmentCode: string;
  current: number;
  proposed: number;
  /** Of `proposed`, cards that would be held for confirmation (待发) under the proposed settings. */
  proposedHeld: number;
}

export interface DryRunResult {
  casesEvaluated: number;
  totals: { current: number; proposed: number; proposedHeld: number; difference: number };
  /** Every (rule, department) with a card under either settings, by rule then department. */
  rows: DryRunRow[];
}

/**
 * "This change would have raised N cards": the rules run twice over each stored history — with the
 * settings in force and with the proposed ones, clocks recomputed with each (a warning point is a
 * clock setting too) — and the findings whose breach falls in the window are counted by rule and
 * department. Pure: values in, counts out; nothing is written. It judges the histories as they stand
 * now (a card closed because its condition cleared inside the window is not seen), and it does not
 * hold back findings of departments whose feed was silent.
 */
export function dryRunRuleSettings(input: DryRunInput): DryRunResult {
  const from = input.windowStart.getTime();
  const to = input.now.getTime();
  const rows = new Map<string, DryRunRow>();
  const row = (rule: string, departmentCode: string): DryRunRow => {
    const key = `${rule}\u0000${departmentCode}`;
    let found = rows.get(key);
    if (!found) rows.set(key, (found = { rule, departmentCode, current: 0, proposed: 0, proposedHeld: 0 }));
    return found;
  };
  for (const one of input.cases) {
    if (one.events.length === 0) continue;
    const snapshot = projectCase(one.events);
    for (const side of ['current', 'proposed'] as const) {
      const settings = resolveRuleSettings(one.item, input[side]);
      const clocks = computeCaseClocks({
        events: one.events,
        item: one.item,
        calendar: input.calendar,
        policy: input.policy,
        now: input.now,
        settings: { ...input.clockSettings, ...clockSettingsFor(settings) },
      });
      const evaluation = evaluateCase({
        snapshot,
        events: one.events,
        item: one.item,
        clocks,
        settings,
        departmentContact: one.departmentContact,
        calendar: input.calendar,
        policy: input.policy,
        now: input.now,
      });
      for (const finding of evaluation.findings) {
        const at = Date.parse(finding.breachedAt);
        if (!(at >= from && at <= to)) continue;
        const counted = row(finding.rule, snapshot.departmentCode);
        counted[side]++;
        if (side === 'proposed' && isCaseRuleCode(finding.rule) && settings[finding.rule].holdForConfirmation) counted.proposedHeld++;
      }
    }
  }
  const sorted = [...rows.values()].sort((a, b) => a.rule.localeCompare(b.rule) || a.departmentCode.localeCompare(b.departmentCode));
  const sum = (key: 'current' | 'proposed' | 'proposedHeld') => sorted.reduce((n, r) => n + r[key], 0);
  const current = sum('current');
  const proposed = sum('proposed');
  return { casesEvaluated: input.cases.length, totals: { current, proposed, proposedHeld: sum('proposedHeld'), difference: proposed - current }, rows: sorted };
}
