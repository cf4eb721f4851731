import { department } from '../testing/wall-fixtures.spec-helper';
import { departmentState } from './department-state';

describe('departmentState', () => {
  it('is the state of the open cases now, whatever cards stay open', () => {
    expect(departmentState(department('A', { overdue: 1, dueSoon: 3, inProgress: 9 }))).toBe('OVERDUE');
    expect(departmentState(department('A', { dueSoon: 1, inProgress: 2 }))).toBe('DUE_SOON');
    expect(departmentState(department('A', { inProgress: 2, worstOpenLevel: 'RED', openCards: 4 }))).toBe('ON_TIME');
    expect(departmentState(department('A', { worstOpenLevel: 'RED', openCards: 1 }))).toBe('IDLE');
  });
});
