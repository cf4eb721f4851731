import type { RuleParameters } from './settings-api';

/** One editable threshold of a rule: its default and the value being edited (as text for lists). */
export interface ParameterRow {
  rule: string;
  parameter: string;
  kind: 'boolean' | 'number' | 'text' | 'list';
  defaultValue: unknown;
  value: boolean | number | string | null;
}

const kindOf = (value: unknown): ParameterRow['kind'] =>
  typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'number' : Array.isArray(value) ? 'list' : 'text';

/** Every parameter of every rule, with the value in force; lists are edited as comma-separated text. */
export function parameterRows(defaults: Record<string, RuleParameters>, effective: Record<string, RuleParameters>): ParameterRow[] {
  return Object.entries(defaults).flatMap(([rule, params]) =>
    Object.entries(params).map(([parameter, defaultValue]) => {
      const current = effective[rule]?.[parameter] ?? defaultValue;
      const kind = kindOf(defaultValue ?? current);
      const value = kind === 'list' ? (current as unknown[]).join(', ') : (current as boolean | number | string | null);
      return { rule, parameter, kind, defaultValue, value };
    }),
  );
}

function parsed(row: ParameterRow): unknown {
  if (row.kind === 'list') {
    return String(row.value ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }
  if (row.kind === 'text' && (row.value === '' || row.value === null)) return null;
  return row.value;
}

/** The centre's overrides: only what differs from the defaults (the API stores overrides, not copies). */
export function overridesFrom(rows: readonly ParameterRow[]): Record<string, RuleParameters> {
  const out: Record<string, RuleParameters> = {};
  for (const row of rows) {
    const value = parsed(row);
    if (JSON.stringify(value) === JSON.stringify(row.defaultValue)) continue;
    (out[row.rule] ??= {})[row.parameter] = value;
  }
  return out;
}
