import type { RouteRecordRaw } from 'vue-router';
import type { ConsoleMenuEntry } from '../../menu';
import type { ConsoleSection } from '../../section';
import { REPORTS_MESSAGES } from './reports-messages';

/** Reports (统计报表): compliance reports with charts and downloads; the quarterly ranking and its pack. */
export const routes: RouteRecordRaw[] = [
  { path: '/reports', redirect: '/reports/compliance' },
  { path: '/reports/compliance', name: 'reports-compliance', component: () => import('./ComplianceReportPage.vue'), meta: { anyOf: ['reports.read'] } },
  { path: '/reports/quarterly', name: 'reports-quarterly', component: () => import('./QuarterlyPage.vue'), meta: { anyOf: ['reports.read'] } },
  // Grading weights and register limits: read with the reports, changed by who configures them.
  { path: '/reports/settings', name: 'reports-settings', component: () => import('../admin/ReportSettingsPage.vue'), meta: { anyOf: ['reports.read'] } },
];

export const menu: ConsoleMenuEntry[] = [
  {
    path: '/reports',
    titleKey: 'menu.reports',
    anyOf: ['reports.read'],
    order: 40,
    children: [
      { path: '/reports/compliance', titleKey: 'reports.menu.compliance', anyOf: ['reports.read'], order: 1 },
      { path: '/reports/quarterly', titleKey: 'reports.menu.quarterly', anyOf: ['reports.read'], order: 2 },
      { path: '/reports/settings', titleKey: 'admin.menu.reportSettings', anyOf: ['reports.configure'], order: 3 },
    ],
  },
];

export const section: ConsoleSection = { name: 'reports', routes, menu, messages: REPORTS_MESSAGES };
