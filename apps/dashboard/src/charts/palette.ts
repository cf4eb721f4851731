import type { WallCardLevel } from '@app/contracts/realtime/wall';
import type { DepartmentState } from '../state/department-state';

/** The wall's dark theme, in one place so charts and DOM panels agree. */
export const PALETTE = Object.freeze({
  background: '#04101f',
  panel: 'rgba(9, 32, 64, 0.62)',
  border: '#1d4f80',
  grid: 'rgba(120, 170, 220, 0.16)',
  text: '#d6ecff',
  muted: '#7fa7c9',
  accent: '#38d6ff',
  accepted: '#38d6ff',
  completed: '#34d399',
  overdue: '#f43f5e',
  inProgress: '#a78bfa',
  good: '#34d399',
  fair: '#fbbf24',
  poor: '#f43f5e',
  neutral: '#3b82c4',
});

export const LEVEL_COLOURS: Readonly<Record<WallCardLevel | 'NONE', string>> = Object.freeze({
  NONE: '#34d399',
  PROMPT: '#60a5fa',
  YELLOW: '#fbbf24',
  RED: '#f43f5e',
});

/** A department's colour: the state of its open cases now (state/department-state.ts). */
export const STATE_COLOURS: Readonly<Record<DepartmentState, string>> = Object.freeze({
  OVERDUE: '#f43f5e',
  DUE_SOON: '#fbbf24',
  ON_TIME: '#34d399',
  IDLE: '#3b82c4',
});

/** Font stack with the CJK faces screens actually have (Debian's Noto CJK first). */
export const FONT_FAMILY = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

/** Rate bands for the ranking: the centre's usual reading of an on-time rate. */
export function rateColour(rate: number): string {
  if (rate >= 0.95) return PALETTE.good;
  if (rate >= 0.85) return PALETTE.fair;
  return PALETTE.poor;
}
