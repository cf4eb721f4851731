import { io, type Socket } from 'socket.io-client';
import { WALL_NAMESPACE, type WallClientToServerEvents, type WallServerToClientEvents } from '@app/contracts/realtime/wall';
import type { WallAction } from '../state/wall-reducer';

type WallSocket = Socket<WallServerToClientEvents, WallClientToServerEvents>;

/** After a refused handshake socket.io does not retry by itself; this does, slowly. */
const RETRY_UNAUTHORIZED_MS = 60_000;
const SERVER_DISCONNECT_RETRY_MS = 5000;

/**
 * The /wall socket. Turns every socket event into a reducer action; reconnects forever (a wall
 * screen never gives up). The token goes in the handshake body, not the URL, so it is not logged.
 */
export class WallConnection {
  private readonly socket: WallSocket;
  private retryTimer: number | undefined;
  private closed = false;

  constructor(token: string | null, dispatch: (action: WallAction) => void) {
    this.socket = io(WALL_NAMESPACE, {
      path: '/socket.io',
      auth: { token: token ?? '' },
      transports: ['websocket', 'polling'],
      reconnection: true,
      reconnectionDelay: 1000,
      reconnectionDelayMax: 10_000,
    });
    this.socket.on('connect', () => dispatch({ type: 'connected', at: Date.now() }));
    this.socket.on('disconnect', (reason) => {
      dispatch({ type: 'disconnected', at: Date.now() });
      // A server-side disconnect is the one case socket.io does not retry by itself; a wall must.
      if (reason === 'io server disconnect') this.retryLater(SERVER_DISCONNECT_RETRY_MS);
    });
    this.socket.on('connect_error', (error: Error) => {
      if (error.message !== 'unauthorized') return dispatch({ type: 'disconnected', at: Date.now() });
      dispatch({ type: 'unauthorized', at: Date.now() });
      this.retryLater(RETRY_UNAUTHORIZED_MS);
    });
    this.socket.on('snapshot', (snapshot) => dispatch({ type: 'snapshot', snapshot, at: Date.now() }));
    this.socket.on('delta', (delta) => dispatch({ type: 'delta', delta, at: Date.now() }));
    this.socket.on('heartbeat', (heartbeat) => dispatch({ type: 'heartbeat', heartbeat, at: Date.now() }));
  }

  private retryLater(delayMs: number): void {
    window.clearTimeout(this.retryTimer);
    this.retryTimer = window.setTimeout(() => {
      if (!this.closed && !this.socket.connected) this.socket.connect();
    }, delayMs);
  }

  /** Ask for a full snapshot (after a gap, or when one is overdue). */
  requestSnapshot(): void {
    if (this.socket.connected) this.socket.emit('resync');
  }

  dispose(): void {
    this.closed = true;
    window.clearTimeout(this.retryTimer);
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }
}
