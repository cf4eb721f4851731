import { createPinia } from 'pinia';
import { createApp } from 'vue';
import 'element-plus/dist/index.css';
import ConsoleApp from './ConsoleApp.vue';
import { buildI18n, rememberLang } from './i18n';
import { buildRouter } from './router';
import { SECTIONS } from './sections';
import { setUpSessionLifecycle } from './session-lifecycle';
import { trackStores } from './stores/forget-everything';
import './console.css';

const pinia = createPinia();
trackStores(pinia);
const router = buildRouter();
const i18n = buildI18n(SECTIONS);
setUpSessionLifecycle(pinia, router);
rememberLang(i18n.global.locale.value);

createApp(ConsoleApp).use(pinia).use(router).use(i18n).mount('#console');
