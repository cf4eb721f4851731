import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { InvalidInputException } from '../common/invalid-input.exception';

interface RoutedRequest {
  method: string;
  query?: Record<string, unknown>;
  routeOptions?: { url?: string };
}

/** `GET /api/v1/cases/{departmentCode}/{caseId}` → the query parameters the document lists for it. */
export function documentedQueryParameters(document: OpenAPIObject): Map<string, Set<string>> {
  const known = new Map<string, Set<string>>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, { parameters?: { in?: string; name?: string }[] }>)) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      const names = (operation.parameters ?? []).filter((p) => p.in === 'query' && p.name).map((p) => p.name!);
      known.set(`${method.toUpperCase()} ${path}`, new Set(names));
    }
  }
  return known;
}

/**
 * A query parameter the operation does not know is refused with 400 naming it and the ones that
 * are known, instead of being ignored: `?limit=10` on a route that pages with `pageSize` would
 * otherwise silently return the default page. The document is the list, so what is enforced is
 * what is published. Runs after the guard (401/403 first) and before the handler.
 */
@Injectable()
export class KnownQueryParameters implements NestInterceptor {
  constructor(private readonly known: Map<string, Set<string>>) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<RoutedRequest>();
    const route = request.routeOptions?.url?.replace(/:(\w+)/g, '{$1}');
    const allowed = route ? this.known.get(`${request.method} ${route}`) : undefined;
    const unknown = allowed ? Object.keys(request.query ?? {}).filter((name) => !allowed.has(name)) : [];
    if (unknown.length > 0) {
      const accepted = allowed!.size > 0 ? `this operation accepts ${[...allowed!].sort().join(', ')}` : 'this operation takes no query parameters';
      throw new InvalidInputException(
        unknown.map((name) => ({ path: name === '' ? '(query)' : name.slice(0, 64), message: `${name === '' ? 'has a parameter without a name' : 'is not a known query parameter'}; ${accepted}` })),
        'unknown query parameter',
      );
    }
    return next.handle();
  }
}
