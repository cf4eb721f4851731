import { useI18n } from 'vue-i18n';
import { BODY_KIND_NAMES, BODY_REPORT_KIND_NAMES, CLUE_CHANNEL_NAMES, CLUE_NAMES, DELIVERY_KIND_NAMES } from '../../../../../../libs/contracts/src/accountability/clues';
import { REGISTER_NAMES } from '../../../../../../libs/domain/src/reports/register-rules';

const NAMES: Readonly<Record<string, { zh: string; en: string }>> = {
  ...CLUE_CHANNEL_NAMES,
  ...BODY_KIND_NAMES,
  ...BODY_REPORT_KIND_NAMES,
  ...CLUE_NAMES,
  ...DELIVERY_KIND_NAMES,
};

/** The console's i18n under this section's name, and the opinion's names of channels, bodies, states and deliveries (libs/contracts). */
export function useCluesI18n() {
  const { t, locale } = useI18n();
  const lang = () => (locale.value === 'en' ? 'en' : 'zh');
  return {
    t: (key: string, values?: Record<string, unknown>) => (values ? t(`clues.${key}`, values) : t(`clues.${key}`)),
    /** PUBLIC_REPORT → 群众举报, AUDIT → 审计部门, FEEDBACK → 反馈, … */
    named: (code: string | null | undefined) => (code ? (NAMES[code]?.[lang()] ?? code) : ''),
    /** The register's names (FAULT → 过错, CIRCULATED_CRITICISM → 通报批评…). */
    registerNamed: (code: string | null | undefined) => (code ? (REGISTER_NAMES[code]?.[lang()] ?? code) : ''),
    locale,
  };
}
