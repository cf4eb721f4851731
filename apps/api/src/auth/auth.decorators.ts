import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Principal, PrincipalKind } from './principal';

export const ALLOWED_PRINCIPALS = 'allowedPrincipals';
export const PUBLIC_ROUTE = 'publicRoute';

/** The kinds of principal a route admits. A route without this (and not @Public) is refused. */
export const Allow = (...kinds: PrincipalKind[]) => SetMetadata(ALLOWED_PRINCIPALS, kinds);

/** Health probes and the API description: no credentials. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const request = context.switchToHttp().getRequest<{ principal?: Principal }>();
  if (!request.principal) throw new Error('CurrentPrincipal used on a route without authentication');
  return request.principal;
});
