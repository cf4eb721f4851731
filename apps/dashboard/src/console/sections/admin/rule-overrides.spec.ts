import { overridesFrom, parameterRows } from './rule-overrides';

const DEFAULTS = {
  LATE_REPORTING: { enabled: true, maxDelayHours: 24, monitoredSince: null },
  STEP_SKIPPED: { enabled: true, outcomes: ['APPROVED', 'DENIED'] },
};

describe('rule settings editor rows', () => {
  it('shows every parameter with the value in force, lists as comma-separated text', () => {
    const rows = parameterRows(DEFAULTS, { ...DEFAULTS, LATE_REPORTING: { ...DEFAULTS.LATE_REPORTING, maxDelayHours: 48 } });
    expect(rows.map((r) => [r.rule, r.parameter, r.kind, r.value])).toEqual([
      ['LATE_REPORTING', 'enabled', 'boolean', true],
      ['LATE_REPORTING', 'maxDelayHours', 'number', 48],
      ['LATE_REPORTING', 'monitoredSince', 'text', null],
      ['STEP_SKIPPED', 'enabled', 'boolean', true],
      ['STEP_SKIPPED', 'outcomes', 'list', 'APPROVED, DENIED'],
    ]);
  });

  it('sends only what differs from the defaults, lists parsed back, an emptied text as null', () => {
    const rows = parameterRows(DEFAULTS, DEFAULTS);
    rows[1].value = 48;
    rows[4].value = 'APPROVED';
    rows[2].value = '';
    expect(overridesFrom(rows)).toEqual({ LATE_REPORTING: { maxDelayHours: 48 }, STEP_SKIPPED: { outcomes: ['APPROVED'] } });
    expect(overridesFrom(parameterRows(DEFAULTS, DEFAULTS))).toEqual({});
  });
});
