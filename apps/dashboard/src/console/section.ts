import type { RouteRecordRaw } from 'vue-router';
import type { ConsoleMenuEntry } from './menu';

/**
 * The extension point of the console: each section (sections/<name>/routes.ts) exports one of these.
 * - `routes`: children of the signed-in layout, paths absolute ('/reports/…'); components lazy-loaded
 *   (`component: () => import('./ReportsPage.vue')`) so a section's code loads on first visit.
 *   Put the permission a route needs in `meta.anyOf` (same names as the menu): the router refuses
 *   the route to users without it (they see "not found"; the API refuses them anyway).
 * - `menu`: the section's menu entry (with children for a submenu), each with the permission it needs.
 * - `messages`: the section's labels, merged into the console's i18n under the section's name
 *   (`t('reports.title')` for messages.zh.title of the reports section).
 */
export interface ConsoleSection {
  name: string;
  routes: RouteRecordRaw[];
  menu: ConsoleMenuEntry[];
  messages: { zh: Record<string, unknown>; en: Record<string, unknown> };
}

declare module 'vue-router' {
  interface RouteMeta {
    /** The user must hold at least one of these permissions (GET /api/v1/me). */
    anyOf?: readonly string[];
    /** Reachable without signing in (the login page). */
    public?: boolean;
  }
}
