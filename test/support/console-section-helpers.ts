import { Locator, Page } from 'playwright-core';
import { ApiClient } from './api-client';

/** A console user made through the API with the break-glass token (as an administrator would). */
export async function createConsoleUser(admin: ApiClient, username: string, input: Record<string, unknown>): Promise<string> {
  const password = `Console pass phrase ${username.length} of 2026`;
  const created = await admin.put(`/api/v1/users/${username}`, { password, ...input });
  if (created.status !== 200) throw new Error(`user ${username}: ${created.status} ${JSON.stringify(created.body)}`);
  return password;
}

/** Signs in through the console's login page and waits for the menu. */
export async function signInToConsole(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/console/login`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('[data-testid="login-form"] button[type="submit"]').click();
  await page.locator('[data-testid="console-menu"]').waitFor();
}

/** The form item holding the input called `name` in the form `[data-form=form]`. */
export function formItem(page: Page, form: string, name: string): Locator {
  return page.locator(`[data-form="${form}"] .el-form-item`, { has: page.locator(`[name="${name}"]`) }).last();
}

/**
 * The error text Element Plus shows under that form item ('' when none). The form's errors render a
 * moment after the click (the validators are a lazily loaded chunk; the API's answer is a round
 * trip), so this first waits for the form to show some error, then reads this field's.
 */
export async function fieldErrorOf(page: Page, form: string, name: string): Promise<string> {
  await page.locator(`[data-form="${form}"] .el-form-item__error`).first().waitFor({ timeout: 10_000 });
  const error = formItem(page, form, name).locator('.el-form-item__error');
  return (await error.count()) > 0 ? (await error.first().innerText()).trim() : '';
}

/** Picks the option whose text contains `text` in an Element Plus select (keyboard and mouse alike). */
export async function chooseOption(page: Page, form: string, name: string, text: string): Promise<void> {
  await formItem(page, form, name).locator('.el-select__wrapper').click();
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: text }).first().click();
}

/** The 400 the API itself gives for a body: what the form must show at its fields. */
export async function apiFieldErrors(client: ApiClient, method: 'PUT' | 'POST', path: string, body: unknown): Promise<Record<string, string>> {
  const answer = await client.request<{ errors?: { path: string; message: string }[] }>(method, path, body);
  if (answer.status !== 400) throw new Error(`expected a 400 from ${path}, got ${answer.status}`);
  return Object.fromEntries((answer.body.errors ?? []).map((e) => [e.path, e.message]));
}
