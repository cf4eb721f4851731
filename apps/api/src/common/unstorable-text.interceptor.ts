import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { FieldError } from '@app/contracts';
import { InvalidInputException } from './invalid-input.exception';

const MAX_REPORTED = 20;
/** Far beyond any document of this API; deeper input is refused before anything walks it recursively. */
export const MAX_DEPTH = 64;

export interface TextProblems {
  /** Dotted paths of strings (or keys) holding U+0000, which PostgreSQL text, varchar and jsonb cannot store. */
  nul: string[];
  /** A path where the value nests deeper than MAX_DEPTH, if any. */
  tooDeep: string | null;
}

/** One iterative walk (no recursion: a hostile 100,000-level array must not overflow the stack). */
export function textProblems(root: unknown, rootPath = ''): TextProblems {
  const nul: string[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: rootPath, depth: 0 }];
  const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
  while (stack.length > 0 && nul.length < MAX_REPORTED) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) nul.push(path);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_DEPTH) return { nul, tooDeep: path || '(body)' };
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      if (typeof key === 'string' && key.includes('\u0000')) nul.push(join(path, key));
      stack.push({ value: child, path: join(path, key), depth: depth + 1 });
    }
  }
  return { nul, tooDeep: null };
}

/** Kept for callers that only want the NUL paths. */
export function nulPaths(value: unknown, path: string): string[] {
  return textProblems(value, path).nul;
}

/**
 * Refuses a request whose body, path or query holds a NUL character, or whose body nests deeper
 * than MAX_DEPTH, naming the field — instead of letting the database (or a stack) fail as an
 * unexplained 500. Runs after the guard.
 */
@Injectable()
export class UnstorableTextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<{ body?: unknown; params?: unknown; query?: unknown }>();
      const errors: FieldError[] = [];
      for (const part of [request.params, request.query, request.body]) {
        const found = textProblems(part);
        if (found.tooDeep) errors.push({ path: found.tooDeep, message: `nests deeper than ${MAX_DEPTH} levels` });
        errors.push(...found.nul.map((path) => ({ path: path || '(body)', message: 'must not contain the NUL character (U+0000)' })));
      }
      if (errors.length > 0) throw new InvalidInputException(errors);
    }
    return next.handle();
  }
}
