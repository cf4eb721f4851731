import { AccessScope } from '../../auth/access-scope';

/** A record linked to several departments is visible to a bound principal if any of them is in scope. */
export function seesAnyOf(scope: AccessScope, departmentCodes: readonly string[]): boolean {
  return scope.departmentCodes === null || departmentCodes.some((code) => scope.departmentCodes!.has(code));
}

/** The departments a list of such records must overlap (a jsonb `?|` filter), or null: unrestricted. */
export function linkedDepartments(scope: AccessScope): string[] | null {
  return scope.departmentCodes === null ? null : [...scope.departmentCodes].sort();
}
