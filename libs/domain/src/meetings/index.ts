export * from './county-report-periods';
export * from './resolution-state';
