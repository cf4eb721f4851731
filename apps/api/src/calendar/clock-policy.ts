import { CountingPolicy, ClockSettings, DEFAULT_CLOCK_SETTINGS, DEFAULT_COUNTING_POLICY } from '@app/domain';

/**
 * The counting policy and clock settings in force: one place, so every clock of the system counts
 * the same way. The law's defaults, plus one choice of the centre: a suspension (hearing, testing,
 * expert review…) also pauses the step it happens in, so a step is not flagged for time the law
 * does not count.
 */
export const COUNTING_POLICY: CountingPolicy = DEFAULT_COUNTING_POLICY;

export const CLOCK_SETTINGS: ClockSettings = Object.freeze({
  ...DEFAULT_CLOCK_SETTINGS,
  pausedBySuspension: Object.freeze(['DECISION_PROMISED', 'DECISION_STATUTORY', 'STEP'] as const),
});

/** Projection keeps the numbers only; the explanation is recomputed when a case is read. */
export const STORED_CLOCK_SETTINGS: Partial<ClockSettings> = { ...CLOCK_SETTINGS, explanationMaxDays: 0 };
