import { Lang } from './report-labels';

const parts = (iso: string) => {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return Object.fromEntries(format.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * An instant as a printed report states it, in Beijing time whatever the server's zone:
 * "2026年12月4日 22:04" for Chinese readers, "4 Dec 2026 22:04 (Beijing time)" in English.
 */
export function formatReportTime(iso: string, lang: Lang): string {
  const p = parts(iso);
  const time = `${p.hour}:${p.minute}`;
  return lang === 'zh' ? `${p.year}年${Number(p.month)}月${Number(p.day)}日 ${time}` : `${Number(p.day)} ${MONTHS[Number(p.month) - 1]} ${p.year} ${time} (Beijing time)`;
}
