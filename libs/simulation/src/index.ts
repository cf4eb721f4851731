/** Deterministic, pure traffic generator for the demo feed, the simulate CLI and tests. */
export { TrafficSimulator } from './traffic-simulator';
export type { TrafficSimulatorOptions, SimulatorStats } from './traffic-simulator';
export type { DepartmentBatch } from './delivery';
export type { GroundTruth } from './sim-case';
export { IRREGULARITY_KINDS, EXPECTED_RULES, TIME_SENSITIVE } from './irregularities';
export type { IrregularityKind } from './irregularities';
export { planCase } from './case-plan';
export type { CasePlanInput, PlannedEvent } from './story-writer';
export { buildDepartmentViews, upperAuthorityOf } from './catalogue-view';
export type { DepartmentView } from './catalogue-view';
export { Rng, mulberry32 } from './prng';
export { WorkClock, mondayToFriday, formatShanghai } from './work-time';
export type { WorkingDayPredicate } from './work-time';
export { cityCatalogue, CITY_DISTRICTS, CITY_DEPARTMENTS_PER_DISTRICT } from './city-catalogue';
export { SlidingRate, parseDurationSeconds, clockText } from './sliding-rate';
