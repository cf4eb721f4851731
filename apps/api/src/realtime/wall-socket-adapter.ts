import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import IORedis, { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import { AppConfig } from '../config/app-config';

/**
 * socket.io for the gateways. In server mode the Redis adapter joins the api nodes, so any node
 * serves any screen and a broadcast or disconnect (a revoked display) reaches sockets on every node.
 */
export class WallSocketAdapter extends IoAdapter {
  private readonly logger = new Logger('WallSocketAdapter');
  private io: Server | null = null;
  private redis: Redis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    // Same origin only (no CORS), and no bundled client: the dashboard ships its own.
    const io = super.createIOServer(port, { ...options, serveClient: false }) as Server;
    if (this.config.mode === 'server' && this.config.redisUrl) {
      const pub = new IORedis(this.config.redisUrl);
      const sub = pub.duplicate();
      for (const connection of [pub, sub]) connection.on('error', (error: Error) => this.logger.warn(`redis: ${error.message}`));
      // Keyed by the deployment's prefix, so deployments (and test runs) sharing a Redis stay apart.
      io.adapter(createAdapter(pub, sub, { key: `${this.config.queuePrefix}:socket.io` }));
      this.redis = [pub, sub];
    }
    this.io = io;
    return io;
  }

  /**
   * Nest calls this per server and namespace. Never `io.close()`: it closes the shared HTTP server and
   * waits for every keep-alive connection, which Fastify only closes later — shutdown would hang.
   * The sockets are closed in dispose(), the HTTP server by Fastify.
   */
  override async close(): Promise<void> {}

  /** Open sockets per namespace on this node (metrics). */
  connections(): { namespace: string; count: number }[] {
    return this.io ? [...this.io._nsps.values()].map((ns) => ({ namespace: ns.name, count: ns.sockets.size })) : [];
  }

  /** Closes this node's connections (only this node's), so the HTTP server can close; then Redis. */
  override async dispose(): Promise<void> {
    const io = this.io;
    this.io = null;
    if (io) {
      // Closing the transports (not disconnecting the sockets) lets the screens reconnect by themselves,
      // to this node when it is back or to another one meanwhile.
      io.engine.close();
      for (const namespace of io._nsps.values()) await namespace.adapter.close();
    }
    for (const connection of this.redis.splice(0)) connection.disconnect();
  }
}
