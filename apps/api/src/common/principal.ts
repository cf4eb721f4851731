/**
 * Who is calling. The kind of a user principal is its role; every route names the permission it
 * needs (access-policy.ts), so nothing is reachable by default.
 */
import { USER_ROLES, type UserRole } from '@app/contracts';

/** Defined in libs/contracts, shared with the console. */
export { USER_ROLES, type UserRole };

/** A person signed in with a session token (today: username + password; later also OpenID Connect). */
export interface UserPrincipal {
  kind: UserRole;
  username: string;
  departmentCode: string | null;
  regionCode: string | null;
  officerId: string | null;
  /** body_liaison: the accountability body the user answers for. */
  bodyCode?: string | null;
  via: 'password';
}

/** A wall screen: read-only, optionally limited to a region or a department. */
export interface DisplayPrincipal {
  kind: 'display';
  displayId: string;
  name: string;
  departmentCode: string | null;
  regionCode: string | null;
}

/** A department's approval system: sends events for its own department, nothing else. */
export interface DepartmentPrincipal {
  kind: 'department';
  departmentCode: string;
  keyId: string;
}

/** The break-glass ADMIN_TOKEN: every centre permission; every use is audited. */
export interface BreakGlassPrincipal {
  kind: 'admin';
  via: 'admin-token';
}

export type Principal = BreakGlassPrincipal | UserPrincipal | DisplayPrincipal | DepartmentPrincipal;
export type PrincipalKind = Principal['kind'];

export const PRINCIPAL_KINDS: readonly PrincipalKind[] = ['admin', ...USER_ROLES, 'display', 'department'];

export function isUserPrincipal(principal: Principal): principal is UserPrincipal {
  return (USER_ROLES as readonly string[]).includes(principal.kind);
}

/** A stable, non-secret name for the principal, for audit entries and logs. */
export function principalId(principal: Principal): string {
  switch (principal.kind) {
    case 'admin':
      return 'admin-token';
    case 'display':
      return `display:${principal.displayId}`;
    case 'department':
      return `${principal.departmentCode}/key:${principal.keyId}`;
    default:
      return principal.username;
  }
}
