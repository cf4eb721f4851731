import { apiErrorFrom, ApiError } from './api-error';

/**
 * The console's one way to the API: the session token as a bearer, JSON both ways, every failure
 * an ApiError carrying the body's `errors[]`. A 401 on an authenticated call means the session has
 * ended (expired or revoked): `onUnauthorized` (the session store) signs out and asks to sign in.
 */
export interface HttpOptions {
  token: () => string | null;
  onUnauthorized: () => void;
}

let options: HttpOptions = { token: () => null, onUnauthorized: () => undefined };
/** Bumped at sign-out: answers to requests of the previous session are dropped, never shown. */
let generation = 0;

export function configureHttp(next: HttpOptions): void {
  options = next;
}

export function forgetPendingRequests(): void {
  generation += 1;
}

export type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const token = options.token();
  const startedIn = generation;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'omit' });
  } catch {
    throw new ApiError(0, 'network error: the server cannot be reached');
  }
  const text = await response.text();
  if (startedIn !== generation) throw new ApiError(0, 'session ended');
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: described as text below
  }
  if (!response.ok) {
    if (response.status === 401 && token) options.onUnauthorized();
    throw apiErrorFrom(response.status, parsed);
  }
  return parsed as T;
}

export const http = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
