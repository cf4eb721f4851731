import { useI18n } from 'vue-i18n';

/** The console's i18n, prefixed with this section's name: `t('kpi.accepted')` reads `reports.kpi.accepted`. */
export function useReportsI18n() {
  const { t, locale } = useI18n();
  return { t: (key: string, values?: Record<string, unknown>) => (values ? t(`reports.${key}`, values) : t(`reports.${key}`)), locale };
}

/** A rate as a percentage with one decimal; null (nothing to rate) as a dash. */
export const percent = (rate: number | null | undefined): string => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);
