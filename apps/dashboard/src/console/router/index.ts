import { createRouter, createWebHistory, type RouteLocationNormalized, type RouteRecordRaw } from 'vue-router';
import { permitsAny } from '../menu';
import { SECTIONS } from '../sections';
import { resumeSession } from '../session-lifecycle';
import { useSessionStore } from '../stores/session';

/** The console lives under /console/ (the api serves console.html for every deep link there). */
export const CONSOLE_BASE = '/console/';

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('../views/LoginView.vue'), meta: { public: true } },
  {
    path: '/',
    component: () => import('../layout/ConsoleLayout.vue'),
    children: [
      { path: '', name: 'home', component: () => import('../views/HomeView.vue') },
      ...SECTIONS.flatMap((s) => s.routes),
      { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('../views/NotFoundView.vue') },
    ],
  },
];

/** A route the user's permissions do not open reads as "not found", like the API's 404 for others' records. */
function permitted(to: RouteLocationNormalized, permissions: ReadonlySet<string>): boolean {
  return to.matched.every((record) => !record.meta.anyOf || permitsAny(permissions, record.meta.anyOf));
}

export function buildRouter() {
  const router = createRouter({ history: createWebHistory(CONSOLE_BASE), routes });
  router.beforeEach(async (to) => {
    if (to.meta.public) return true;
    if (!(await resumeSession())) return { name: 'login', query: { redirect: to.fullPath } };
    const session = useSessionStore();
    if (!permitted(to, session.permissions)) {
      return { name: 'not-found', params: { pathMatch: to.path.slice(1).split('/') }, query: to.query, hash: to.hash };
    }
    return true;
  });
  return router;
}
