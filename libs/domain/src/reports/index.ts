export * from './daily-counters';
export * from './case-contributions';
export * from './compliance-metrics';
export * from './grading';
export * from './register-rules';
export * from './quarters';
export * from './rollup-ranges';
export * from './metric-inputs';
