import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { InProcessChannel, PubSubChannel, RedisChannel } from '../common/pubsub-channel';

/**
 * A credential stopped meaning what it meant: a display token was revoked, or a user's account
 * changed generation (disabled, new role, new bindings, new password — user.service.ts bumps
 * `tokenVersion` for all of these). Carries names only, never a token.
 */
export type CredentialChange = { kind: 'display'; displayId: string } | { kind: 'user'; username: string };

export type CredentialChangeListener = (change: CredentialChange) => void;

/** How long a broken Redis stays quiet in the log between two warnings. */
const WARN_EVERY_MS = 60_000;

/**
 * Tells every api node that a credential changed, so each one forgets what it cached about it and
 * re-checks the sockets that presented it (live-socket-credentials.ts). In-process when embedded,
 * Redis pub/sub in server mode. `publish` never throws: a lost notice is caught by the periodic
 * re-check of every socket, which is why that exists too.
 */
export class CredentialChangeBus implements OnApplicationShutdown {
  private readonly logger = new Logger('CredentialChangeBus');
  private lastWarnAt = 0;

  private constructor(private readonly channel: PubSubChannel<CredentialChange>) {}

  static inProcess(): CredentialChangeBus {
    return new CredentialChangeBus(new InProcessChannel<CredentialChange>());
  }

  static redis(redisUrl: string, channelName: string): CredentialChangeBus {
    let bus: CredentialChangeBus | null = null;
    const channel = new RedisChannel<CredentialChange>(redisUrl, channelName, (what, error) => bus?.warn(what, error));
    bus = new CredentialChangeBus(channel);
    return bus;
  }

  publish(change: CredentialChange): void {
    this.channel.publish(change).catch((error: Error) => this.warn('publish', error));
  }

  subscribe(listener: CredentialChangeListener): () => void {
    return this.channel.subscribe(listener);
  }

  async onApplicationShutdown(): Promise<void> {
    this.channel.close();
  }

  private warn(what: string, error: Error): void {
    const now = Date.now();
    if (now - this.lastWarnAt < WARN_EVERY_MS) return;
    this.lastWarnAt = now;
    this.logger.warn(`redis (${what}): ${error.message}; open sockets are still re-checked periodically`);
  }
}
