import type { RouteRecordRaw } from 'vue-router';
import type { ConsoleMenuEntry } from '../../menu';
import type { ConsoleSection } from '../../section';
import { CLUES_MESSAGES } from './clues-messages';

/** 线索与移送: clues, the reports bodies copy to the supervision body, the bodies, and what was fed back, referred or copied to them. */
export const routes: RouteRecordRaw[] = [
  { path: '/clues', redirect: '/clues/list' },
  { path: '/clues/list', name: 'clues-list', component: () => import('./CluesPage.vue'), meta: { anyOf: ['clues.read'] } },
  { path: '/clues/list/:id', name: 'clue', component: () => import('./CluePage.vue'), props: true, meta: { anyOf: ['clues.read'] } },
  { path: '/clues/reports', name: 'clues-reports', component: () => import('./BodyReportsPage.vue'), meta: { anyOf: ['clues.read'] } },
  { path: '/clues/deliveries', name: 'clues-deliveries', component: () => import('./DeliveriesPage.vue'), meta: { anyOf: ['deliveries.read'] } },
  { path: '/clues/bodies', name: 'clues-bodies', component: () => import('./BodiesPage.vue'), meta: { anyOf: ['bodies.manage'] } },
];

export const menu: ConsoleMenuEntry[] = [
  {
    path: '/clues',
    titleKey: 'clues.menu.root',
    anyOf: [],
    order: 55,
    children: [
      { path: '/clues/list', titleKey: 'clues.menu.clues', anyOf: ['clues.read'], order: 1 },
      { path: '/clues/reports', titleKey: 'clues.menu.reports', anyOf: ['clues.read'], order: 2 },
      { path: '/clues/deliveries', titleKey: 'clues.menu.deliveries', anyOf: ['deliveries.read'], order: 3 },
      { path: '/clues/bodies', titleKey: 'clues.menu.bodies', anyOf: ['bodies.manage'], order: 4 },
    ],
  },
];

export const section: ConsoleSection = { name: 'clues', routes, menu, messages: CLUES_MESSAGES };
