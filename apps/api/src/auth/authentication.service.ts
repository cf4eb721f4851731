import { Inject, Injectable } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DepartmentKeyService } from './department-key.service';
import { DisplayTokenService } from './displays/display-token.service';
import { Principal, UserPrincipal } from './principal';
import { SessionTokenService } from './session-token.service';
import { UserService } from './users/user.service';

/** Where a token is being used, for the break-glass audit entry: `GET /api/v1/cases`, `socket /wall`. */
export interface TokenUse {
  channel: string;
  ip?: string;
  /** The concrete URL, when the channel is a route pattern. */
  url?: string;
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * THE place where a bearer token becomes a principal — for REST (AuthGuard) and for socket.io
 * handshakes. Token kinds are told apart by shape, then verified against their own store:
 *
 *   ADMIN_TOKEN (break-glass)  constant-time comparison; every use appended to the audit log
 *   lmk_…  department key      SHA-256 lookup (DepartmentKeyService)
 *   lmd_…  display token       SHA-256 lookup (DisplayTokenService)
 *   a.b.c  session JWT         signature, expiry, issuer, audience; then the user record (role,
 *                              bindings, enabled, token generation) is read, so changes act at once
 *
 * An OpenID Connect provider is added here: another verifier for JWTs of its issuer, mapped to a
 * user record by a claim. Nothing else in the application verifies tokens.
 *
 * socket.io handshakes go through SocketAuthenticator (socket-authenticator.ts), which calls
 * authenticate() and picks the connection's rooms from its scope.
 */
@Injectable()
export class AuthenticationService {
  private readonly adminDigest: Buffer;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly keys: DepartmentKeyService,
    private readonly displays: DisplayTokenService,
    private readonly sessions: SessionTokenService,
    private readonly users: UserService,
    private readonly audit: AuditService,
  ) {
    this.adminDigest = digest(config.adminToken);
  }

  /** The token of an `Authorization: Bearer …` header, or null. */
  static bearerToken(header: unknown): string | null {
    if (typeof header !== 'string') return null;
    const match = /^Bearer +(\S{1,4096})$/i.exec(header.trim());
    return match ? match[1] : null;
  }

  async authenticate(token: string, use: TokenUse): Promise<Principal | null> {
    if (timingSafeEqual(digest(token), this.adminDigest)) {
      const principal: Principal = { kind: 'admin', via: 'admin-token' };
      // Fail closed: if the use cannot be recorded, the request does not proceed.
      await this.audit.record({
        actor: principal,
        action: 'auth.break_glass',
        target: use.channel,
        after: { ip: use.ip ?? null, url: use.url ? use.url.slice(0, 2000) : null },
      });
      return principal;
    }
    const key = await this.keys.verify(token, Date.now());
    if (key) return { kind: 'department', departmentCode: key.departmentCode, keyId: key.keyId };
    const display = await this.displays.verify(token);
    if (display) return display;
    return this.sessionPrincipal(token);
  }

  private async sessionPrincipal(token: string): Promise<UserPrincipal | null> {
    const session = await this.sessions.verify(token);
    if (!session) return null;
    const user = await this.users.findActive(session.username);
    if (!user || user.tokenVersion !== session.tokenVersion) return null;
    return {
      kind: user.role,
      username: user.username,
      departmentCode: user.departmentCode,
      regionCode: user.regionCode,
      officerId: user.officerId,
      bodyCode: user.bodyCode,
      via: 'password',
    };
  }
}
