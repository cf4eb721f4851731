import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PermissionName } from '../../apps/api/src/auth/access-policy';
import { ALLOWED_PRINCIPALS, PUBLIC_ROUTE, REQUIRED_PERMISSION } from '../../apps/api/src/auth/auth.decorators';
import { PrincipalKind } from '../../apps/api/src/auth/principal';

export interface DiscoveredRoute {
  /** `GET /api/v1/cases/:departmentCode/:caseId` */
  key: string;
  method: string;
  path: string;
  isPublic: boolean;
  permission: PermissionName | null;
  /** Kinds listed on the route itself with the deprecated @Allow (no permission named). */
  allowKinds: PrincipalKind[] | null;
}

const join = (...parts: (string | undefined)[]): string =>
  '/' + parts.flatMap((p) => (p ?? '').split('/')).filter(Boolean).join('/');

/** Every HTTP route Nest registered, read from the controllers' metadata: the route table. */
export function discoverRoutes(app: NestFastifyApplication): DiscoveredRoute[] {
  const routes: DiscoveredRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!controller) continue;
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string | undefined;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        const meta = <T>(key: string): T | undefined =>
          (Reflect.getMetadata(key, handler) as T | undefined) ?? (Reflect.getMetadata(key, controller) as T | undefined);
        const full = join(base, path);
        const verb = RequestMethod[method];
        routes.push({
          key: `${verb} ${full}`,
          method: verb,
          path: full,
          isPublic: meta<boolean>(PUBLIC_ROUTE) === true,
          permission: meta<PermissionName>(REQUIRED_PERMISSION) ?? null,
          allowKinds: meta<PrincipalKind[]>(ALLOWED_PRINCIPALS) ?? null,
        });
      }
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}
