import { io, Socket } from 'socket.io-client';
import { WALL_NAMESPACE, WallClientToServerEvents, WallDelta, WallHeartbeat, WallServerToClientEvents, WallSnapshot } from '@app/contracts';
import { waitFor } from './wait-for';

type WallClientSocket = Socket<WallServerToClientEvents, WallClientToServerEvents>;

/** A real socket.io client on /wall that records everything it receives, for assertions. */
export class WallSocketProbe {
  readonly snapshots: WallSnapshot[] = [];
  readonly deltas: WallDelta[] = [];
  readonly heartbeats: WallHeartbeat[] = [];
  readonly socket: WallClientSocket;

  constructor(baseUrl: string, token: string | null, options: { reconnection?: boolean } = {}) {
    this.socket = io(`${baseUrl}${WALL_NAMESPACE}`, {
      auth: token === null ? {} : { token },
      transports: ['websocket'],
      reconnection: options.reconnection ?? false,
      forceNew: true,
    });
    this.socket.on('snapshot', (s) => this.snapshots.push(s));
    this.socket.on('delta', (d) => this.deltas.push(d));
    this.socket.on('heartbeat', (h) => this.heartbeats.push(h));
  }

  /** Resolves with the connect_error message, or null once connected. */
  outcome(): Promise<string | null> {
    return new Promise((resolve) => {
      this.socket.once('connect', () => resolve(null));
      this.socket.once('connect_error', (error: Error) => resolve(error.message));
    });
  }

  async nthSnapshot(n: number, timeoutMs = 10_000): Promise<WallSnapshot> {
    return waitFor(async () => this.snapshots[n - 1], `snapshot #${n}`, timeoutMs);
  }

  async deltaMatching(predicate: (d: WallDelta) => boolean, what: string, timeoutMs = 20_000): Promise<WallDelta> {
    return waitFor(async () => this.deltas.find(predicate), what, timeoutMs);
  }

  close(): void {
    this.socket.disconnect();
  }
}
