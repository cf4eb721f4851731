/**
 * What a principal may see: every department, or a fixed set of them. Resolved once per request
 * (REST) or per connection (sockets) by ScopeService; data is filtered where it is read.
 */
export interface AccessScope {
  /** null = every department (centre roles, break-glass, unbound wall screens). */
  readonly departmentCodes: ReadonlySet<string> | null;
  /** The officer the principal is, if any (personal notification room). */
  readonly officerId: string | null;
  /** Officers act only on cases assigned to them; reading is department-wide. */
  readonly actsOnlyOnAssigned: boolean;
  /** body_liaison: the accountability body whose referrals and copies it may read (and no department). */
  readonly bodyCode?: string | null;
}

export const EVERY_DEPARTMENT: AccessScope = Object.freeze({ departmentCodes: null, officerId: null, actsOnlyOnAssigned: false });

export function departmentsScope(codes: Iterable<string>, officerId: string | null = null, actsOnlyOnAssigned = false): AccessScope {
  return Object.freeze({ departmentCodes: new Set(codes), officerId, actsOnlyOnAssigned });
}

/** A body liaison's scope: no department at all, only its body's deliveries. */
export function bodyScope(bodyCode: string | null): AccessScope {
  return Object.freeze({ departmentCodes: new Set<string>(), officerId: null, actsOnlyOnAssigned: false, bodyCode });
}

export function inScope(scope: AccessScope, departmentCode: string): boolean {
  return scope.departmentCodes === null || scope.departmentCodes.has(departmentCode);
}

/**
 * The departments a query may return: undefined = no restriction; [] = nothing (the caller asked
 * for a department outside its scope, which reads as empty, not as forbidden).
 */
export function departmentFilter(scope: AccessScope, requested?: string): string[] | undefined {
  if (scope.departmentCodes === null) return requested === undefined ? undefined : [requested];
  if (requested !== undefined) return scope.departmentCodes.has(requested) ? [requested] : [];
  return [...scope.departmentCodes].sort();
}

/** May the principal act (acknowledge, reply, rectify) on this case? Officers: only their own. */
export function canActOnCase(scope: AccessScope, target: { departmentCode: string; responsibleOfficerId: string | null }): boolean {
  if (!inScope(scope, target.departmentCode)) return false;
  return !scope.actsOnlyOnAssigned || (scope.officerId !== null && target.responsibleOfficerId === scope.officerId);
}

/**
 * socket.io rooms. Publishers emit a department's news to `roomsOfDepartment(code)`; a connection
 * joins `roomsFor(scope)` at the handshake and never chooses its own rooms.
 */
export const ROOMS = {
  centre: 'centre',
  department: (code: string) => `department:${code}`,
  officer: (id: string) => `officer:${id}`,
} as const;

export function roomsFor(scope: AccessScope): string[] {
  const rooms = scope.departmentCodes === null ? [ROOMS.centre] : [...scope.departmentCodes].sort().map(ROOMS.department);
  if (scope.officerId !== null) rooms.push(ROOMS.officer(scope.officerId));
  return rooms;
}

export function roomsOfDepartment(departmentCode: string): string[] {
  return [ROOMS.centre, ROOMS.department(departmentCode)];
}

/** The scope as JSON (GET /me). */
export function describeScope(scope: AccessScope) {
  return {
    allDepartments: scope.departmentCodes === null,
    departmentCodes: scope.departmentCodes === null ? null : [...scope.departmentCodes].sort(),
    officerId: scope.officerId,
    actsOnlyOnAssigned: scope.actsOnlyOnAssigned,
    bodyCode: scope.bodyCode ?? null,
  };
}
