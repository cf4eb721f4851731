import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ALLOWED_PRINCIPALS, PUBLIC_ROUTE } from './auth.decorators';
import { DepartmentKeyService } from './department-key.service';
import { Principal, PrincipalKind } from './principal';

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Global guard: every route is authenticated unless marked @Public, and admits only the
 * principal kinds it declares with @Allow. A route that declares nothing admits nobody.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: DepartmentKeyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; principal?: Principal }>();
    const principal = await this.authenticate(request.headers.authorization);
    if (!principal) throw new UnauthorizedException('missing or unknown credentials');
    const allowed = this.reflector.getAllAndOverride<PrincipalKind[]>(ALLOWED_PRINCIPALS, targets) ?? [];
    if (!allowed.includes(principal.kind)) throw new ForbiddenException('not allowed for these credentials');
    request.principal = principal;
    return true;
  }

  private async authenticate(header: string | undefined): Promise<Principal | null> {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match) return null;
    const token = match[1];
    if (sameSecret(token, this.config.adminToken)) return { kind: 'admin', via: 'admin-token' };
    const key = await this.keys.verify(token, Date.now());
    return key ? { kind: 'department', departmentCode: key.departmentCode, keyId: key.keyId } : null;
  }
}
