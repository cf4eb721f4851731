import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Me } from '../api/console-types';
import { http } from '../api/http';

const TOKEN_KEY = 'console.session';

/** The tab's session token survives a reload of this tab only (sessionStorage), never a sign-out. */
export function storedToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function storeToken(token: string | null): void {
  try {
    if (token === null) sessionStorage.removeItem(TOKEN_KEY);
    else sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // storage unavailable: the session lives in memory only
  }
}

/** Who is signed in: the JWT and `GET /api/v1/me` (kind, scope, permissions). */
export const useSessionStore = defineStore('session', () => {
  const token = ref<string | null>(storedToken());
  const me = ref<Me | null>(null);
  const permissions = computed(() => new Set(me.value?.permissions ?? []));
  const signedIn = computed(() => token.value !== null && me.value !== null);

  async function signIn(username: string, password: string): Promise<void> {
    const answer = await http.post<{ accessToken: string }>('/api/v1/auth/login', { username, password });
    token.value = answer.accessToken;
    storeToken(answer.accessToken);
    await loadMe();
  }

  async function loadMe(): Promise<Me> {
    me.value = await http.get<Me>('/api/v1/me');
    return me.value;
  }

  const can = (...anyOf: readonly string[]) => anyOf.some((p) => permissions.value.has(p));

  return { token, me, permissions, signedIn, signIn, loadMe, can };
});
