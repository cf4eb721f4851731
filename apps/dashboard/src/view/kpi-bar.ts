import type { WallKpis } from '@app/contracts/realtime/wall';
import { rateColour } from '../charts/palette';
import { formatCount, formatPercent } from '../i18n/format';
import type { WallMessages } from '../i18n/messages';
import { el, setText } from './dom';

type KpiKey = keyof WallKpis;
const ORDER: readonly KpiKey[] = ['acceptedToday', 'completedToday', 'inProgress', 'overdue', 'openYellow', 'openRed', 'onTimeRate'];
const TONE: Partial<Record<KpiKey, string>> = { overdue: 'tone-red', openYellow: 'tone-yellow', openRed: 'tone-red' };

/** The top row: seven figures, each with a caption when it cannot be measured yet. */
export class KpiBar {
  private readonly values = new Map<KpiKey, { value: HTMLElement; note: HTMLElement }>();

  constructor(
    container: HTMLElement,
    private readonly messages: WallMessages,
  ) {
    for (const key of ORDER) {
      const card = el('div', `kpi ${TONE[key] ?? ''}`.trim());
      const value = el('div', 'kpi-value', '—');
      value.dataset.kpi = key;
      const note = el('div', 'kpi-note');
      card.append(el('div', 'kpi-label', messages.kpi[key]), value, note);
      container.append(card);
      this.values.set(key, { value, note });
    }
  }

  render(kpis: WallKpis, cardsMeasured: boolean): void {
    for (const key of ORDER) {
      const { value, note } = this.values.get(key)!;
      const raw = kpis[key];
      setText(value, key === 'onTimeRate' ? formatPercent(raw) : formatCount(raw));
      if (key === 'onTimeRate') value.style.color = raw === null ? '' : rateColour(raw);
      const unmeasured = (key === 'openYellow' || key === 'openRed') && !cardsMeasured;
      setText(note, unmeasured ? this.messages.notMeasured : key === 'onTimeRate' ? this.messages.window30 : '');
    }
  }
}
