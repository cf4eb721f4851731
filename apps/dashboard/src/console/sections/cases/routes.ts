import type { ConsoleSection } from '../../section';

const anyOf = ['cases.read'];

/** 办件查询 / Cases: search by department and case number; the case page with its clocks and timeline. */
export const section: ConsoleSection = {
  name: 'cases',
  menu: [{ path: '/cases', titleKey: 'menu.cases', anyOf, order: 30 }],
  routes: [
    { path: '/cases', name: 'cases', component: () => import('./CasesPage.vue'), meta: { anyOf } },
    { path: '/cases/:departmentCode/:caseId', name: 'case', component: () => import('./CasePage.vue'), props: true, meta: { anyOf } },
  ],
  messages: { zh: {}, en: {} },
};
