import type { WallDepartment } from '@app/contracts/realtime/wall';

/**
 * What a department's colour means on the wall: the state of its open cases now. Not its cards,
 * which stay open for weeks after the case that raised them is decided and would paint a whole
 * city red (issue 22); the cards have their own figures (KPIs, district counts, feed).
 */
export type DepartmentState = 'OVERDUE' | 'DUE_SOON' | 'ON_TIME' | 'IDLE';

/** Worst first: the order of legends and of ties in the ranking. */
export const DEPARTMENT_STATES: readonly DepartmentState[] = ['OVERDUE', 'DUE_SOON', 'ON_TIME', 'IDLE'];

export function departmentState(d: Pick<WallDepartment, 'overdue' | 'dueSoon' | 'inProgress'>): DepartmentState {
  if (d.overdue > 0) return 'OVERDUE';
  if (d.dueSoon > 0) return 'DUE_SOON';
  if (d.inProgress > 0) return 'ON_TIME';
  return 'IDLE';
}

/** 0 for the worst state: sorts worst first. */
export const stateRank = (state: DepartmentState): number => DEPARTMENT_STATES.indexOf(state);
