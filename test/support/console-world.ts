import { CaseEventInput } from '@app/contracts';
import { PrincipalKind } from '../../apps/api/src/auth/principal';
import { TWO_REGIONS } from '../fixtures/two-regions-catalogue';
import { ApiClient } from './api-client';
import { setUpCatalogue } from './catalogue-setup';
import { clientsPerKind, MATRIX_PASSWORD, signIn } from './principals';
import { startTestApp, TestApp } from './test-app';
import { waitFor } from './wait-for';

/** Background ticks off: tests drive the scheduler with an injected clock. */
export const QUIET = { SCHEDULER_INTERVAL_MS: '0', FEED_CHECK_INTERVAL_MS: '0' };

export interface ConsoleCard {
  id: string;
  departmentCode: string;
  caseId: string;
  rule: string;
  level: string;
  state: string;
  history?: { action: string; actor: string; comment: string | null }[];
  [key: string]: unknown;
}

export interface ConsoleWorld {
  t: TestApp;
  keys: Record<string, string>;
  /** Signed-in clients bound to DA (region RA, officer O-DA-2); DB is another department. */
  as: Record<PrincipalKind, ApiClient>;
  /** Sends a case accepted long ago and never decided (RED STATUTORY_OVERDUE), waits for its cards. */
  overdueCase(departmentCode: 'DA' | 'DB', caseId: string, officerId?: string): Promise<ConsoleCard[]>;
  cardsOf(caseId: string): Promise<ConsoleCard[]>;
  /** A further signed-in user, e.g. the department supervisor of DB. */
  signedIn(username: string, binding: Record<string, unknown>): Promise<ApiClient>;
}

export function acceptedLongAgo(departmentCode: string, caseId: string, officerId?: string, acceptedAt = '2025-09-26T10:00:00+08:00'): CaseEventInput[] {
  const base = { departmentCode, caseId, itemCode: `${departmentCode}-001`, ...(officerId ? { officerId } : {}) };
  return [
    { ...base, eventId: `${caseId}-e1`, seq: 1, type: 'SUBMITTED', occurredAt: acceptedAt, data: { channel: 'WINDOW', documents: ['营业执照'] } },
    { ...base, eventId: `${caseId}-e2`, seq: 2, type: 'ACCEPTED', occurredAt: acceptedAt, data: {} },
  ] as CaseEventInput[];
}

/** The real server with the two-region catalogue and one signed-in client per principal kind. */
export async function startConsoleWorld(env: Record<string, string> = {}): Promise<ConsoleWorld> {
  const t = await startTestApp({ ...QUIET, ...env });
  const keys = await setUpCatalogue(t.admin, TWO_REGIONS);
  const as = await clientsPerKind(t.admin, { own: 'DA', ownRegion: 'RA', ownOfficer: 'O-DA-2', departmentKey: keys.DA });
  const cardsOf = async (caseId: string) => {
    const r = await t.admin.get<{ items: ConsoleCard[] }>(`/api/v1/alerts?pageSize=500&state=&caseId=${encodeURIComponent(caseId)}`);
    return r.body.items.filter((c) => c.caseId === caseId);
  };
  return {
    t,
    keys,
    as,
    cardsOf,
    async signedIn(username, binding) {
      const put = await t.admin.put(`/api/v1/users/${username}`, { password: MATRIX_PASSWORD, ...binding });
      if (put.status !== 200) throw new Error(`user ${username}: ${put.status} ${JSON.stringify(put.body)}`);
      return t.admin.withToken(await signIn(t.admin.withToken(null), username, MATRIX_PASSWORD));
    },
    async overdueCase(departmentCode, caseId, officerId) {
      const sent = await t.admin.withToken(keys[departmentCode]).post('/api/v1/events', { events: acceptedLongAgo(departmentCode, caseId, officerId) });
      if (sent.status !== 202) throw new Error(`events: ${sent.status} ${JSON.stringify(sent.body)}`);
      return waitFor(async () => {
        const cards = await cardsOf(caseId);
        return cards.some((c) => c.rule === 'STATUTORY_OVERDUE') ? cards : undefined;
      }, `cards of ${caseId}`);
    },
  };
}
