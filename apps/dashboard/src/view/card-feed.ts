import type { WallCard, WallDepartment } from '@app/contracts/realtime/wall';
import { formatClock } from '../i18n/format';
import type { WallLang, WallMessages } from '../i18n/messages';
import { ruleName } from '../i18n/rule-names';
import { el } from './dom';

/** Seconds each card stays in view while the feed scrolls by itself. */
const SECONDS_PER_CARD = 3;

/**
 * The live card feed, newest first. When the cards do not fit, the list scrolls by itself in a
 * loop (a CSS animation over two copies: no timers, no layout work per frame). A new card restarts
 * the loop from the top, so it is seen at once.
 */
export class CardFeed {
  private readonly viewport = el('div', 'feed-viewport');
  private readonly track = el('div', 'feed-track');
  private readonly message = el('div', 'feed-message');
  private shownKey = '';

  constructor(
    container: HTMLElement,
    private readonly messages: WallMessages,
    private readonly lang: WallLang,
  ) {
    this.viewport.append(this.track);
    container.append(this.viewport, this.message);
  }

  render(cards: readonly WallCard[], departments: readonly WallDepartment[], cardsMeasured: boolean): void {
    const key = `${cardsMeasured}|${cards.map((c) => `${c.id}:${c.level}:${c.raisedAt}`).join(',')}`;
    if (key === this.shownKey) return;
    this.shownKey = key;
    this.message.textContent = cards.length > 0 ? '' : cardsMeasured ? this.messages.noCards : this.messages.cardsNotMeasured;
    const names = new Map(departments.map((d) => [d.code, d.name]));
    const list = el('ul', 'feed-list');
    for (const card of cards) list.append(this.item(card, names.get(card.departmentCode) ?? card.departmentCode));
    this.track.replaceChildren(list);
    this.track.classList.remove('scrolling');
    this.track.style.removeProperty('--feed-duration');
    // Measure after layout: scroll only when the list is taller than the panel.
    requestAnimationFrame(() => {
      if (this.shownKey !== key || list.offsetHeight <= this.viewport.clientHeight) return;
      this.track.append(list.cloneNode(true));
      this.track.style.setProperty('--feed-duration', `${cards.length * SECONDS_PER_CARD}s`);
      this.track.classList.add('scrolling');
    });
  }

  private item(card: WallCard, departmentName: string): HTMLElement {
    const item = el('li', 'feed-item');
    item.dataset.level = card.level;
    item.dataset.cardId = card.id;
    const top = el('div', 'feed-line');
    top.append(el('span', 'feed-level', this.messages.levels[card.level]), el('span', 'feed-department', departmentName), el('span', 'feed-time', formatClock(card.raisedAt, this.lang, false)));
    const bottom = el('div', 'feed-line feed-sub');
    bottom.append(el('span', 'feed-rule', ruleName(card.ruleCode, this.lang)), el('span', 'feed-item-name', card.itemName ?? card.itemCode ?? ''));
    item.append(top, bottom);
    return item;
  }
}
