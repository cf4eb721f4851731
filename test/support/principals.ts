import { PrincipalKind } from '../../apps/api/src/auth/principal';
import { ApiClient } from './api-client';

export const MATRIX_PASSWORD = 'matrix-password-1';

export async function signIn(anonymous: ApiClient, username: string, password: string): Promise<string> {
  const response = await anonymous.post<{ accessToken: string }>('/api/v1/auth/login', { username, password });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.accessToken;
}

async function putUser(admin: ApiClient, username: string, body: Record<string, unknown>): Promise<void> {
  const response = await admin.put(`/api/v1/users/${username}`, { password: MATRIX_PASSWORD, ...body });
  if (response.status !== 200) throw new Error(`user ${username}: ${response.status} ${JSON.stringify(response.body)}`);
}

/**
 * One signed-in client per principal kind, bound to department `own` (its region `ownRegion`,
 * officer `ownOfficer`): users through the admin API and login, a display token bound to the
 * department, the department's key, and the break-glass admin token.
 */
export async function clientsPerKind(
  admin: ApiClient,
  binding: { own: string; ownRegion: string; ownOfficer: string; departmentKey: string },
): Promise<Record<PrincipalKind, ApiClient>> {
  const users: [PrincipalKind, string, Record<string, unknown>][] = [
    ['centre_admin', 'm-centre-admin', { role: 'centre_admin' }],
    ['centre_supervisor', 'm-centre-supervisor', { role: 'centre_supervisor' }],
    ['region_supervisor', 'm-region-supervisor', { role: 'region_supervisor', regionCode: binding.ownRegion }],
    ['department_supervisor', 'm-department-supervisor', { role: 'department_supervisor', departmentCode: binding.own }],
    ['officer', 'm-officer', { role: 'officer', officerId: binding.ownOfficer }],
    ['body_liaison', 'm-body-liaison', { role: 'body_liaison', bodyCode: 'M-BODY' }],
  ];
  const anonymous = admin.withToken(null);
  const clients: Partial<Record<PrincipalKind, ApiClient>> = { admin, department: admin.withToken(binding.departmentKey) };
  // A body liaison answers for a body (issue 15, clues): the body is recorded first.
  const body = await admin.put('/api/v1/accountability-bodies/M-BODY', { name: 'matrix body', kind: 'AUDIT' });
  if (body.status !== 200) throw new Error(`body: ${body.status} ${JSON.stringify(body.body)}`);
  for (const [kind, username, body] of users) {
    await putUser(admin, username, body);
    clients[kind] = admin.withToken(await signIn(anonymous, username, MATRIX_PASSWORD));
  }
  const display = await admin.post<{ token: string }>('/api/v1/displays', { name: 'matrix screen', departmentCode: binding.own });
  if (display.status !== 201) throw new Error(`display: ${display.status} ${JSON.stringify(display.body)}`);
  clients.display = admin.withToken(display.body.token);
  return clients as Record<PrincipalKind, ApiClient>;
}
