import type { RouteRecordRaw } from 'vue-router';
import type { ConsoleMenuEntry } from '../../menu';
import type { ConsoleSection } from '../../section';
import { ADMIN_MESSAGES } from './admin-messages';

/**
 * Administration (系统管理): catalogue, keys, users, screens, calendars, notification channels and
 * deliveries, rule settings, audit (report settings are under Reports, for who may change them). One page per entry, each shown to the permission its
 * API needs (access-policy.ts); pages load on first visit.
 */
const PAGES = [
  { path: '/admin/regions', key: 'regions', anyOf: ['catalogue.write'], component: () => import('./RegionsPage.vue') },
  { path: '/admin/departments', key: 'departments', anyOf: ['catalogue.write', 'departmentKeys.manage'], component: () => import('./DepartmentsPage.vue') },
  { path: '/admin/officers', key: 'officers', anyOf: ['catalogue.write'], component: () => import('./OfficersPage.vue') },
  { path: '/admin/items', key: 'items', anyOf: ['catalogue.write'], component: () => import('./ItemsPage.vue') },
  { path: '/admin/users', key: 'users', anyOf: ['users.manage'], component: () => import('./UsersPage.vue') },
  { path: '/admin/displays', key: 'displays', anyOf: ['displays.manage'], component: () => import('./DisplaysPage.vue') },
  { path: '/admin/calendars', key: 'calendars', anyOf: ['calendar.write'], component: () => import('./CalendarsPage.vue') },
  { path: '/admin/channels', key: 'channels', anyOf: ['notifications.configure', 'notifications.configureCentre'], component: () => import('./ChannelsPage.vue') },
  { path: '/admin/deliveries', key: 'deliveries', anyOf: ['notifications.deliveries'], component: () => import('./DeliveriesPage.vue') },
  // Rule settings are a supervision decision (rules.configure, centre supervisors); those who may only
  // dry-run a change (the centre administrator, region supervisors) see the page without saving.
  { path: '/admin/rule-settings', key: 'ruleSettings', anyOf: ['rules.configure', 'rules.dryRun'], component: () => import('./RuleSettingsPage.vue') },
  { path: '/admin/audit', key: 'audit', anyOf: ['audit.read'], component: () => import('./AuditPage.vue') },
] as const;

export const routes: RouteRecordRaw[] = PAGES.map((page) => ({
  path: page.path,
  name: `admin-${page.key}`,
  component: page.component,
  meta: { anyOf: page.anyOf },
}));

export const menu: ConsoleMenuEntry[] = [
  {
    path: '/admin',
    titleKey: 'menu.admin',
    // The centre administrator's (and break-glass) menu. Supervisors who may open one of these pages
    // (a department's channels and deliveries, the audit log) reach them by link; the router and the
    // API still decide by each page's own permission.
    anyOf: ['catalogue.write', 'users.manage', 'departmentKeys.manage', 'displays.manage', 'calendar.write', 'notifications.configureCentre', 'reports.rebuild'],
    order: 90,
    children: PAGES.map((page, index) => ({ path: page.path, titleKey: `admin.menu.${page.key}`, anyOf: page.anyOf, order: index })),
  },
];

export const section: ConsoleSection = { name: 'admin', routes, menu, messages: ADMIN_MESSAGES };
