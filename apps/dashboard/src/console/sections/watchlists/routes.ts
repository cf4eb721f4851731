import type { ConsoleSection } from '../../section';
import { WATCH_LIST_MESSAGES } from './watchlists-messages';

const anyOf = ['watchlists.use'];

/** 跟踪 / Watch-lists: personal or shared lists of cases followed, with their current state and open cards. */
export const section: ConsoleSection = {
  name: 'watchlists',
  menu: [{ path: '/watchlists', titleKey: 'watchlists.title', anyOf, order: 35 }],
  routes: [{ path: '/watchlists', name: 'watchlists', component: () => import('./WatchListsPage.vue'), meta: { anyOf } }],
  messages: WATCH_LIST_MESSAGES,
};
