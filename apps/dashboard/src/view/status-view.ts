import { formatClock } from '../i18n/format';
import type { WallLang, WallMessages } from '../i18n/messages';
import type { WallViewState } from '../state/wall-reducer';
import { setText } from './dom';
import type { WallLayout } from './layout';

export type ScreenState = 'live' | 'stale';

/**
 * The header's clock, status and "last updated", the stale banner, and `data-state` on the root
 * element: what a person across the room and a test both read.
 */
export class StatusView {
  constructor(
    private readonly layout: WallLayout,
    private readonly root: HTMLElement,
    private readonly messages: WallMessages,
    private readonly lang: WallLang,
  ) {}

  render(state: WallViewState, screen: ScreenState, now: number): void {
    setText(this.layout.clock, formatClock(now, this.lang));
    const label =
      state.connection === 'unauthorized'
        ? this.messages.status.unauthorized
        : screen === 'live'
          ? this.messages.status.live
          : state.connection === 'connected'
            ? this.messages.status.stale
            : state.connection === 'connecting' && state.data === null
              ? this.messages.status.connecting
              : this.messages.status.disconnected;
    setText(this.layout.statusText, label);
    setText(this.layout.updated, state.dataAsOf ? `${this.messages.lastUpdated} ${formatClock(state.dataAsOf, this.lang)}` : '');
    if (this.root.dataset.state !== screen) this.root.dataset.state = screen;
    this.layout.status.dataset.tone = screen === 'live' ? 'live' : 'stale';
    const banner = state.connection === 'unauthorized' ? this.messages.unauthorizedBanner : screen === 'stale' && state.data !== null ? this.messages.staleBanner : '';
    setText(this.layout.banner, banner);
    this.layout.banner.classList.toggle('visible', banner !== '');
  }
}
