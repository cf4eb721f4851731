import type { WallLang } from './messages';

/** The centre's local time; the wall shows every time in it, wherever the screen's browser thinks it is. */
const TIME_ZONE = 'Asia/Shanghai';

const timeFormats = new Map<string, Intl.DateTimeFormat>();

function timeFormat(lang: WallLang, withSeconds: boolean): Intl.DateTimeFormat {
  const key = `${lang}:${withSeconds}`;
  let format = timeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
      timeZone: TIME_ZONE,
      hour: '2-digit',
      minute: '2-digit',
      ...(withSeconds ? { second: '2-digit' } : {}),
      hourCycle: 'h23',
    });
    timeFormats.set(key, format);
  }
  return format;
}

/** "14:05:09" in the centre's time zone. */
export function formatClock(instant: string | number | Date, lang: WallLang, withSeconds = true): string {
  return timeFormat(lang, withSeconds).format(new Date(instant));
}

/** "2026-11-30" → "11-30": the trend's axis labels. */
export const shortDay = (isoDay: string): string => isoDay.slice(5);

/** 0.9753 → "97.5%"; null → "—" (not measured / nothing to measure), never a made-up 0. */
export function formatPercent(rate: number | null, digits = 1): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(digits)}%`;
}

export function formatCount(value: number | null): string {
  return value === null ? '—' : value.toLocaleString('en-US');
}

/**
 * "鼓楼区市场监督管理局" in 鼓楼区 → "市场监督管理局": inside a district's box its name is noise.
 * Names that do not start with the region's name are kept whole.
 */
export function withoutRegionPrefix(name: string, regionName: string | undefined): string {
  if (!regionName || !name.startsWith(regionName) || name.length <= regionName.length) return name;
  return name.slice(regionName.length);
}
