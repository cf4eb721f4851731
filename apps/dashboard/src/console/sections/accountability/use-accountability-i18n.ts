import { useI18n } from 'vue-i18n';
import { REGISTER_NAMES } from '../../../../../../libs/domain/src/reports/register-rules';

/** The console's i18n under this section's name, and the register's own names (kinds, measures, states). */
export function useAccountabilityI18n() {
  const { t, locale } = useI18n();
  const lang = () => (locale.value === 'en' ? 'en' : 'zh');
  return {
    t: (key: string, values?: Record<string, unknown>) => (values ? t(`accountability.${key}`, values) : t(`accountability.${key}`)),
    /** FAULT → 过错, ADMONITION → 诫勉, … as the register's XLSX says them. */
    named: (code: string | null | undefined) => (code ? (REGISTER_NAMES[code]?.[lang()] ?? code) : ''),
    locale,
  };
}
