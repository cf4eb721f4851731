import { useI18n } from 'vue-i18n';

/** The console's i18n, prefixed with this section's name: `t('common.save')` reads `admin.common.save`. */
export function useAdminI18n() {
  const { t, locale } = useI18n();
  return { t: (key: string, values?: Record<string, unknown>) => (values ? t(`admin.${key}`, values) : t(`admin.${key}`)), locale };
}
