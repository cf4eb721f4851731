import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiClient } from './support/api-client';
import { AppProcess } from './support/app-process';
import { signIn } from './support/principals';
import { waitFor } from './support/wait-for';

interface Me {
  kind: string;
  scope: { allDepartments: boolean; departmentCodes: string[] | null };
}

/** `  <role>  <username>  <password>  <binding>` lines printed under "Demo users:". */
function printedAccounts(output: string): { role: string; username: string; password: string }[] {
  return [...output.matchAll(/^\s+(centre_admin|centre_supervisor|region_supervisor|department_supervisor|officer)\s+(\S+)\s+(demo-\S+)/gm)].map(
    ([, role, username, password]) => ({ role, username, password }),
  );
}

jest.setTimeout(600_000);

describe('embedded demo: one account per role, printed at start', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lm-demo-users-'));
  const app = new AppProcess({ DATA_DIR: dataDir });
  afterAll(async () => {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lets each printed account sign in and see exactly its scope; a restart keeps sessions and credentials', async () => {
    await app.start();
    // The users are printed after the banner, once their passwords are hashed.
    await app.waitForOutput(/display \(wall token\)\s+lmd_\S+/);
    const accounts = printedAccounts(app.output);
    expect(accounts.map((a) => a.role)).toEqual(['centre_admin', 'centre_supervisor', 'region_supervisor', 'department_supervisor', 'officer']);
    const displayToken = /display \(wall token\)\s+(lmd_\S+)/.exec(app.output)?.[1];
    expect(displayToken).toBeDefined();
    const anonymous = new ApiClient(app.baseUrl, null);
    await waitFor(async () => ((await anonymous.get('/ready')).status === 200 ? true : undefined), '/ready', 120_000);

    const departments = (await anonymous.withToken(displayToken!).get<{ code: string; regionCode: string }[]>('/api/v1/departments')).body;
    const tokens = new Map<string, string>();
    for (const account of accounts) {
      const token = await signIn(anonymous, account.username, account.password);
      tokens.set(account.role, token);
      const me = (await anonymous.withToken(token).get<Me & { regionCode?: string; departmentCode?: string }>('/api/v1/me')).body;
      expect(me.kind).toBe(account.role);
      const expected =
        account.role === 'region_supervisor'
          ? departments.filter((d) => d.regionCode === me.regionCode).map((d) => d.code).sort()
          : account.role === 'department_supervisor' || account.role === 'officer'
            ? [me.departmentCode]
            : null;
      expect({ role: account.role, scope: me.scope.departmentCodes }).toEqual({ role: account.role, scope: expected });
    }
    expect(departments.length).toBe(12);

    // The demo feed fills the cases; each case reader sees only its departments' cases.
    const supervisor = anonymous.withToken(tokens.get('centre_supervisor')!);
    await waitFor(async () => ((await supervisor.get<{ total: number }>('/api/v1/cases?pageSize=1')).body.total > 0 ? true : undefined), 'demo cases', 120_000);
    for (const role of ['region_supervisor', 'department_supervisor', 'officer']) {
      const client = anonymous.withToken(tokens.get(role)!);
      const scope = (await client.get<Me>('/api/v1/me')).body.scope.departmentCodes!;
      const seen = (await client.get<{ items: { departmentCode: string }[] }>('/api/v1/cases?pageSize=500')).body.items.map((c) => c.departmentCode);
      expect({ role, outside: seen.filter((code) => !scope.includes(code)) }).toEqual({ role, outside: [] });
    }
    expect((await anonymous.withToken(tokens.get('centre_admin')!).get('/api/v1/cases')).status).toBe(403);
    expect((await anonymous.withToken(displayToken!).get('/api/v1/cases')).status).toBe(403);

    // Restart: the JWT secret kept in DATA_DIR keeps sessions; the same credentials are printed again.
    await app.stop();
    await app.start();
    await waitFor(async () => ((await new ApiClient(app.baseUrl, null).get('/ready')).status === 200 ? true : undefined), '/ready again', 120_000);
    await app.waitForOutput(/display \(wall token\)\s+lmd_\S+/);
    expect(printedAccounts(app.output)).toEqual(accounts);
    expect((await new ApiClient(app.baseUrl, tokens.get('officer')!).get<Me>('/api/v1/me')).body.kind).toBe('officer');
  });
});
