import { createI18n } from 'vue-i18n';
import { MESSAGES as WALL_MESSAGES } from '../../i18n/messages';
import { ruleName } from '../../i18n/rule-names';
import type { ConsoleSection } from '../section';
import { CARD_MESSAGES } from './card-messages';
import { CONSOLE_MESSAGES } from './console-messages';

export type ConsoleLang = 'zh' | 'en';
const STORAGE_KEY = 'console.lang';

/** zh-CN unless the user chose English before (a preference, not user data: kept across sign-outs). */
export function initialLang(): ConsoleLang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function buildI18n(sections: readonly ConsoleSection[]) {
  const messages = {
    zh: { ...CONSOLE_MESSAGES.zh, card: CARD_MESSAGES.zh, levels: WALL_MESSAGES.zh.levels },
    en: { ...CONSOLE_MESSAGES.en, card: CARD_MESSAGES.en, levels: WALL_MESSAGES.en.levels },
  };
  for (const section of sections) {
    Object.assign(messages.zh, { [section.name]: section.messages.zh });
    Object.assign(messages.en, { [section.name]: section.messages.en });
  }
  return createI18n({ legacy: false, locale: initialLang(), fallbackLocale: 'zh', messages, missingWarn: false, fallbackWarn: false });
}

export type ConsoleI18n = ReturnType<typeof buildI18n>;

export function rememberLang(lang: ConsoleLang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

export { ruleName };
