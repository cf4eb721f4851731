export { applyEvents, deriveCase } from './derive-case';
export type { Applied, DerivationContext, DerivedCase, NotApplicable } from './derive-case';
