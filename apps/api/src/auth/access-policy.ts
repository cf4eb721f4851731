import { PrincipalKind, UserRole } from './principal';

/**
 * THE decision table: which kinds of principal hold each permission. Routes name one permission
 * (`@Permission('cases.read')`); socket namespaces check one (`wall.subscribe`). Change access
 * here and nowhere else; test/access-matrix.e2e-spec.ts walks every route against this table.
 *
 * `scoped: true` means the data is department data: a principal bound to a region or a department
 * sees only its own (others' records answer 404 or are left out of lists, never 403, so their
 * existence does not leak). Unbound principals (centre roles, break-glass, unbound displays) see all.
 *
 * Separation of duties (三员分立): centre_admin runs the system (catalogue, users, keys, screens,
 * calendars) but reads no case data; supervisors and officers read cases and, later, decide.
 * The break-glass admin token holds every permission except sending events, which only a
 * department system can do (events belong to a department).
 */
export interface PermissionRule {
  readonly kinds: readonly PrincipalKind[];
  readonly scoped: boolean;
  readonly description: string;
}

const CENTRE: readonly PrincipalKind[] = ['admin', 'centre_admin'];
const CASE_READERS: readonly UserRole[] = ['centre_supervisor', 'region_supervisor', 'department_supervisor', 'officer'];
const ALL_USERS: readonly UserRole[] = ['centre_admin', ...CASE_READERS];

export const PERMISSIONS = {
  'events.ingest': { kinds: ['department'], scoped: true, description: 'send case events for the key’s own department' },
  'catalogue.read': { kinds: ['admin', ...ALL_USERS, 'display'], scoped: false, description: 'regions, departments, items (public service information)' },
  'catalogue.write': { kinds: CENTRE, scoped: false, description: 'create and change regions, departments, items, officers' },
  'officers.read': { kinds: ['admin', ...ALL_USERS], scoped: true, description: 'officers (civil servants) of the departments in scope' },
  'departmentKeys.manage': { kinds: CENTRE, scoped: false, description: 'issue, list and revoke department API keys' },
  'cases.read': { kinds: ['admin', ...CASE_READERS], scoped: true, description: 'cases, their clocks and event timelines' },
  'users.manage': { kinds: CENTRE, scoped: false, description: 'create and change users, roles and bindings' },
  'displays.manage': { kinds: CENTRE, scoped: false, description: 'issue, list and revoke wall-screen tokens' },
  'audit.read': { kinds: ['admin', 'centre_admin', 'centre_supervisor'], scoped: false, description: 'read and verify the audit log' },
  'session.self': { kinds: ['admin', ...ALL_USERS, 'display'], scoped: false, description: 'who am I, my scope and permissions' },
  'calendar.read': { kinds: ['admin', ...ALL_USERS], scoped: false, description: 'holiday calendars in force' },
  'calendar.write': { kinds: CENTRE, scoped: false, description: 'load a year’s holiday calendar' },
  'alerts.read': { kinds: ['admin', ...CASE_READERS], scoped: true, description: 'irregularity cards and their history' },
  'alerts.respond': {
    kinds: ['admin', 'department_supervisor', 'officer'],
    scoped: true,
    description: 'the department’s side of a card: acknowledge, rectify, appeal (officers: cases assigned to them)',
  },
  'alerts.decide': { kinds: ['admin', 'centre_supervisor', 'region_supervisor'], scoped: true, description: 'the centre’s side of a card: close, dismiss, decide an appeal' },
  'wall.subscribe': { kinds: ['admin', ...ALL_USERS, 'display'], scoped: true, description: 'the live wall-screen feed (socket.io /wall), rooms by scope' },
  'notifications.inbox': {
    kinds: ['admin', ...CASE_READERS],
    scoped: true,
    description: 'my notified cards (GET /me/alerts) and the live socket.io /notifications namespace, rooms by identity and scope',
  },
  'notifications.configure': {
    kinds: ['admin', 'centre_admin', 'department_supervisor'],
    scoped: true,
    description: 'notification channels (webhook, DingTalk, WeCom, e-mail) of departments and officers; targets shown masked',
  },
  'notifications.configureCentre': { kinds: CENTRE, scoped: false, description: 'the centre’s notification channels (RED cards)' },
  'notifications.deliveries': {
    kinds: ['admin', 'centre_admin', 'centre_supervisor', 'department_supervisor'],
    scoped: true,
    description: 'the notification delivery log, its dead letters and their retry',
  },
  'reports.read': {
    kinds: ['admin', 'centre_supervisor', 'region_supervisor', 'department_supervisor'],
    scoped: true,
    description: 'compliance reports (department, region, city), the quarterly ranking and the report settings',
  },
  'reports.configure': { kinds: ['admin', 'centre_supervisor'], scoped: false, description: 'grading weights and thresholds, register limits; generate a quarterly pack' },
  'reports.rebuild': { kinds: CENTRE, scoped: false, description: 'recompute or verify the daily report rollups from the stored cases' },
  'register.read': {
    kinds: ['admin', 'centre_supervisor', 'region_supervisor', 'department_supervisor'],
    scoped: true,
    description: 'the accountability register, officers’ yearly consequences and its XLSX export',
  },
  'register.decide': { kinds: ['admin', 'centre_supervisor', 'region_supervisor'], scoped: true, description: 'record faults and other register entries; decide appeals' },
  'register.appeal': { kinds: ['admin', 'department_supervisor', 'officer'], scoped: true, description: 'appeal a register entry (officers: their own)' },
  'oversight.read': {
    kinds: ['admin', 'centre_supervisor', 'region_supervisor', 'department_supervisor'],
    scoped: true,
    description: 'supervision orders and public complaints',
  },
  'oversight.direct': {
    kinds: ['admin', 'centre_supervisor', 'region_supervisor'],
    scoped: true,
    description: 'the centre’s side: issue and close supervision orders, register and conclude complaints',
  },
  'oversight.respond': { kinds: ['admin', 'department_supervisor'], scoped: true, description: 'the department’s side: reply to orders, accept, refuse and answer complaints' },
} as const satisfies Record<string, PermissionRule>;

export type PermissionName = keyof typeof PERMISSIONS;

export function permits(permission: PermissionName, kind: PrincipalKind): boolean {
  return (PERMISSIONS[permission].kinds as readonly PrincipalKind[]).includes(kind);
}

/** Every permission a kind of principal holds (for GET /me and the dashboard's menus). */
export function permissionsOf(kind: PrincipalKind): PermissionName[] {
  return (Object.keys(PERMISSIONS) as PermissionName[]).filter((name) => permits(name, kind));
}
