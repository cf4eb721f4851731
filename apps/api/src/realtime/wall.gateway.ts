import { Logger, OnModuleDestroy } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { WALL_LIMITS, WALL_NAMESPACE, WallClientToServerEvents, WallServerToClientEvents } from '@app/contracts';
import { WallChangeBus } from './wall-change-bus';
import { WallLiveStates } from './wall-live-states';
import { wallScopeKey } from './wall-scope';
import { WallScreenAuthenticator, WallViewer } from './wall-screen-auth';

interface WallSocketData {
  viewer: WallViewer;
}
type WallNamespace = Namespace<WallClientToServerEvents, WallServerToClientEvents, Record<string, never>, WallSocketData>;
type WallSocket = Socket<WallClientToServerEvents, WallServerToClientEvents, Record<string, never>, WallSocketData>;

/** A screen asking for snapshots faster than this is served at this pace. */
const RESYNC_MIN_INTERVAL_MS = 1000;

/** This node's room of the screens that share a scope. */
const roomOf = (scopeKey: string) => `wall:${scopeKey}`;

/**
 * socket.io namespace /wall: authenticates the handshake (and keeps re-checking the token while the
 * socket is open: wall-screen-auth.ts), sends a full snapshot on every
 * (re)connection and on request, then this node's coalesced deltas and heartbeats for the screen's
 * scope. Deltas go to this node's sockets only (`local`): each node owns the sequence of the streams
 * it serves (docs/adr/0004-wall-screen-live-state.md).
 */
@WebSocketGateway({ namespace: WALL_NAMESPACE, serveClient: false })
export class WallGateway implements OnGatewayInit<WallNamespace>, OnGatewayConnection<WallSocket>, OnGatewayDisconnect<WallSocket>, OnModuleDestroy {
  private readonly logger = new Logger('WallGateway');
  @WebSocketServer() private readonly namespace!: WallNamespace;
  private unsubscribe: (() => void) | null = null;
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly states: WallLiveStates,
    private readonly bus: WallChangeBus,
    private readonly authenticator: WallScreenAuthenticator,
  ) {}

  afterInit(namespace: WallNamespace): void {
    namespace.use((socket, next) => {
      const token: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
      this.authenticator.authenticateWallScreen(token, socket.handshake.address, socket).then(
        (viewer) => {
          if (!viewer) return next(new Error('unauthorized'));
          socket.data.viewer = viewer;
          next();
        },
        (error: Error) => next(error),
      );
    });
    this.unsubscribe = this.bus.subscribe(() => this.states.changed());
    this.states.sendDeltasTo((scopeKey, delta) => this.namespace.local.to(roomOf(scopeKey)).emit('delta', delta));
  }

  async handleConnection(socket: WallSocket): Promise<void> {
    const { scope } = socket.data.viewer;
    // Joined before the snapshot is read, so no delta after it can miss this screen.
    await socket.join(roomOf(wallScopeKey(scope)));
    this.states.attach(scope);
    this.startTimers();
    let lastResyncAt = 0;
    socket.on('resync', () => {
      if (Date.now() - lastResyncAt < RESYNC_MIN_INTERVAL_MS) return;
      lastResyncAt = Date.now();
      void this.sendSnapshot(socket);
    });
    await this.sendSnapshot(socket);
  }

  handleDisconnect(socket: WallSocket): void {
    const viewer = socket.data.viewer as WallViewer | undefined;
    if (viewer) this.states.detach(viewer.scope);
    if (this.states.size === 0) this.stopTimers();
  }

  onModuleDestroy(): void {
    this.stopTimers();
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  private async sendSnapshot(socket: WallSocket): Promise<void> {
    try {
      const live = this.states.attach(socket.data.viewer.scope);
      try {
        await live.withSnapshot((snapshot) => {
          if (socket.connected) socket.emit('snapshot', snapshot);
        });
      } finally {
        this.states.detach(socket.data.viewer.scope);
      }
    } catch (error) {
      // The screen stays "stale" and asks again (resync); nothing else to do here.
      this.logger.warn(`wall snapshot failed: ${(error as Error).message}`);
    }
  }

  private startTimers(): void {
    if (this.timers.length > 0) return;
    this.timers = [
      setInterval(() => {
        this.states.each((scopeKey, live) => this.namespace.local.to(roomOf(scopeKey)).emit('heartbeat', live.heartbeat()));
      }, WALL_LIMITS.heartbeatIntervalMs),
      // Re-read without a notice too: overdue grows with time alone, days roll over, notices can be lost.
      setInterval(() => this.states.changed(), WALL_LIMITS.refreshIntervalMs),
    ];
  }

  private stopTimers(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
  }
}
