import { Injectable } from '@nestjs/common';
import { AccessScope, roomsFor } from './access-scope';
import { PermissionName, permits } from './access-policy';
import { AuthenticationService } from './authentication.service';
import { Principal } from './principal';
import { ScopeService } from './scope.service';

export interface SocketAdmission {
  principal: Principal;
  scope: AccessScope;
  /** Join exactly these; a client never chooses its own rooms. */
  rooms: string[];
}

/**
 * Admission of a socket.io connection, for the namespaces' handshake middleware. Usage (the wall
 * gateway, namespace /wall):
 *
 *   afterInit(namespace: Namespace) {
 *     namespace.use((socket, next) => {
 *       const raw: unknown = socket.handshake.auth?.token;          // client: io(url, { auth: { token } })
 *       this.admission.admit(raw, 'wall.subscribe', 'socket /wall', socket.handshake.address).then((admitted) => {
 *         if (!admitted) return next(new Error('unauthorized'));
 *         socket.data.principal = admitted.principal;
 *         void socket.join(admitted.rooms);
 *         next();
 *       }, next);
 *     });
 *   }
 *
 * Publishers emit a department's news with `server.to(roomsOfDepartment(code))` (access-scope.ts).
 * Session tokens expire (JWT_TTL_SECONDS): the dashboard reconnects with a fresh token.
 */
@Injectable()
export class SocketAuthenticator {
  constructor(
    private readonly auth: AuthenticationService,
    private readonly scopes: ScopeService,
  ) {}

  async admit(rawToken: unknown, permission: PermissionName, channel: string, ip?: string): Promise<SocketAdmission | null> {
    if (typeof rawToken !== 'string' || rawToken.length === 0 || rawToken.length > 4096) return null;
    const token = rawToken.replace(/^Bearer +/i, '');
    const principal = await this.auth.authenticate(token, { channel, ip });
    if (!principal || !permits(permission, principal.kind)) return null;
    const scope = await this.scopes.resolve(principal);
    return { principal, scope, rooms: roomsFor(scope) };
  }
}
