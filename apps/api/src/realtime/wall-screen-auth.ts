import { Injectable } from '@nestjs/common';
import { principalId } from '../auth/principal';
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
  constructor(private readonly sockets: SocketAuthenticator) {}

  /**
   * THE switch for wall-screen credentials: the identity service admits whoever holds
   * `wall.subscribe` (display tokens, signed-in users, the break-glass admin token — never a
   * department API key), and the principal's scope becomes the screen's: a display bound to a
   * district is served that district's figures only.
   */
  async authenticateWallScreen(token: unknown, address?: string): Promise<WallViewer | null> {
    const admitted = await this.sockets.admit(token, 'wall.subscribe', 'socket /wall', address);
    if (!admitted) return null;
    const codes = admitted.scope.departmentCodes;
    return { id: principalId(admitted.principal), scope: { departmentCodes: codes === null ? null : [...codes].sort() } };
  }
}
