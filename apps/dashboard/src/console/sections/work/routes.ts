import type { ConsoleSection } from '../../section';

const anyOf = ['alerts.respond'];

/** 我的待办 / My work: the department's side of cards (officers: cards of their cases). */
export const section: ConsoleSection = {
  name: 'work',
  menu: [{ path: '/work', titleKey: 'menu.work', anyOf, order: 10 }],
  routes: [
    { path: '/work', name: 'work', component: () => import('./MyWorkPage.vue'), meta: { anyOf } },
    { path: '/work/cards/:id', name: 'work-card', component: () => import('../cards/CardPage.vue'), props: true, meta: { anyOf } },
  ],
  messages: { zh: {}, en: {} },
};
