import { Finding } from '@app/contracts';
import { DEFAULT_RULE_SETTINGS, RuleSettingsByCode } from './rule-settings';

export interface FeedState {
  silent: boolean;
  lastReceivedAt: string | null;
}

export interface InhibitionResult<F extends Finding> {
  /** Findings to act on as usual. */
  active: F[];
  /**
   * Findings held back while the feed is silent. Neither raise a card for them nor treat their
   * absence from `active` as "cleared": an open card of the same rule stays as it is.
   */
  inhibited: F[];
}

/**
 * Inhibition: while a department's feed is silent, a time-driven finding whose breach came after
 * the last receipt may only mean the event that would have prevented it has not arrived — so it
 * is held back, and a broken interface does not bury the wall in false red. Findings backed by
 * events, and breaches from before the silence, stand.
 */
export function inhibitByFeedSilence<F extends Finding>(
  findings: readonly F[],
  feed: FeedState | null | undefined,
  settings: Readonly<RuleSettingsByCode['FEED_SILENT']> = DEFAULT_RULE_SETTINGS.FEED_SILENT,
): InhibitionResult<F> {
  if (!feed?.silent || !settings.enabled) return { active: [...findings], inhibited: [] };
  const since = feed.lastReceivedAt === null ? Number.NEGATIVE_INFINITY : Date.parse(feed.lastReceivedAt);
  const inhibits = new Set<string>(settings.inhibits);
  const active: F[] = [];
  const inhibited: F[] = [];
  for (const finding of findings) {
    const held = finding.timeDriven && inhibits.has(finding.rule) && Date.parse(finding.breachedAt) > since;
    (held ? inhibited : active).push(finding);
  }
  return { active, inhibited };
}
