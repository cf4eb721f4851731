import { WALL_LIMITS } from '@app/contracts/realtime/wall';
import type { WallChartOption } from '../charts/chart-types';
import { rankingOption } from '../charts/ranking.option';
import { regionCompareOption } from '../charts/region-compare.option';
import { regionsOption } from '../charts/regions.option';
import { rulesOption } from '../charts/rules.option';
import { trendOption } from '../charts/trend.option';
import { MESSAGES, type WallMessages } from '../i18n/messages';
import { MIN_REDRAW_INTERVAL_MS } from '../charts/chart-updates';
import { WallConnection } from '../net/wall-connection';
import { Watchdog } from '../net/watchdog';
import type { WallParams } from '../state/wall-params';
import { INITIAL_WALL_STATE, isLive, type WallAction, type WallData, wallReducer, type WallViewState } from '../state/wall-reducer';
import { CardFeed } from '../view/card-feed';
import { ChartPanel } from '../view/chart-panel';
import { DepartmentTiles } from '../view/department-tiles';
import { KpiBar } from '../view/kpi-bar';
import { buildLayout, type WallLayout } from '../view/layout';
import { Rotation } from '../view/rotation';
import { Stage } from '../view/stage';
import { StatusView } from '../view/status-view';

/** Half the period of the alarms' blink (on 1 s, off 1 s). */
const BLINK_MS = 1000;

/** Stale when nothing at all came for three heartbeats, or the server's own data is a minute old. */
const LIVENESS = { silenceMs: 3 * WALL_LIMITS.heartbeatIntervalMs, dataLagMs: 6 * WALL_LIMITS.refreshIntervalMs };
/** Connected but no snapshot for this long: ask again (the server may have failed to read). */
const SNAPSHOT_OVERDUE_MS = 10_000;

type ChartName = 'ranking' | 'regions' | 'trend' | 'rotating';
type RotatingFace = 'rules' | 'regionCompare';

/** The wall screen: state in one reducer, views redrawn once per frame for what changed. */
export class WallApp {
  private state: WallViewState = INITIAL_WALL_STATE;
  private drawn: WallData | null = null;
  private frame = 0;
  private frameDelay: number | undefined;
  private lastDrawAt = Number.NEGATIVE_INFINITY;
  private lastResyncAt = 0;
  private readonly messages: WallMessages;
  private readonly layout: WallLayout;
  private readonly charts: Record<ChartName, ChartPanel>;
  private readonly disposers: (() => void)[] = [];
  private disposed = false;
  private readonly kpis: KpiBar;
  private readonly tiles: DepartmentTiles;
  private readonly feed: CardFeed;
  private readonly status: StatusView;
  private readonly rotation: Rotation<RotatingFace>;
  private readonly connection: WallConnection;
  private readonly watchdog: Watchdog;

  constructor(
    private readonly root: HTMLElement,
    private readonly params: WallParams,
  ) {
    this.messages = MESSAGES[params.lang];
    document.documentElement.lang = params.lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${this.messages.title} · ${this.messages.subtitle}`;
    this.layout = buildLayout(root, this.messages);
    const stage = new Stage(this.layout.stage, (fit) => Object.values(this.charts).forEach((c) => c.rescale(fit.chartPixelRatio)));
    const ratio = stage.pixelRatio;
    this.charts = {
      ranking: new ChartPanel(this.layout.ranking, ratio),
      regions: new ChartPanel(this.layout.regions, ratio),
      trend: new ChartPanel(this.layout.trend, ratio),
      rotating: new ChartPanel(this.layout.rotating, ratio),
    };
    this.kpis = new KpiBar(this.layout.kpis, this.messages);
    // The tiles turn twice as often as the secondary panel: ten districts in about a minute and a half by default.
    this.tiles = new DepartmentTiles(this.layout.tiles, this.layout.tilesTitle, this.messages, params.rotateMs / 2);
    this.feed = new CardFeed(this.layout.feed, this.messages, params.lang);
    this.status = new StatusView(this.layout, document.documentElement, this.messages, params.lang);
    this.rotation = new Rotation<RotatingFace>(
      [
        { id: 'rules', title: this.messages.panels.rules },
        { id: 'regionCompare', title: this.messages.panels.regionCompare },
      ],
      this.layout.rotatingTitle,
      this.layout.rotatingDots,
      params.rotateMs,
      () => this.drawRotating(true, null),
    );
    this.watchdog = new Watchdog(params.watchdogMs, new URL('../health', window.location.href).href, () => window.location.reload());
    this.connection = new WallConnection(params.token, (action) => this.dispatch(action));
    const ticker = window.setInterval(() => this.tick(), 1000);
    // One shared blink for every alarm on the page (overdue tiles, the live dot): an attribute flipped
    // once a second costs one style pass, where a CSS animation per tile keeps the page recalculating
    // styles on every frame for as long as any case is overdue (issue 22.5: the page after a burst).
    const blink = window.setInterval(() => this.root.toggleAttribute('data-blink-off'), BLINK_MS);
    this.disposers.push(
      () => window.clearInterval(ticker),
      () => window.clearInterval(blink),
      () => cancelAnimationFrame(this.frame),
      () => window.clearTimeout(this.frameDelay),
      () => this.tiles.dispose(),
      () => this.connection.dispose(),
      () => this.watchdog.dispose(),
      () => this.rotation.dispose(),
      () => this.feed.dispose(),
      () => stage.dispose(),
      ...Object.values(this.charts).map((chart) => () => chart.dispose()),
    );
    this.tick();
  }

  /** Releases every timer, socket and chart, once. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const dispose of this.disposers.splice(0)) dispose();
    this.root.replaceChildren();
  }

  private dispatch(action: WallAction): void {
    const before = this.state;
    this.state = wallReducer(before, action);
    if (action.type === 'snapshot' || action.type === 'delta' || action.type === 'heartbeat') this.watchdog.feed();
    if (this.state.protocolMismatch) return window.location.reload();
    if (this.state.resyncRequests !== before.resyncRequests) this.requestSnapshot();
    if (this.state.data !== this.drawn) this.scheduleDraw();
    this.tick();
  }

  private tick(): void {
    const now = Date.now();
    const live = isLive(this.state, now, LIVENESS);
    this.status.render(this.state, live ? 'live' : 'stale', now);
    this.root.classList.toggle('is-stale', !live && this.state.data !== null);
    const waiting = this.state.connection === 'connected' && this.state.awaitingSnapshot;
    if (waiting && this.state.lastMessageAt !== null && now - this.state.lastMessageAt > SNAPSHOT_OVERDUE_MS) this.requestSnapshot();
  }

  private requestSnapshot(): void {
    if (Date.now() - this.lastResyncAt < 1000) return;
    this.lastResyncAt = Date.now();
    this.connection.requestSnapshot();
  }

  /**
   * One frame draws every panel from the same data, at most once per MIN_REDRAW_INTERVAL_MS: under
   * a stream of cards the canvases would otherwise repaint all the time (bench:wall, P7), and
   * pacing each chart on its own showed figures of different moments side by side.
   */
  private scheduleDraw(): void {
    if (this.frame || this.frameDelay !== undefined) return;
    const wait = Math.max(0, this.lastDrawAt + MIN_REDRAW_INTERVAL_MS - performance.now());
    const inFrame = () => {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.lastDrawAt = performance.now();
        this.draw();
      });
    };
    if (wait === 0) return inFrame();
    this.frameDelay = window.setTimeout(() => {
      this.frameDelay = undefined;
      inFrame();
    }, wait);
  }

  /** Redraws each part whose slice of the data changed (the reducer keeps unchanged slices identical). */
  private draw(): void {
    const data = this.state.data;
    const old = this.drawn;
    if (!data || data === old) return;
    const m = this.messages;
    if (data.kpis !== old?.kpis || data.cardsMeasured !== old?.cardsMeasured) this.kpis.render(data.kpis, data.cardsMeasured);
    if (data.departments !== old?.departments || data.cardsMeasured !== old?.cardsMeasured) {
      this.render('ranking', rankingOption(data.departments, m));
    }
    if (data.departments !== old?.departments || data.regions !== old?.regions || data.cardsMeasured !== old?.cardsMeasured) {
      this.tiles.render(data.departments, data.regions, data.cardsMeasured);
    }
    if (data.regions !== old?.regions || data.departments !== old?.departments || data.cardsMeasured !== old?.cardsMeasured) {
      this.render('regions', regionsOption(data.regions, data.departments, data.cardsMeasured, m));
    }
    if (data.trend !== old?.trend) this.render('trend', trendOption(data.trend, m));
    if (data.cards !== old?.cards || data.departments !== old?.departments || data.cardsMeasured !== old?.cardsMeasured) {
      this.feed.render(data.cards, data.departments, data.cardsMeasured);
    }
    this.drawn = data;
    this.drawRotating(false, old);
  }

  /** The rotating panel: on a face change always, on new data only if its face's data changed. */
  private drawRotating(faceChanged: boolean, old: WallData | null): void {
    // The data of the frame on screen, not newer data still waiting for the next frame.
    const data = this.drawn;
    if (!data) return;
    if (this.rotation.current === 'rules') {
      if (faceChanged || data.ruleCounts !== old?.ruleCounts || data.cardsMeasured !== old?.cardsMeasured) {
        this.render('rotating', rulesOption(data.ruleCounts, data.cardsMeasured, this.messages, this.params.lang));
      }
    } else if (faceChanged || data.regions !== old?.regions) {
      this.render('rotating', regionCompareOption(data.regions, this.messages));
    }
  }

  private render(chart: ChartName, option: WallChartOption): void {
    this.charts[chart].render(option);
  }
}
