import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ALLOWED_PRINCIPALS, AuthenticatedRequest, PUBLIC_ROUTE } from './auth.decorators';
import { AuthenticationService } from './authentication.service';
import { credentialSent, credentialsNeeded } from './credentials-needed';
import { PrincipalKind } from './principal';
import { ScopeService } from './scope.service';

interface GuardedRequest extends AuthenticatedRequest {
  method: string;
  url: string;
  ip: string;
  headers: Record<string, string | string[] | undefined>;
  routeOptions?: { url?: string };
}

/**
 * Global guard: every route is authenticated unless marked @Public, and admits only the principal
 * kinds its permission names (access-policy.ts). A route that declares nothing admits nobody.
 * It also resolves the caller's department scope, which the route applies where it reads data.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthenticationService,
    private readonly scopes: ScopeService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const token = AuthenticationService.bearerToken(request.headers.authorization);
    if (!token) throw unauthorized('send Authorization: Bearer <token>');
    const principal = await this.auth.authenticate(token, {
      channel: `${request.method} ${request.routeOptions?.url ?? request.url.split('?')[0]}`,
      ip: request.ip,
      url: request.url,
    });
    if (!principal) throw unauthorized('unknown, expired or revoked token');
    const allowed = this.reflector.getAllAndOverride<readonly PrincipalKind[]>(ALLOWED_PRINCIPALS, targets) ?? [];
    if (!allowed.includes(principal.kind)) {
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        message: `not allowed for these credentials: this needs ${credentialsNeeded(allowed)}`,
        // Ends "may not do this": the access-matrix test tells the guard's refusal from a handler's by it.
        errors: [{ path: 'authorization', message: `this needs ${credentialsNeeded(allowed)}; ${credentialSent(principal.kind)} may not do this` }],
      });
    }
    request.principal = principal;
    request.scope = await this.scopes.resolve(principal);
    return true;
  }
}

function unauthorized(reason: string): UnauthorizedException {
  return new UnauthorizedException({
    statusCode: 401,
    error: 'Unauthorized',
    message: 'missing or unknown credentials',
    errors: [{ path: 'authorization', message: reason }],
  });
}
