import { Page } from 'playwright-core';
import { makeEvent, MINI_CATALOGUE } from '../fixtures/mini-catalogue';
import { ApiClient } from './api-client';
import { setUpCatalogue } from './catalogue-setup';
import { TestApp } from './test-app';
import { waitFor } from './wait-for';

/** The one DOM method the page-side functions below use (this file compiles without the DOM lib). */
interface Attributed {
  getAttribute(name: string): string | null;
}

/** The console's people (MINI_CATALOGUE): one user per role, bound to department SCJG (region R1), ZJJ's supervisor, and the audit body's liaison. */
export const CONSOLE_USERS = {
  officer: { username: 'li-ming', role: 'officer', officerId: 'O-SCJG-2' },
  departmentSupervisor: { username: 'wang-scjg', role: 'department_supervisor', departmentCode: 'SCJG', officerId: 'O-SCJG-1' },
  otherDepartmentSupervisor: { username: 'zhao-zjj', role: 'department_supervisor', departmentCode: 'ZJJ' },
  centreSupervisor: { username: 'centre-sup', role: 'centre_supervisor' },
  regionSupervisor: { username: 'region-r1', role: 'region_supervisor', regionCode: 'R1' },
  centreAdmin: { username: 'centre-admin', role: 'centre_admin' },
  bodyLiaison: { username: 'sjj-liaison', role: 'body_liaison', bodyCode: 'SJJ' },
} as const;

/** The bodies clues come from and go to (the liaison above answers for SJJ; RSJ is personnel, copied on every conclusion). */
export const CONSOLE_BODIES = {
  SJJ: { name: '市审计局', kind: 'AUDIT' },
  FZB: { name: '市法制办', kind: 'LEGAL' },
  RSJ: { name: '市人事局', kind: 'PERSONNEL' },
} as const;
export type ConsoleUser = keyof typeof CONSOLE_USERS;
export const CONSOLE_PASSWORD = 'console-password-1';

export interface ListedCard {
  id: string;
  caseId: string;
  departmentCode: string;
  rule: string;
  level: string;
  state: string;
  responsibleOfficerId: string | null;
}

/** A case accepted on `day` (a past date) and never decided, handled by `officerId`: RED STATUTORY_OVERDUE. */
function overdueCase(departmentCode: string, itemCode: string, caseId: string, day: string, officerId: string) {
  const documents = departmentCode === 'SCJG' ? ['营业执照', '食品安全管理制度'] : ['建设用地规划许可证'];
  const at = `${day}T10:00:00+08:00`;
  return [
    makeEvent({ departmentCode, itemCode, caseId, seq: 1, occurredAt: at, officerId, data: { channel: 'WINDOW', documents } }),
    makeEvent({ departmentCode, itemCode, caseId, seq: 2, type: 'ACCEPTED', occurredAt: at, officerId, data: {} }),
  ];
}

/**
 * The catalogue, the users and three overdue cases: SCJG's CONSOLE-ACK (for the officer to acknowledge),
 * SCJG's CONSOLE-APPEAL (appealed by the department supervisor, decided by the centre) and ZJJ's
 * CONSOLE-ZJJ (another department's card). Returns each case's RED statutory card.
 */
export async function setUpConsoleWorld(t: TestApp): Promise<Record<'ack' | 'appeal' | 'other', ListedCard>> {
  const keys = await setUpCatalogue(t.admin, MINI_CATALOGUE);
  for (const [code, body] of Object.entries(CONSOLE_BODIES)) {
    const r = await t.admin.put(`/api/v1/accountability-bodies/${code}`, body);
    if (r.status !== 200) throw new Error(`body ${code}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  for (const { username, ...body } of Object.values(CONSOLE_USERS)) {
    const r = await t.admin.put(`/api/v1/users/${username}`, { password: CONSOLE_PASSWORD, ...body });
    if (r.status !== 200) throw new Error(`user ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  const scjg = t.admin.withToken(keys.SCJG);
  const zjj = t.admin.withToken(keys.ZJJ);
  await scjg.post('/api/v1/events', {
    events: [...overdueCase('SCJG', 'SCJG-001', 'CONSOLE-ACK', '2025-09-26', 'O-SCJG-2'), ...overdueCase('SCJG', 'SCJG-001', 'CONSOLE-APPEAL', '2025-10-09', 'O-SCJG-2')],
  });
  await zjj.post('/api/v1/events', { events: overdueCase('ZJJ', 'ZJJ-001', 'CONSOLE-ZJJ', '2025-09-26', 'O-ZJJ-1') });
  const card = (caseId: string) =>
    waitFor(async () => {
      const r = await t.admin.get<{ items: ListedCard[] }>(`/api/v1/alerts?rule=STATUTORY_OVERDUE&caseId=${caseId}`);
      return r.body.items[0];
    }, `the statutory card of ${caseId}`);
  const world = { ack: await card('CONSOLE-ACK'), appeal: await card('CONSOLE-APPEAL'), other: await card('CONSOLE-ZJJ') };
  if (world.ack.level !== 'RED' || world.ack.responsibleOfficerId !== 'O-SCJG-2') throw new Error(`unexpected card ${JSON.stringify(world.ack)}`);
  return world;
}

export async function apiAs(t: TestApp, user: ConsoleUser): Promise<ApiClient> {
  const r = await t.admin.withToken(null).post<{ accessToken: string }>('/api/v1/auth/login', { username: CONSOLE_USERS[user].username, password: CONSOLE_PASSWORD });
  return t.admin.withToken(r.body.accessToken);
}

/** Signs in through the login form with the keyboard only: type, Tab, type, Enter. */
export async function signInWithKeyboard(page: Page, baseUrl: string, user: ConsoleUser, path = '/console/'): Promise<void> {
  if (process.env.CONSOLE_TEST_DEBUG) {
    page.on('console', (m) => console.log(`[page] ${m.text()}`));
    page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
  }
  await page.goto(`${baseUrl}${path}`);
  await page.waitForSelector('[data-testid="login-form"]');
  await page.locator('input[name="username"]').focus();
  await page.keyboard.type(CONSOLE_USERS[user].username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(CONSOLE_PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="console-menu"]').catch(async (error: Error) => {
    if (process.env.CONSOLE_TEST_DEBUG) console.log(`[page] at ${page.url()}: ${(await page.locator('body').innerText()).slice(0, 500)}`);
    throw error;
  });
}

/** The top-level menu entries the page shows (their route paths). */
export async function menuEntries(page: Page): Promise<string[]> {
  return page.locator('[data-menu-entry]').evaluateAll((elements: Attributed[]) => elements.map((e) => e.getAttribute('data-menu-entry') ?? ''));
}
