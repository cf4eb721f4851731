import type { RouteRecordRaw } from 'vue-router';
import type { ConsoleMenuEntry } from '../../menu';
import type { ConsoleSection } from '../../section';
import { ACCOUNTABILITY_MESSAGES } from './accountability-messages';

/** Accountability (责任追究): the register and an officer's year, supervision orders, complaints, posts and duties (岗位责任). */
export const routes: RouteRecordRaw[] = [
  { path: '/accountability', redirect: '/accountability/register' },
  { path: '/accountability/register', name: 'accountability-register', component: () => import('./RegisterPage.vue'), meta: { anyOf: ['register.read'] } },
  {
    path: '/accountability/officers/:officerId/years/:year',
    name: 'accountability-officer-year',
    component: () => import('./OfficerYearPage.vue'),
    props: true,
    meta: { anyOf: ['register.read'] },
  },
  { path: '/accountability/orders', name: 'accountability-orders', component: () => import('./OrdersPage.vue'), meta: { anyOf: ['oversight.read'] } },
  { path: '/accountability/complaints', name: 'accountability-complaints', component: () => import('./ComplaintsPage.vue'), meta: { anyOf: ['oversight.read'] } },
  { path: '/accountability/posts', name: 'accountability-posts', component: () => import('./PostsPage.vue'), meta: { anyOf: ['posts.read'] } },
];

export const menu: ConsoleMenuEntry[] = [
  {
    path: '/accountability',
    titleKey: 'menu.accountability',
    anyOf: [],
    order: 50,
    children: [
      { path: '/accountability/register', titleKey: 'accountability.menu.register', anyOf: ['register.read'], order: 1 },
      { path: '/accountability/orders', titleKey: 'accountability.menu.orders', anyOf: ['oversight.read'], order: 2 },
      { path: '/accountability/complaints', titleKey: 'accountability.menu.complaints', anyOf: ['oversight.read'], order: 3 },
      { path: '/accountability/posts', titleKey: 'accountability.menu.posts', anyOf: ['posts.read'], order: 4 },
    ],
  },
];

export const section: ConsoleSection = { name: 'accountability', routes, menu, messages: ACCOUNTABILITY_MESSAGES };
