import type { ConsoleSection } from '../../section';

const anyOf = ['alerts.decide'];

/** 红黄牌 / Cards: the centre's side — every card in scope, live; decide appeals, close, dismiss. */
export const section: ConsoleSection = {
  name: 'cards',
  menu: [{ path: '/cards', titleKey: 'menu.cards', anyOf, order: 20 }],
  routes: [
    { path: '/cards', name: 'cards', component: () => import('./CardsPage.vue'), meta: { anyOf } },
    { path: '/cards/:id', name: 'card', component: () => import('./CardPage.vue'), props: true, meta: { anyOf } },
  ],
  messages: { zh: {}, en: {} },
};
