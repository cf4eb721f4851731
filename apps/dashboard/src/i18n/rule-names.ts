import { CARD_RULE_NAMES } from '@app/contracts/alerts/alert-types';

/** Display names of the card codes (domain.md §6), from the contracts. An unknown code is shown as it is. */
export function ruleName(code: string, lang: 'zh' | 'en'): string {
  return (CARD_RULE_NAMES as Readonly<Record<string, { zh: string; en: string }>>)[code]?.[lang] ?? code;
}
