import type { WallRuleCount } from '@app/contracts/realtime/wall';
import type { WallLang, WallMessages } from '../i18n/messages';
import { ruleName } from '../i18n/rule-names';
import { BASE_TEXT, emptyMessage, VALUE_AXIS_STYLE, WallChartOption } from './chart-types';
import { PALETTE } from './palette';

/** Rules shown: the panel's height reads well with this many bars. */
export const RULES_LIMIT = 8;

/** Cards raised in the last 30 days per rule, most frequent on top. */
export function rulesOption(counts: readonly WallRuleCount[], cardsMeasured: boolean, messages: WallMessages, lang: WallLang): WallChartOption {
  const rows = [...counts]
    .sort((a, b) => b.count - a.count || a.ruleCode.localeCompare(b.ruleCode))
    .slice(0, RULES_LIMIT)
    .reverse();
  const message = cardsMeasured ? messages.noCards : messages.cardsNotMeasured;
  return {
    textStyle: BASE_TEXT,
    animationDurationUpdate: 600,
    grid: { left: 8, right: 56, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'value', minInterval: 1, show: false },
    yAxis: {
      type: 'category',
      data: rows.map((r) => ruleName(r.ruleCode, lang)),
      axisLabel: { ...VALUE_AXIS_STYLE.axisLabel, color: PALETTE.text, fontSize: 15, width: 200, overflow: 'truncate' },
      axisLine: { show: false },
      axisTick: { show: false },
    },
    series: [
      {
        id: 'cards-by-rule',
        type: 'bar',
        barWidth: 12,
        itemStyle: { borderRadius: 6, color: PALETTE.fair },
        label: { show: true, position: 'right', color: PALETTE.text, fontSize: 15 },
        data: rows.map((r) => r.count),
      },
    ],
    graphic: emptyMessage(message, rows.length === 0),
  };
}
