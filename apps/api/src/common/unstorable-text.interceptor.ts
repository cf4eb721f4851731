import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { FieldError } from '@app/contracts';
import { InvalidInputException } from './invalid-input.exception';

const MAX_REPORTED = 20;

/** Dotted paths of every string holding U+0000, which PostgreSQL text, varchar and jsonb cannot store. */
export function nulPaths(value: unknown, path: string, found: string[] = []): string[] {
  if (found.length >= MAX_REPORTED) return found;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((entry, index) => nulPaths(entry, path ? `${path}.${index}` : String(index), found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, entry] of Object.entries(value)) {
      if (key.includes('\u0000')) found.push(path ? `${path}.${key}` : key);
      nulPaths(entry, path ? `${path}.${key}` : key, found);
    }
  }
  return found;
}

/**
 * Refuses a request whose body, path or query holds a NUL character, naming each field, instead
 * of letting the database reject it as an unexplained 500. Runs after the guard.
 */
@Injectable()
export class UnstorableTextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<{ body?: unknown; params?: unknown; query?: unknown }>();
      const paths = [...nulPaths(request.params, ''), ...nulPaths(request.query, ''), ...nulPaths(request.body, '')];
      if (paths.length > 0) {
        const errors: FieldError[] = paths.map((path) => ({ path: path || '(body)', message: 'must not contain the NUL character (U+0000)' }));
        throw new InvalidInputException(errors);
      }
    }
    return next.handle();
  }
}
