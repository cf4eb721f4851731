/**
 * What the wall bench reads from the page in Chromium: frame times (a requestAnimationFrame loop
 * injected before the page's own scripts), WebSocket opens and closes, live → stale transitions,
 * and, over the DevTools protocol, the JS heap after a forced GC plus the renderer's DOM node and
 * listener counts. The injected state is drained at every sample, so the probe itself holds at most
 * one interval of frame deltas.
 */
import { readdirSync, readFileSync } from 'fs';
import type { Browser, CDPSession, Page } from 'playwright-core';

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

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

export interface TimelineSummary {
  seconds: number;
  /** Frames the renderer began (BeginMainFrame). */
  frames: number;
  /** CPU (thread time, not waiting for a core) per thread kind, summed over top-level tasks. */
  threads: { thread: string; cpuMs: number; wallMs: number }[];
  /** Renderer main thread, by event (inclusive), wall and CPU time. */
  main: { name: string; wallMs: number; cpuMs: number; count: number }[];
}

/**
 * A timeline trace of the page for `ms`: CPU time per thread (renderer main, compositor, raster,
 * viz) and the renderer main thread's time by event — where the time the CPU profile calls
 * "(program)" goes (style, layout, paint, commit). Thread time (tdur) does not count time spent
 * waiting for a core, so it compares runs on a shared machine.
 */
export async function traceTimeline(browser: Browser, page: Page, ms: number, limit = 20): Promise<TimelineSummary> {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'cc', 'viz'] });
  await new Promise((r) => setTimeout(r, ms));
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  const threadNames = new Map<string, string>();
  for (const e of traceEvents) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name) threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
  const main = [...threadNames.entries()].find(([, name]) => name === 'CrRendererMain')?.[0];
  const threads = new Map<string, { cpuMs: number; wallMs: number }>();
  const events = new Map<string, { wallMs: number; cpuMs: number; count: number }>();
  let frames = 0;
  for (const e of traceEvents) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    // Top-level tasks only ('RunTask' wraps 'ThreadControllerImpl::RunTask': count one of them).
    if (e.name === 'RunTask') {
      const thread = (threadNames.get(key) ?? 'unnamed').replace(/\d+$/, '');
      const sum = threads.get(thread) ?? { cpuMs: 0, wallMs: 0 };
      sum.cpuMs += (e.tdur ?? 0) / 1000;
      sum.wallMs += e.dur / 1000;
      threads.set(thread, sum);
    }
    if (key !== main) continue;
    if (e.name === 'ProxyMain::BeginMainFrame') frames += 1;
    const sum = events.get(e.name) ?? { wallMs: 0, cpuMs: 0, count: 0 };
    sum.wallMs += e.dur / 1000;
    sum.cpuMs += (e.tdur ?? 0) / 1000;
    sum.count += 1;
    events.set(e.name, sum);
  }
  const rounded = <T extends { cpuMs: number; wallMs: number }>(v: T): T => ({ ...v, cpuMs: Math.round(v.cpuMs), wallMs: Math.round(v.wallMs) });
  return {
    seconds: ms / 1000,
    frames,
    threads: [...threads.entries()].map(([thread, v]) => rounded({ thread, ...v })).sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 12),
    main: [...events.entries()].map(([name, v]) => rounded({ name, ...v })).sort((a, b) => b.cpuMs - a.cpuMs).slice(0, limit),
  };
}

/**
 * CPU seconds used so far by a process and all its descendants (Chromium: browser, renderer, GPU
 * and utility processes), from /proc. Unlike the renderer's task time this does not count time the
 * process waited for a core, so it stays comparable on a shared, busy machine.
 */
export function treeCpuSeconds(rootPid: number): number {
  const parents = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
      cpu.set(Number(entry), (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // The process ended while we read.
    }
  }
  let total = 0;
  for (const [pid, seconds] of cpu) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parents.get(p)) {
      if (p === rootPid) {
        total += seconds;
        break;
      }
    }
  }
  return total;
}

/** Direct children of `parentPid` whose command line matches `pattern` (e.g. the Chromium just launched). */
export function childPids(parentPid: number, pattern: RegExp): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== parentPid) continue;
      if (pattern.test(readFileSync(`/proc/${entry}/cmdline`, 'utf8'))) found.push(Number(entry));
    } catch {
      // The process ended while we read.
    }
  }
  return found;
}
