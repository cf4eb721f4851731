import { useI18n } from 'vue-i18n';

/** The console's i18n under this section's name (`meetings.`), and the minutes' language. */
export function useMeetingsI18n() {
  const { t, locale } = useI18n();
  return {
    t: (key: string, values?: Record<string, unknown>) => (values ? t(`meetings.${key}`, values) : t(`meetings.${key}`)),
    lang: () => (locale.value === 'en' ? ('en' as const) : ('zh' as const)),
    locale,
  };
}
