/**
 * What the wall bench reads from the page in Chromium: frame times (a requestAnimationFrame loop
 * injected before the page's own scripts), WebSocket opens and closes, live → stale transitions,
 * and, over the DevTools protocol, the JS heap after a forced GC plus the renderer's DOM node and
 * listener counts. The injected state is drained at every sample, so the probe itself holds at most
 * one interval of frame deltas.
 */
import type { CDPSession, Page } from 'playwright-core';

/** Runs in the page before its scripts (addInitScript), again after any reload. */
const PROBE_SCRIPT = `(() => {
  const probe = { boot: Math.random().toString(36).slice(2), frames: [], last: 0, wsOpened: 0, wsClosed: 0, staleAfterLive: 0, wasLive: false };
  window.__wallBench = probe;
  const loop = (t) => {
    if (probe.last && probe.frames.length < 100000) probe.frames.push(t - probe.last);
    probe.last = t;
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      probe.wsOpened += 1;
      this.addEventListener('close', () => { probe.wsClosed += 1; });
    }
  };
  const watch = () => new MutationObserver(() => {
    const state = document.documentElement.dataset.state;
    if (state === 'live') probe.wasLive = true;
    else if (state === 'stale' && probe.wasLive) { probe.staleAfterLive += 1; probe.wasLive = false; }
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-state'] });
  if (document.documentElement) watch(); else document.addEventListener('DOMContentLoaded', watch);
})();`;

/** Drains the probe and reads what is on screen; evaluated in the page. */
const DRAIN_SCRIPT = `(() => {
  const probe = window.__wallBench;
  const frames = probe.frames;
  probe.frames = [];
  const feed = document.querySelector('.feed-list');
  const kpi = (key) => document.querySelector('[data-kpi="' + key + '"]')?.textContent ?? null;
  return {
    boot: probe.boot, frames, wsOpened: probe.wsOpened, wsClosed: probe.wsClosed, staleAfterLive: probe.staleAfterLive,
    state: document.documentElement.dataset.state ?? null,
    feedItems: feed ? feed.children.length : 0,
    feedLists: document.querySelectorAll('.feed-list').length,
    openRed: kpi('openRed'), acceptedToday: kpi('acceptedToday'),
    tiles: document.querySelectorAll('.tile').length,
  };
})()`;

export interface PageReading {
  boot: string;
  frames: number[];
  wsOpened: number;
  wsClosed: number;
  staleAfterLive: number;
  state: string | null;
  feedItems: number;
  feedLists: number;
  openRed: string | null;
  acceptedToday: string | null;
  tiles: number;
}

export interface HeapReading {
  /** JS heap used after a forced full GC, MB. */
  usedMb: number;
  totalMb: number;
  nodes: number;
  listeners: number;
  /** Renderer main-thread busy time so far (Performance.getMetrics TaskDuration), seconds. */
  taskSeconds: number;
}

export class WallPageProbe {
  private cdp: CDPSession | null = null;
  /** Counters of earlier boots of the page (a reload restarts the injected counters). */
  private readonly boots = new Map<string, Pick<PageReading, 'wsOpened' | 'wsClosed' | 'staleAfterLive'>>();
  loads = 0;

  constructor(readonly page: Page) {
    page.on('load', () => (this.loads += 1));
  }

  async install(): Promise<void> {
    await this.page.addInitScript({ content: PROBE_SCRIPT });
    this.cdp = await this.page.context().newCDPSession(this.page);
    await this.cdp.send('Performance.enable');
  }

  async read(): Promise<PageReading> {
    const reading = await this.page.evaluate<PageReading>(DRAIN_SCRIPT);
    this.boots.set(reading.boot, { wsOpened: reading.wsOpened, wsClosed: reading.wsClosed, staleAfterLive: reading.staleAfterLive });
    return reading;
  }

  /** WebSocket closes, opens and stale transitions over every boot of the page so far. */
  totals(): { wsOpened: number; wsClosed: number; staleAfterLive: number; reloads: number } {
    const sum = { wsOpened: 0, wsClosed: 0, staleAfterLive: 0 };
    for (const boot of this.boots.values()) {
      sum.wsOpened += boot.wsOpened;
      sum.wsClosed += boot.wsClosed;
      sum.staleAfterLive += boot.staleAfterLive;
    }
    return { ...sum, reloads: Math.max(0, this.loads - 1) };
  }

  profile(ms: number): ReturnType<typeof profilePage> {
    return profilePage(this.cdp!, ms);
  }

  async heap(): Promise<HeapReading> {
    const cdp = this.cdp!;
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    return {
      usedMb: usage.usedSize / 2 ** 20,
      totalMb: usage.totalSize / 2 ** 20,
      nodes: metric('Nodes'),
      listeners: metric('JSEventListeners'),
      taskSeconds: metric('TaskDuration'),
    };
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

export interface ProfileSummary {
  seconds: number;
  /** Self time per function, largest first. */
  top: { fn: string; at: string; selfMs: number; share: number }[];
}

/** A CPU profile of the page's main thread for `ms`, summarised by self time (--profile-seconds). */
export async function profilePage(cdp: CDPSession, ms: number, limit = 25): Promise<{ summary: ProfileSummary; profile: unknown }> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  await new Promise((r) => setTimeout(r, ms));
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable');
  const nodes = new Map<number, ProfileNode>(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const frame = nodes.get(id)!.callFrame;
    const file = frame.url.split('/').pop() ?? '';
    const key = `${frame.functionName || '(anonymous)'}\t${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const top = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([key, selfMs]) => {
      const [fn, at] = key.split('\t');
      return { fn, at, selfMs: Math.round(selfMs), share: Math.round((selfMs / total) * 1000) / 1000 };
    });
  return { summary: { seconds: ms / 1000, top }, profile };
}
