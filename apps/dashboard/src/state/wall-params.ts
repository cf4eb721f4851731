import type { WallLang } from '../i18n/messages';

export interface WallParams {
  token: string | null;
  lang: WallLang;
  /** Reload the page after this long without hearing from the server (the screen must heal itself). */
  watchdogMs: number;
  /** Switch the secondary panel this often; 0 keeps it still. */
  rotateMs: number;
}

export const WATCHDOG_DEFAULT_S = 120;
export const WATCHDOG_MIN_S = 15;
export const ROTATE_DEFAULT_S = 20;

function seconds(raw: string | null, fallback: number, min: number, max: number): number {
  if (raw === null || !/^\d+$/.test(raw)) return fallback;
  const value = Number(raw);
  return value === 0 && min === 0 ? 0 : Math.min(max, Math.max(min, value));
}

/** Pure: `?token=…&lang=en&watchdog=60&rotate=0` → settings, with safe defaults for anything odd. */
export function parseWallParams(search: string): WallParams {
  const query = new URLSearchParams(search);
  return {
    token: query.get('token') || null,
    lang: query.get('lang')?.toLowerCase().startsWith('en') ? 'en' : 'zh',
    watchdogMs: seconds(query.get('watchdog'), WATCHDOG_DEFAULT_S, WATCHDOG_MIN_S, 86_400) * 1000,
    rotateMs: seconds(query.get('rotate'), ROTATE_DEFAULT_S, 0, 3600) * 1000,
  };
}
