import {
  WALL_PROTOCOL_VERSION,
  type WallCard,
  type WallDelta,
  type WallHeartbeat,
  type WallPanels,
  type WallSnapshot,
} from '@app/contracts/realtime/wall';
import { mergeCards } from './card-buffer';

/** What the screen shows: the last snapshot with every delta since applied. */
export interface WallData extends WallPanels {
  day: string;
  cards: WallCard[];
}

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected' | 'unauthorized';

export interface WallViewState {
  connection: ConnectionStatus;
  data: WallData | null;
  /** Sequence of the last snapshot or delta applied. */
  sequence: number | null;
  /** True from (re)connection or a detected gap until a snapshot arrives: deltas cannot be trusted. */
  awaitingSnapshot: boolean;
  /** Bumped each time the reducer finds a gap; the connection asks the server for a snapshot. */
  resyncRequests: number;
  /** Client clock (ms) of the last message from the server. */
  lastMessageAt: number | null;
  /** Server instant the shown data is current as of: what "last updated" shows. */
  dataAsOf: string | null;
  /** How far the server's last successful read lags its own clock (from heartbeats). */
  serverLagMs: number;
  /** The server speaks another protocol version: the page must reload to get the matching build. */
  protocolMismatch: boolean;
}

export type WallAction =
  | { type: 'connecting' }
  | { type: 'connected'; at: number }
  | { type: 'disconnected'; at: number }
  | { type: 'unauthorized'; at: number }
  | { type: 'snapshot'; snapshot: WallSnapshot; at: number }
  | { type: 'delta'; delta: WallDelta; at: number }
  | { type: 'heartbeat'; heartbeat: WallHeartbeat; at: number };

export const INITIAL_WALL_STATE: WallViewState = Object.freeze({
  connection: 'connecting',
  data: null,
  sequence: null,
  awaitingSnapshot: true,
  resyncRequests: 0,
  lastMessageAt: null,
  dataAsOf: null,
  serverLagMs: 0,
  protocolMismatch: false,
});

const PANEL_KEYS = ['kpis', 'departments', 'regions', 'trend', 'ruleCounts', 'cardsMeasured'] as const;

function gap(state: WallViewState, at: number): WallViewState {
  return { ...state, awaitingSnapshot: true, resyncRequests: state.resyncRequests + 1, lastMessageAt: at };
}

/**
 * Pure: the screen's state after one event of the connection. Panels a delta does not carry keep
 * their identity, so the views redraw only what changed.
 */
export function wallReducer(state: WallViewState, action: WallAction): WallViewState {
  switch (action.type) {
    case 'connecting':
      return { ...state, connection: 'connecting' };
    case 'connected':
      // The server sends a snapshot on every connection; until it arrives nothing else applies.
      return { ...state, connection: 'connected', awaitingSnapshot: true, lastMessageAt: action.at };
    case 'disconnected':
      return { ...state, connection: 'disconnected', awaitingSnapshot: true };
    case 'unauthorized':
      return { ...state, connection: 'unauthorized', awaitingSnapshot: true };
    case 'snapshot': {
      const { snapshot } = action;
      if (snapshot.protocol !== WALL_PROTOCOL_VERSION) return { ...state, protocolMismatch: true, lastMessageAt: action.at };
      const { protocol: _protocol, sequence, serverTime, ...data } = snapshot;
      return {
        ...state,
        data: { ...data, cards: mergeCards([], data.cards) },
        sequence,
        awaitingSnapshot: false,
        lastMessageAt: action.at,
        dataAsOf: serverTime,
        serverLagMs: 0,
      };
    }
    case 'delta':
      return applyDelta(state, action.delta, action.at);
    case 'heartbeat': {
      const { heartbeat } = action;
      if (state.awaitingSnapshot || state.sequence === null) return { ...state, lastMessageAt: action.at };
      if (heartbeat.sequence !== state.sequence) return gap(state, action.at);
      return {
        ...state,
        lastMessageAt: action.at,
        dataAsOf: heartbeat.dataAsOf,
        serverLagMs: Math.max(0, Date.parse(heartbeat.serverTime) - Date.parse(heartbeat.dataAsOf)),
      };
    }
  }
}

function applyDelta(state: WallViewState, delta: WallDelta, at: number): WallViewState {
  // Before the first snapshot, or while waiting for one, a delta has no base to apply to.
  if (state.awaitingSnapshot || state.data === null || state.sequence === null) return { ...state, lastMessageAt: at };
  if (delta.sequence <= state.sequence) return { ...state, lastMessageAt: at };
  if (delta.sequence !== state.sequence + 1) return gap(state, at);
  const data: WallData = { ...state.data };
  for (const key of PANEL_KEYS) {
    if (delta[key] !== undefined) (data as unknown as Record<string, unknown>)[key] = delta[key];
  }
  if (delta.day !== undefined) data.day = delta.day;
  if (delta.cards !== undefined) data.cards = mergeCards(state.data.cards, delta.cards);
  return { ...state, data, sequence: delta.sequence, lastMessageAt: at, dataAsOf: delta.serverTime, serverLagMs: 0 };
}

export interface LivenessLimits {
  /** No message at all for this long: the link is dead even if the socket has not noticed. */
  silenceMs: number;
  /** The server's data is older than this (its reads fail): shown, but not as live. */
  dataLagMs: number;
}

/** Live = connected, in sync, hearing from the server, and the server's data is fresh. */
export function isLive(state: WallViewState, now: number, limits: LivenessLimits): boolean {
  return (
    state.connection === 'connected' &&
    state.data !== null &&
    !state.awaitingSnapshot &&
    !state.protocolMismatch &&
    state.lastMessageAt !== null &&
    now - state.lastMessageAt <= limits.silenceMs &&
    state.serverLagMs <= limits.dataLagMs
  );
}
