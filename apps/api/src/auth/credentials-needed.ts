import { USER_ROLES, type PrincipalKind, type UserRole } from './principal';

/** The four kinds of bearer credential the API accepts, as the OpenAPI security schemes name them. */
export type CredentialScheme = 'departmentKey' | 'session' | 'displayToken' | 'adminToken';

export function schemeOf(kind: PrincipalKind): CredentialScheme {
  if (kind === 'department') return 'departmentKey';
  if (kind === 'display') return 'displayToken';
  if (kind === 'admin') return 'adminToken';
  return 'session';
}

/**
 * What a caller must present to be admitted, in words: "a department API key", "a session of a
 * user with role centre_supervisor or officer", … Used by the 403 answer (so a caller learns which
 * credential to use, not only that this one failed) and by the OpenAPI document.
 */
export function credentialsNeeded(kinds: readonly PrincipalKind[]): string {
  const roles = kinds.filter((k): k is UserRole => (USER_ROLES as readonly string[]).includes(k));
  const parts: string[] = [];
  if (kinds.includes('department')) parts.push('a department API key');
  if (roles.length > 0) parts.push(`a session token (POST /api/v1/auth/login) of a user with role ${orList(roles)}`);
  if (kinds.includes('display')) parts.push('a wall-screen display token');
  if (kinds.includes('admin')) parts.push('the admin token');
  if (parts.length === 0) return 'no credential (nobody may call this)';
  // The parts may contain "or" themselves (a list of roles): a comma sets them apart.
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')}, or ${parts[parts.length - 1]}`;
}

function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** "an admin", "a department": the article English wants before a kind's name. */
export function withArticle(kind: string): string {
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
}

/** The credential a caller presented, in the same words: "the admin token", "a session of a centre_admin". */
export function credentialSent(kind: PrincipalKind): string {
  if (kind === 'department') return 'a department API key';
  if (kind === 'display') return 'a wall-screen display token';
  if (kind === 'admin') return 'the admin token';
  return `a session of ${withArticle(kind)}`;
}
