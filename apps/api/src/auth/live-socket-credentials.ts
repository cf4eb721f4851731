import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { PermissionName } from './access-policy';
import { CredentialChange, CredentialChangeBus } from './credential-changes';
import { DisplayTokenService } from './displays/display-token.service';
import { Principal, principalId } from './principal';
import { SocketAdmission, SocketAuthenticator } from './socket-authenticator';
import { UserService } from './users/user.service';

/** The part of a socket.io socket this needs (any namespace's). */
export interface LiveSocket {
  readonly connected: boolean;
  disconnect(): unknown;
  once(event: 'disconnect', listener: () => void): unknown;
}

interface Tracked {
  socket: LiveSocket;
  trackedAt: number;
  token: string;
  permission: PermissionName;
  channel: string;
  admission: SocketAdmission;
}

/** A handshake admitted this long ago whose socket is still not connected was abandoned by its client. */
const NEVER_CONNECTED_MS = 30_000;

/** What a socket was admitted as: who, and which rooms. A re-admission to anything else ends it. */
const fingerprint = (admission: SocketAdmission): string =>
  JSON.stringify([principalId(admission.principal), admission.principal.kind, [...admission.rooms].sort()]);

const concerns = (principal: Principal, change: CredentialChange): boolean =>
  change.kind === 'display'
    ? principal.kind === 'display' && principal.displayId === change.displayId
    : 'username' in principal && principal.username === change.username;

/**
 * Keeps open sockets (/wall, /notifications) honest after their handshake. Two paths:
 * - a CredentialChange from any api node (a revoked display token, a user disabled or given another
 *   role or binding) makes this node forget what it cached about that credential and re-check the
 *   sockets that presented it at once;
 * - every SOCKET_RECHECK_INTERVAL_MS (≤ 10 s) every open socket is re-checked anyway, which catches
 *   expired sessions and any notice Redis lost.
 * A socket whose token no longer admits it, or admits it as someone else or to other rooms, is
 * disconnected; clients reconnect with a fresh token and are admitted to their new scope.
 */
@Injectable()
export class LiveSocketCredentials implements OnModuleDestroy {
  private readonly logger = new Logger('LiveSocketCredentials');
  private readonly tracked = new Set<Tracked>();
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private checking = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sockets: SocketAuthenticator,
    private readonly bus: CredentialChangeBus,
    private readonly displays: DisplayTokenService,
    private readonly users: UserService,
  ) {}

  /** Watches an admitted socket with the raw token of its handshake, until it disconnects. */
  track(socket: LiveSocket, token: string, permission: PermissionName, channel: string, admission: SocketAdmission): void {
    const entry: Tracked = { socket, trackedAt: Date.now(), token: token.replace(/^Bearer +/i, ''), permission, channel, admission };
    this.tracked.add(entry);
    socket.once('disconnect', () => {
      this.tracked.delete(entry);
      if (this.tracked.size === 0) this.stopTimer();
    });
    this.unsubscribe ??= this.bus.subscribe((change) => this.changed(change));
    this.timer ??= setInterval(() => void this.recheckAll(), this.config.socketRecheckIntervalMs).unref();
  }

  get size(): number {
    return this.tracked.size;
  }

  onModuleDestroy(): void {
    this.stopTimer();
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.tracked.clear();
  }

  private changed(change: CredentialChange): void {
    // Forget first: the re-check below must read the store, not this node's cache.
    if (change.kind === 'display') this.displays.forget();
    else this.users.forget(change.username);
    void this.recheck([...this.tracked].filter((entry) => concerns(entry.admission.principal, change)));
  }

  private async recheckAll(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      // Tracked in the handshake, a socket whose client left before it connected never says 'disconnect'.
      for (const entry of this.tracked) {
        if (!entry.socket.connected && Date.now() - entry.trackedAt > NEVER_CONNECTED_MS) this.tracked.delete(entry);
      }
      if (this.tracked.size === 0) return this.stopTimer();
      await this.recheck([...this.tracked]);
    } finally {
      this.checking = false;
    }
  }

  private async recheck(entries: Tracked[]): Promise<void> {
    // One verification per distinct credential, however many screens share it.
    const verdicts = new Map<string, Promise<SocketAdmission | null | 'unknown'>>();
    await Promise.all(
      entries.map(async (entry) => {
        const key = `${entry.permission}\u0000${entry.token}`;
        let verdict = verdicts.get(key);
        if (!verdict) {
          verdict = this.sockets.readmit(entry.token, entry.permission, entry.channel, entry.admission).catch((error: Error) => {
            // The store is away: keep the socket (a database blip must not blank every screen); the next round decides.
            this.logger.warn(`re-check of ${entry.channel} failed: ${error.message}`);
            return 'unknown' as const;
          });
          verdicts.set(key, verdict);
        }
        const now = await verdict;
        if (now === 'unknown' || !entry.socket.connected) return;
        if (now === null || fingerprint(now) !== fingerprint(entry.admission)) entry.socket.disconnect();
      }),
    );
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
