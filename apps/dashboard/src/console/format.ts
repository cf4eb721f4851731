/** Times as the centre reads them: Asia/Shanghai, whatever the browser's zone (like the wall). */
const TIME_ZONE = 'Asia/Shanghai';
const formats = new Map<string, Intl.DateTimeFormat>();

function format(withTime: boolean): Intl.DateTimeFormat {
  const key = String(withTime);
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('sv-SE', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
    });
    formats.set(key, f);
  }
  return f;
}

/** "2026-12-04 14:05" (centre time); null/undefined/garbage → "—". */
export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '—';
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? '—' : format(true).format(date);
}

/** "2026-12-04" (centre time). */
export function formatDate(instant: string | null | undefined): string {
  if (!instant) return '—';
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? '—' : format(false).format(date);
}

/** The calendar day after `isoDay` (YYYY-MM-DD): a period's last day included makes the API's exclusive `to`. */
export function nextDay(isoDay: string): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The due day of a clock from its due instant: a limit runs out at 24:00 (centre time) of its last
 * working day, which is 00:00 of the next day; people read "due 2025-10-30", not "2025-10-31 00:00".
 */
export function formatDueDay(dueAt: string | null | undefined): string {
  if (!dueAt) return '—';
  const ms = new Date(dueAt).getTime();
  return Number.isNaN(ms) ? '—' : formatDate(new Date(ms - 1).toISOString());
}
