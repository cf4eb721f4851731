import type { RouteRecordRaw } from 'vue-router';
import type { ConsoleMenuEntry } from '../../menu';
import type { ConsoleSection } from '../../section';
import { MEETINGS_MESSAGES } from './meetings-messages';

/** 联席会议 (the quarterly joint meeting, the centre's) and 县区报告 (county reports to the city). */
export const routes: RouteRecordRaw[] = [
  { path: '/meetings', redirect: '/meetings/joint' },
  { path: '/meetings/joint', name: 'meetings-joint', component: () => import('./JointMeetingPage.vue'), meta: { anyOf: ['meetings.read'] } },
  { path: '/meetings/county-reports', name: 'meetings-county', component: () => import('./CountyReportsPage.vue'), meta: { anyOf: ['countyReports.read'] } },
];

export const menu: ConsoleMenuEntry[] = [
  {
    path: '/meetings',
    titleKey: 'meetings.menu.title',
    anyOf: [],
    order: 45,
    children: [
      { path: '/meetings/joint', titleKey: 'meetings.menu.joint', anyOf: ['meetings.read'], order: 1 },
      { path: '/meetings/county-reports', titleKey: 'meetings.menu.county', anyOf: ['countyReports.read'], order: 2 },
    ],
  },
];

export const section: ConsoleSection = { name: 'meetings', routes, menu, messages: MEETINGS_MESSAGES };
