export { applyEvents, deriveCase } from './derive-case';
export type { Applied, DerivationContext, DerivedCase, NotApplicable } from './derive-case';
export { cursorOf, FOLD_VERSION, foldHistory } from './fold-history';
export type { FoldCursor, FullFoldReason, HistoryFold, StoredFold } from './fold-history';
