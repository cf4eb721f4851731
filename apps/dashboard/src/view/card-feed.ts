import type { WallCard, WallDepartment } from '@app/contracts/realtime/wall';
import { formatClock } from '../i18n/format';
import type { WallLang, WallMessages } from '../i18n/messages';
import { ruleName } from '../i18n/rule-names';
import { el } from './dom';

/** Seconds each card stays in view while the feed scrolls by itself. */
const SECONDS_PER_CARD = 3;

interface FeedItem {
  node: HTMLElement;
  /** What the node shows; a card whose level, time or names change gets a new node. */
  key: string;
}

/**
 * The live card feed, newest first. When the cards do not fit, the feed scrolls by itself, one card
 * every few seconds: the top card moves to the bottom (one DOM move; nothing animates, so nothing
 * is drawn between steps). New cards restart it from the top, so they are seen at once. Each card
 * keeps its node while it stays in the feed: under a stream of cards an update creates only the
 * new cards' nodes (bench:wall, P7).
 */
export class CardFeed {
  private readonly viewport = el('div', 'feed-viewport');
  private readonly list = el('ul', 'feed-list');
  private readonly message = el('div', 'feed-message');
  private readonly items = new Map<string, FeedItem>();
  private readonly timer: number;
  private shownKey = '';

  constructor(
    container: HTMLElement,
    private readonly messages: WallMessages,
    private readonly lang: WallLang,
  ) {
    this.viewport.append(this.list);
    container.append(this.viewport, this.message);
    this.timer = window.setInterval(() => this.step(), SECONDS_PER_CARD * 1000);
  }

  render(cards: readonly WallCard[], departments: readonly WallDepartment[], cardsMeasured: boolean): void {
    const names = new Map(departments.map((d) => [d.code, d.name]));
    const keys = cards.map((c) => `${c.level}|${c.raisedAt}|${names.get(c.departmentCode) ?? ''}|${c.itemName ?? c.itemCode ?? ''}|${c.ruleCode}`);
    const shownKey = `${cardsMeasured}|${cards.map((c, i) => `${c.id}:${keys[i]}`).join(',')}`;
    if (shownKey === this.shownKey) return;
    this.shownKey = shownKey;
    this.message.textContent = cards.length > 0 ? '' : cardsMeasured ? this.messages.noCards : this.messages.cardsNotMeasured;
    const wanted = new Set(cards.map((c) => c.id));
    for (const [id, item] of this.items) {
      if (wanted.has(id)) continue;
      item.node.remove();
      this.items.delete(id);
    }
    cards.forEach((card, index) => {
      let item = this.items.get(card.id);
      if (item?.key !== keys[index]) {
        const node = this.item(card, names.get(card.departmentCode) ?? card.departmentCode);
        item?.node.remove();
        item = { node, key: keys[index] };
        this.items.set(card.id, item);
      }
      const here = this.list.children[index];
      if (here !== item.node) this.list.insertBefore(item.node, here ?? null);
    });
  }

  dispose(): void {
    window.clearInterval(this.timer);
  }

  /** One card on: the top card goes to the bottom, when the list is taller than the panel. */
  private step(): void {
    const first = this.list.firstElementChild;
    if (!first || this.list.children.length < 2 || this.list.offsetHeight <= this.viewport.clientHeight) return;
    this.list.append(first);
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
