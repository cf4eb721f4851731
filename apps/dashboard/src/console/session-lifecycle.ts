import { ElMessage, ElMessageBox, ElNotification } from 'element-plus';
import type { Pinia } from 'pinia';
import type { Router } from 'vue-router';
import { configureHttp, forgetPendingRequests } from './api/http';
import { liveUpdates } from './net/live-updates';
import { forgetEverything, onForget } from './stores/forget-everything';
import { storeToken, useSessionStore } from './stores/session';

/**
 * Beginning and end of a signed-in session. Ending one (sign-out, a 401 from the API, signing in as
 * someone else) drops pending answers, the live socket, toasts and every store: nothing of the
 * previous user stays on screen or in memory.
 */
let pinia: Pinia;
let router: Router;

export function setUpSessionLifecycle(appPinia: Pinia, appRouter: Router): void {
  pinia = appPinia;
  router = appRouter;
  configureHttp({ token: () => useSessionStore(pinia).token, onUnauthorized: () => void endSession('expired') });
  onForget(() => {
    ElMessage.closeAll();
    ElNotification.closeAll();
    ElMessageBox.close();
  });
}

function forgetSession(): void {
  forgetPendingRequests();
  liveUpdates.close();
  storeToken(null);
  forgetEverything(pinia);
}

export async function endSession(reason: 'signedOut' | 'expired'): Promise<void> {
  const current = router.currentRoute.value;
  if (current.meta.public && reason === 'expired') return forgetSession();
  forgetSession();
  const redirect = reason === 'expired' && !current.meta.public ? current.fullPath : undefined;
  await router.replace({ name: 'login', query: { reason, ...(redirect ? { redirect } : {}) } });
}

/** Signs in (after forgetting whoever was signed in before) and opens the live channel. */
export async function signIn(username: string, password: string): Promise<void> {
  forgetSession();
  const session = useSessionStore(pinia);
  await session.signIn(username, password);
  if (session.token) liveUpdates.open(session.token);
}

/** After a reload of a signed-in tab: the stored token, checked with GET /me, reopens the live channel. */
export async function resumeSession(): Promise<boolean> {
  const session = useSessionStore(pinia);
  if (!session.token) return false;
  if (!session.me) {
    try {
      await session.loadMe();
    } catch {
      return false;
    }
    liveUpdates.open(session.token);
  }
  return true;
}
