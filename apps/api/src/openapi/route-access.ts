import { ModulesContainer } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { ALLOWED_PRINCIPALS, PUBLIC_ROUTE, REQUIRED_PERMISSION } from '../auth/auth.decorators';
import type { PermissionName } from '../auth/access-policy';
import type { PrincipalKind } from '../auth/principal';

export interface RouteAccess {
  isPublic: boolean;
  permission: PermissionName | null;
  kinds: readonly PrincipalKind[];
}

/**
 * Who may call each handler, keyed like @nestjs/swagger's default operationId
 * (`CasesController_list`), read from the same metadata the AuthGuard reads: the document's
 * security and 403 descriptions cannot drift from what the guard enforces.
 */
export function routeAccessByOperationId(app: INestApplication): Map<string, RouteAccess> {
  const access = new Map<string, RouteAccess>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const meta = <T>(key: string): T | undefined =>
          (Reflect.getMetadata(key, handler) as T | undefined) ?? (Reflect.getMetadata(key, controller) as T | undefined);
        access.set(`${controller.name}_${name}`, {
          isPublic: meta<boolean>(PUBLIC_ROUTE) === true,
          permission: meta<PermissionName>(REQUIRED_PERMISSION) ?? null,
          kinds: meta<PrincipalKind[]>(ALLOWED_PRINCIPALS) ?? [],
        });
      }
    }
  }
  return access;
}
