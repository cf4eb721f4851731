import { Logger, OnModuleDestroy } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { WALL_LIMITS, WALL_NAMESPACE, WallClientToServerEvents, WallServerToClientEvents } from '@app/contracts';
import { WallChangeBus } from './wall-change-bus';
import { WallLiveState } from './wall-live-state';
import { WallScreenAuthenticator, WallViewer } from './wall-screen-auth';

type WallNamespace = Namespace<WallClientToServerEvents, WallServerToClientEvents, Record<string, never>, { viewer: WallViewer }>;
type WallSocket = Socket<WallClientToServerEvents, WallServerToClientEvents, Record<string, never>, { viewer: WallViewer }>;

/** A screen asking for snapshots faster than this is served at this pace. */
const RESYNC_MIN_INTERVAL_MS = 1000;

/**
 * socket.io namespace /wall: authenticates the handshake, sends a full snapshot on every
 * (re)connection and on request, then this node's coalesced deltas and heartbeats. Deltas go to
 * this node's sockets only (`local`): each node owns the sequence of the streams it serves.
 */
@WebSocketGateway({ namespace: WALL_NAMESPACE, serveClient: false })
export class WallGateway implements OnGatewayInit<WallNamespace>, OnGatewayConnection<WallSocket>, OnGatewayDisconnect<WallSocket>, OnModuleDestroy {
  private readonly logger = new Logger('WallGateway');
  @WebSocketServer() private readonly namespace!: WallNamespace;
  private readonly subscriptions: (() => void)[] = [];
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly live: WallLiveState,
    private readonly bus: WallChangeBus,
    private readonly authenticator: WallScreenAuthenticator,
  ) {}

  afterInit(namespace: WallNamespace): void {
    namespace.use((socket, next) => {
      const token: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
      this.authenticator.authenticateWallScreen(token).then(
        (viewer) => {
          if (!viewer) return next(new Error('unauthorized'));
          socket.data.viewer = viewer;
          next();
        },
        (error: Error) => next(error),
      );
    });
    this.subscriptions.push(
      this.bus.subscribe(() => this.live.changed()),
      this.live.onDelta((delta) => this.namespace.local.emit('delta', delta)),
    );
  }

  async handleConnection(socket: WallSocket): Promise<void> {
    this.startTimers();
    let lastResyncAt = 0;
    socket.on('resync', () => {
      if (Date.now() - lastResyncAt < RESYNC_MIN_INTERVAL_MS) return;
      lastResyncAt = Date.now();
      void this.sendSnapshot(socket);
    });
    await this.sendSnapshot(socket);
  }

  handleDisconnect(): void {
    if (this.namespace.sockets.size > 0) return;
    this.stopTimers();
    this.live.release();
  }

  onModuleDestroy(): void {
    this.stopTimers();
    for (const unsubscribe of this.subscriptions.splice(0)) unsubscribe();
  }

  private async sendSnapshot(socket: WallSocket): Promise<void> {
    try {
      await this.live.withSnapshot((snapshot) => {
        if (socket.connected) socket.emit('snapshot', snapshot);
      });
    } catch (error) {
      // The screen stays "stale" and asks again (resync); nothing else to do here.
      this.logger.warn(`wall snapshot failed: ${(error as Error).message}`);
    }
  }

  private startTimers(): void {
    if (this.timers.length > 0) return;
    this.timers = [
      setInterval(() => this.namespace.local.emit('heartbeat', this.live.heartbeat()), WALL_LIMITS.heartbeatIntervalMs),
      // Re-read without a notice too: overdue grows with time alone, days roll over, notices can be lost.
      setInterval(() => this.live.changed(), WALL_LIMITS.refreshIntervalMs),
    ];
  }

  private stopTimers(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
  }
}
