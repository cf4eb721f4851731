import { PrincipalKind, UserRole } from './principal';

/**
 * THE decision table: which kinds of principal hold each permission. Routes name one permission
 * (`@Permission('cases.read')`); socket namespaces check one (`wall.subscribe`). Change access
 * here and nowhere else; test/access-matrix.e2e-spec.ts walks every route against a hand-written copy of the answers
 * (test/support/access-expectations.ts): change both, on purpose.
 *
 * `scoped: true` means the data is department data: a principal bound to a region or a department
 * sees only its own (others' records answer 404 or are left out of lists, never 403, so their
 * existence does not leak). Unbound principals (centre roles, break-glass, unbound displays) see all.
 *
 * Separation of duties (三员分立): centre_admin runs the system (catalogue, users, keys, screens,
 * calendars) but reads no case data and decides nothing a supervisor decides (rule settings among
 * them); supervisors and officers read cases and, later, decide.
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
  'operations.monitor': {
    kinds: CENTRE,
    scoped: false,
    description: 'operate the system: Prometheus metrics (GET /metrics) and the job queue board (/admin/queues)',
  },
  'audit.read': { kinds: ['admin', 'centre_admin', 'centre_supervisor'], scoped: false, description: 'read and verify the audit log' },
  'session.self': { kinds: ['admin', ...ALL_USERS, 'body_liaison', 'display'], scoped: false, description: 'who am I, my scope and permissions' },
  'calendar.read': { kinds: ['admin', ...ALL_USERS], scoped: false, description: 'holiday calendars in force' },
  'calendar.write': { kinds: CENTRE, scoped: false, description: 'load a year’s holiday calendar' },
  'watchlists.use': {
    kinds: ['admin', ...CASE_READERS],
    scoped: true,
    description: 'watch-lists (跟踪) of cases: my own and those shared within my scope; the cases listed only as far as my scope reaches',
  },
  'rules.dryRun': {
    kinds: ['admin', 'centre_admin', 'centre_supervisor', 'region_supervisor'],
    scoped: true,
    description: 'dry-run a rule-settings change: how many cards it would have raised in the last 30 days, by rule and department (counts only)',
  },
  // Separation of duties (issue 17.4): what the rules watch for is a supervision decision, not system
  // administration. The centre administrator runs the system but may not turn a rule off or loosen it.
  'rules.configure': {
    kinds: ['admin', 'centre_supervisor'],
    scoped: false,
    description: 'change the centre’s rule settings: turn a rule on or off, change its thresholds (audited with before and after)',
  },
  'alerts.read': { kinds: ['admin', ...CASE_READERS], scoped: true, description: 'irregularity cards and their history' },
  'alerts.respond': {
    kinds: ['admin', 'department_supervisor', 'officer'],
    scoped: true,
    description: 'the department’s side of a card: acknowledge, rectify, appeal (officers: cases assigned to them)',
  },
  'alerts.issue': {
    kinds: ['admin', 'centre_supervisor', 'region_supervisor'],
    scoped: true,
    description: 'raise a card by hand (人工发牌) with its reason, for a department in scope (optionally one of its cases)',
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
  'operations.read': { kinds: CENTRE, scoped: false, description: 'the details behind GET /ready: which dependency fails and why, calendar warnings' },
  'reports.rebuild': { kinds: CENTRE, scoped: false, description: 'recompute or verify the daily report rollups from the stored cases' },
  'register.read': {
    kinds: ['admin', 'centre_supervisor', 'region_supervisor', 'department_supervisor'],
    scoped: true,
    description: 'the accountability register, officers’ yearly consequences and its XLSX export',
  },
  'register.decide': { kinds: ['admin', 'centre_supervisor', 'region_supervisor'], scoped: true, description: 'record faults and other register entries; decide appeals' },
  'register.warningTalks': {
    kinds: ['admin', 'department_supervisor'],
    scoped: true,
    description: 'record the department’s yearly warning talks (警醒谈话) with its own staff — the department’s duty, not the centre’s',
  },
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
  // Issue 15, items 6–7 (branch `meetings`): the quarterly joint meeting and the county reports to the city.
  'meetings.read': { kinds: ['admin', 'centre_supervisor'], scoped: false, description: 'the quarterly joint meetings (联席会议), their agendas, resolutions and minutes' },
  'meetings.manage': { kinds: ['admin', 'centre_supervisor'], scoped: false, description: 'record a joint meeting, its resolutions and their completion' },
  'countyReports.read': {
    kinds: ['admin', 'centre_supervisor', 'region_supervisor'],
    scoped: true,
    description: 'county reports to the city (a region supervisor: its own region’s only)',
  },
  'countyReports.write': { kinds: ['admin', 'region_supervisor'], scoped: true, description: 'draft, edit and sign off the region’s periodic report to the city' },
  'countyReports.review': {
    kinds: ['admin', 'centre_supervisor'],
    scoped: false,
    description: 'the city’s side of county reports: acknowledge, send guidance, see which counties are late, set the due days',
  },
  // Issue 15, orders of kinds and sanctions on departments: a failed 限期 order proposes the head's
  // accountability; only the centre's supervisors confirm or dismiss it (not a region's).
  'register.decideProposals': {
    kinds: ['admin', 'centre_supervisor'],
    scoped: true,
    description: 'confirm or dismiss a proposal of a department head’s accountability raised by a failed 限期整改 / 限期履行 order',
  },
  // Posts and duties (岗位责任信息库, issue 15 item 1).
  'posts.read': {
    kinds: ['admin', ...ALL_USERS],
    scoped: true,
    description: 'posts of the departments in scope, their duties and who held them when; the posts table as XLSX/CSV',
  },
  'posts.manage': {
    kinds: ['admin', 'centre_admin', 'centre_supervisor', 'department_supervisor'],
    scoped: true,
    description: 'create, change and delete posts, record and end holdings, import the posts table (department supervisors: their own department)',
  },
  // Issue 15, clues (线索) and bodies (移送 / 反馈 / 抄送). A body_liaison is bound to its body: no
  // department is in its scope, and it sees only the deliveries to its body (others answer 404).
  'bodies.manage': { kinds: CENTRE, scoped: false, description: 'record the bodies supervision information flows to and from (财政、审计、法制、人事、信访…)' },
  'bodies.read': { kinds: ['admin', 'centre_admin', 'centre_supervisor', 'region_supervisor', 'department_supervisor'], scoped: false, description: 'the list of bodies' },
  'clues.read': {
    kinds: ['admin', 'centre_supervisor', 'region_supervisor', 'department_supervisor'],
    scoped: true,
    description: 'clues (线索) and the reports bodies copied to the supervision body; bound principals: those linked to their departments',
  },
  'clues.direct': {
    kinds: ['admin', 'centre_supervisor'],
    scoped: true,
    description: 'register bodies’ reports and clues, assign a clue’s investigation, conclude it (a substantiated clue records a register entry; the conclusion is fed back and copied)',
  },
  'deliveries.read': {
    kinds: ['admin', 'centre_supervisor', 'body_liaison'],
    scoped: true,
    description: 'what was fed back, copied or referred to bodies, and its XLSX/CSV export (a body liaison: its own body’s only)',
  },
  'deliveries.respond': { kinds: ['admin', 'body_liaison'], scoped: true, description: 'a body’s side: acknowledge a delivery to its body, with an optional reply' },
} as const satisfies Record<string, PermissionRule>;

export type PermissionName = keyof typeof PERMISSIONS;

export function permits(permission: PermissionName, kind: PrincipalKind): boolean {
  return (PERMISSIONS[permission].kinds as readonly PrincipalKind[]).includes(kind);
}

/** Every permission a kind of principal holds (for GET /me and the dashboard's menus). */
export function permissionsOf(kind: PrincipalKind): PermissionName[] {
  return (Object.keys(PERMISSIONS) as PermissionName[]).filter((name) => permits(name, kind));
}
