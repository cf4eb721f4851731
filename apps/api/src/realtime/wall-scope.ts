/**
 * Which departments a wall screen may see: all of them (the centre's screen), or a set (a district's
 * or a department's own screen). Every figure on that screen is computed from those departments only.
 */
export interface WallScope {
  /** null = every department. */
  readonly departmentCodes: readonly string[] | null;
}

export const WHOLE_CITY: WallScope = Object.freeze({ departmentCodes: null });

/** A stable key: screens with the same scope share one live state (and one room) per node. */
export function wallScopeKey(scope: WallScope): string {
  return scope.departmentCodes === null ? 'all' : `d:${[...new Set(scope.departmentCodes)].sort().join(',')}`;
}

export function inWallScope(scope: WallScope, departmentCode: string): boolean {
  return scope.departmentCodes === null || scope.departmentCodes.includes(departmentCode);
}
