/**
 * Who is calling. Issue 4 adds users and roles; every route already declares which kinds of
 * principal it admits, so nothing is reachable by default.
 */
export type Principal =
  | { kind: 'admin'; via: 'admin-token' }
  | { kind: 'department'; departmentCode: string; keyId: string };

export type PrincipalKind = Principal['kind'];
