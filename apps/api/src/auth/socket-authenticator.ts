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
 * An admitted socket is handed to LiveSocketCredentials (live-socket-credentials.ts), which
 * re-checks its token while it is open: a revoked, disabled, changed or expired credential
 * disconnects it (the client reconnects with a fresh token and gets its new scope).
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

  /** Admission of an open socket again, with the token it presented at its handshake; null once it no longer admits. */
  async readmit(rawToken: string, permission: PermissionName, channel: string, previous: SocketAdmission): Promise<SocketAdmission | null> {
    // The break-glass token is configuration, unchangeable while the process runs, and every
    // authenticate() of it is an audited use: a re-check is not a new use, so it is not repeated.
    if (previous.principal.kind === 'admin') return previous;
    return this.admit(rawToken, permission, channel);
  }
}
