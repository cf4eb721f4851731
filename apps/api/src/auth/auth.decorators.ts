import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { AccessScope } from './access-scope';
import { PermissionName, PERMISSIONS } from './access-policy';
import { Principal, PrincipalKind } from './principal';

export const ALLOWED_PRINCIPALS = 'allowedPrincipals';
export const REQUIRED_PERMISSION = 'requiredPermission';
export const PUBLIC_ROUTE = 'publicRoute';

/**
 * The permission a route needs; who holds it is decided in access-policy.ts only. A route with
 * neither @Permission nor @Public admits nobody (and fails the access-matrix test).
 */
export const Permission = (name: PermissionName) =>
  applyDecorators(SetMetadata(REQUIRED_PERMISSION, name), SetMetadata(ALLOWED_PRINCIPALS, PERMISSIONS[name].kinds));

/**
 * @deprecated Lists kinds on the route instead of naming a permission from the decision table;
 * still honoured by the guard, but the access-matrix test refuses routes that use it.
 */
export const Allow = (...kinds: PrincipalKind[]) => SetMetadata(ALLOWED_PRINCIPALS, kinds);

/** Health probes, login and the API description: no credentials. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

export interface AuthenticatedRequest {
  principal?: Principal;
  scope?: AccessScope;
}

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.principal) throw new Error('CurrentPrincipal used on a route without authentication');
  return request.principal;
});

/** The departments the caller may see, resolved by the guard. Filter every read with it. */
export const CurrentScope = createParamDecorator((_: unknown, context: ExecutionContext): AccessScope => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.scope) throw new Error('CurrentScope used on a route without authentication');
  return request.scope;
});
