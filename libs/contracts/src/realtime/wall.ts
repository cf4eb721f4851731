/**
 * The wall screen's live channel: socket.io namespace `/wall`, server → client.
 *
 * On every (re)connection the server sends one `snapshot` (the whole screen), then `delta`s that
 * replace the panels that changed, each with the next `sequence`, then `heartbeat`s in between.
 * A client that sees a sequence it did not expect drops its state and asks for a new snapshot
 * (`resync`); sequences only compare within one connection.
 *
 * Kept free of imports: the dashboard bundles this file as it is.
 */

export const WALL_NAMESPACE = '/wall';

/** Bumped when a change would misread old payloads; the client reloads on a mismatch. */
export const WALL_PROTOCOL_VERSION = 1;

export const WALL_LIMITS = Object.freeze({
  /** Cards kept in the feed, newest first: enough to fill the panel, bounded for weeks of running. */
  recentCards: 50,
  /** Days of trend, today included. */
  trendDays: 30,
  /** How often the server sends a heartbeat; a client missing several treats its data as stale. */
  heartbeatIntervalMs: 5000,
  /** The server re-reads at least this often; data older than a few of these means reads are failing. */
  refreshIntervalMs: 10_000,
});

/** Card levels, mildest first: 预警 prompt → 黄牌 yellow card → 红牌 red card. */
export const WALL_CARD_LEVELS = ['PROMPT', 'YELLOW', 'RED'] as const;
export type WallCardLevel = (typeof WALL_CARD_LEVELS)[number];

/** One irregularity card (alert) as the wall shows it. */
export interface WallCard {
  id: string;
  level: WallCardLevel;
  departmentCode: string;
  /** Null for department-level rules (a silent feed), which concern no item. */
  itemCode: string | null;
  itemName: string | null;
  /** The rule code, e.g. PROMISED_OVERDUE (domain.md §6). */
  ruleCode: string;
  /** ISO instant (UTC) the card was raised or last escalated. */
  raisedAt: string;
  /** Null for department-level rules. */
  caseId: string | null;
}

export interface WallKpis {
  /** Cases accepted today (Asia/Shanghai day). */
  acceptedToday: number;
  /** Cases decided (approved or denied) today. */
  completedToday: number;
  /** Accepted, not decided, not closed. */
  inProgress: number;
  /** Open cases past their promised decision deadline. */
  overdue: number;
  /** Open cards; null while cards are not measured (see `WallSnapshot.cardsMeasured`). */
  openYellow: number | null;
  openRed: number | null;
  /** Decisions within the promised limit ÷ decisions, over the trend window; null without decisions. */
  onTimeRate: number | null;
}

export interface WallDepartment {
  code: string;
  name: string;
  regionCode: string | null;
  acceptedToday: number;
  inProgress: number;
  /** Decisions within the promised limit ÷ decisions over the trend window; null without decisions. */
  onTimeRate: number | null;
  /** Decisions the rate rests on, so a rate of 1 from one case is read as such. */
  decided: number;
  /** Most severe open card; null when none is open or cards are not measured. */
  worstOpenLevel: WallCardLevel | null;
  openCards: number;
  /** Open cases past their promised decision deadline now. */
  overdue: number;
  /** Open cases whose promised decision deadline falls within the next 48 hours. */
  dueSoon: number;
}

/** Code of the pseudo-district holding the departments of no district (市直部门), so districts add up to the headline. */
export const WALL_NO_REGION_CODE = '-';

export interface WallRegion {
  code: string;
  name: string;
  departmentCodes: string[];
  acceptedToday: number;
  inProgress: number;
  overdue: number;
  openCards: Record<WallCardLevel, number>;
}

export interface WallTrendDay {
  /** Asia/Shanghai calendar day, YYYY-MM-DD. */
  day: string;
  accepted: number;
  completed: number;
  /** Cases whose promised decision deadline passed unmet on that day. */
  overdue: number;
}

export interface WallRuleCount {
  ruleCode: string;
  count: number;
}

/** The panels a delta can replace; a snapshot carries all of them. */
export interface WallPanels {
  kpis: WallKpis;
  departments: WallDepartment[];
  regions: WallRegion[];
  /** Oldest day first, `WALL_LIMITS.trendDays` entries. */
  trend: WallTrendDay[];
  /** Cards raised in the trend window, by rule, most frequent first. */
  ruleCounts: WallRuleCount[];
  /** False until the rules engine keeps cards: the screen then says so instead of showing zeros. */
  cardsMeasured: boolean;
}

export interface WallSnapshot extends WallPanels {
  protocol: number;
  sequence: number;
  /** ISO instant of the server's clock when the state was read. */
  serverTime: string;
  /** The Asia/Shanghai day the "today" figures refer to. */
  day: string;
  /** Newest first, at most `WALL_LIMITS.recentCards`. */
  cards: WallCard[];
}

export interface WallDelta extends Partial<WallPanels> {
  /** Exactly one more than the sequence of the snapshot or delta before it. */
  sequence: number;
  serverTime: string;
  day?: string;
  /** Cards raised or changed since the previous message, newest first; merged by id. */
  cards?: WallCard[];
}

export interface WallHeartbeat {
  serverTime: string;
  /** The sequence of the last snapshot or delta sent on this connection's stream. */
  sequence: number;
  /** ISO instant of the server's last successful read: what "last updated" means on the screen. */
  dataAsOf: string;
}

export interface WallServerToClientEvents {
  snapshot: (snapshot: WallSnapshot) => void;
  delta: (delta: WallDelta) => void;
  heartbeat: (heartbeat: WallHeartbeat) => void;
}

export interface WallClientToServerEvents {
  /** The client lost track (a sequence gap): send it a fresh snapshot. */
  resync: () => void;
}

/** Panel keys a delta may carry, for code that walks them. */
export const WALL_PANEL_KEYS = ['kpis', 'departments', 'regions', 'trend', 'ruleCounts', 'cardsMeasured'] as const satisfies readonly (keyof WallPanels)[];
