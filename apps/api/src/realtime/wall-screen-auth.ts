import { Injectable } from '@nestjs/common';
import { principalId } from '../auth/principal';
import { LiveSocket, LiveSocketCredentials } from '../auth/live-socket-credentials';
import { SocketAuthenticator } from '../auth/socket-authenticator';
import { WallScope } from './wall-scope';

/** Who is watching a wall socket, and which departments its screen shows. */
export interface WallViewer {
  /** Stable, non-secret, for logs: 'admin-token', 'display:<id>', a username… */
  id: string;
  scope: WallScope;
}

/** Checks the token a screen presents in the socket.io handshake (`auth: { token }`). */
@Injectable()
export class WallScreenAuthenticator {
  constructor(
    private readonly sockets: SocketAuthenticator,
    private readonly live: LiveSocketCredentials,
  ) {}

  /**
   * THE switch for wall-screen credentials: the identity service admits whoever holds
   * `wall.subscribe` (display tokens, signed-in users, the break-glass admin token — never a
   * department API key), and the principal's scope becomes the screen's: a display bound to a
   * district is served that district's figures only. The socket stays open only while its token
   * keeps admitting it to the same scope (LiveSocketCredentials).
   */
  async authenticateWallScreen(token: unknown, address: string | undefined, socket: LiveSocket): Promise<WallViewer | null> {
    const admitted = await this.sockets.admit(token, 'wall.subscribe', 'socket /wall', address);
    if (!admitted || typeof token !== 'string') return null;
    this.live.track(socket, token, 'wall.subscribe', 'socket /wall', admitted);
    const codes = admitted.scope.departmentCodes;
    return { id: principalId(admitted.principal), scope: { departmentCodes: codes === null ? null : [...codes].sort() } };
  }
}
