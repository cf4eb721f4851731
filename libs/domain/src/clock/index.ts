export * from './clock-types';
export { computeCaseClocks } from './compute-case-clocks';
export type { ComputeCaseClocksInput } from './compute-case-clocks';
export * from './extension-approvers';
