import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CatalogueFile } from '@app/contracts';
import { AdminClient } from './admin-client';
import { tokenWorks } from './wall-display-token';

interface DemoAccount {
  username: string;
  role: string;
  displayName: string;
  departmentCode?: string;
  regionCode?: string;
  officerId?: string;
}

/**
 * One account per role, bound to the demo catalogue: the first region, its first listed department, that
 * department's head officer (supervisor) and one of their officers.
 */
export function demoAccounts(catalogue: CatalogueFile): DemoAccount[] {
  const regionCode = Object.keys(catalogue.regions).sort()[0];
  const [departmentCode] = Object.entries(catalogue.departments)
    .filter(([, d]) => d.regionCode === regionCode)
    .map(([code]) => code);
  const officers = Object.entries(catalogue.officers).filter(([, o]) => o.departmentCode === departmentCode).sort(([a], [b]) => a.localeCompare(b));
  const head = officers.find(([, o]) => !o.supervisorId);
  const staff = officers.find(([, o]) => o.supervisorId === head?.[0]);
  if (!regionCode || !departmentCode || !head || !staff) throw new Error('the demo catalogue needs a region with a department, a head officer and their staff');
  return [
    { username: 'admin', role: 'centre_admin', displayName: '系统管理员 (centre admin)' },
    { username: 'supervisor', role: 'centre_supervisor', displayName: '监察中心督查员 (centre supervisor)' },
    { username: `region-${regionCode.toLowerCase()}`, role: 'region_supervisor', regionCode, displayName: `${catalogue.regions[regionCode].name}监察员` },
    { username: departmentCode.toLowerCase(), role: 'department_supervisor', departmentCode, officerId: head[0], displayName: head[1].name },
    { username: staff[0].toLowerCase(), role: 'officer', departmentCode, officerId: staff[0], displayName: staff[1].name },
  ];
}

interface SavedCredentials {
  users: Record<string, string>;
  displayToken?: string;
}

const newPassword = (): string => `demo-${randomBytes(9).toString('base64url')}`;

const credentialsFile = (dataDir: string): string => path.join(dataDir, 'demo-users.json');

function readSaved(dataDir: string): SavedCredentials {
  const file = credentialsFile(dataDir);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SavedCredentials) : { users: {} };
}

function writeSaved(dataDir: string, credentials: SavedCredentials): void {
  const file = credentialsFile(dataDir);
  writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
}

/**
 * The demo's wall-screen token, issued once and kept with the demo credentials (mode 0600). Needed
 * before the users: the wall URL is printed as soon as it exists.
 */
export async function ensureDemoDisplayToken(admin: AdminClient, baseUrl: string, dataDir: string): Promise<string> {
  const saved = readSaved(dataDir);
  if (saved.displayToken && (await tokenWorks(baseUrl, saved.displayToken))) return saved.displayToken;
  const { token } = await admin.call<{ token: string }>('POST', '/api/v1/displays', { name: '演示大屏 (demo wall screen)' });
  writeSaved(dataDir, { ...saved, displayToken: token });
  return token;
}

/**
 * Creates the demo accounts once; their credentials are kept in DATA_DIR (mode 0600) and printed at
 * every start. Accounts an operator changed since are left alone. Each new password is hashed by the
 * server (bcrypt, ≈ 0.35 s of CPU each): this runs after the wall URL is printed, beside the history.
 */
export async function ensureDemoUsers(admin: AdminClient, shownUrl: string, dataDir: string, catalogue: CatalogueFile): Promise<string[]> {
  const file = credentialsFile(dataDir);
  const saved = readSaved(dataDir);
  const existing = new Set((await admin.call<{ username: string }[]>('GET', '/api/v1/users')).map((u) => u.username));
  const accounts = demoAccounts(catalogue);
  const credentials: SavedCredentials = { users: {}, displayToken: saved.displayToken };
  for (const account of accounts) {
    const known = saved.users[account.username];
    if (known && existing.has(account.username)) {
      credentials.users[account.username] = known;
      continue;
    }
    const password = known ?? newPassword();
    const { username, ...body } = account;
    await admin.call('PUT', `/api/v1/users/${encodeURIComponent(username)}`, { ...body, password });
    credentials.users[username] = password;
  }
  writeSaved(dataDir, credentials);

  const width = Math.max(...accounts.map((a) => a.username.length));
  return [
    `Demo users:  POST ${shownUrl}/api/v1/auth/login {"username","password"} (saved in ${file})`,
    ...accounts.map((a) => {
      const binding = a.regionCode ? `region ${a.regionCode}` : a.officerId ? `${a.departmentCode ?? ''} officer ${a.officerId}`.trim() : 'all departments';
      return `  ${a.role.padEnd(22)} ${a.username.padEnd(width)}  ${credentials.users[a.username]}   ${binding}`;
    }),
    `  ${'display (wall token)'.padEnd(22)} ${credentials.displayToken}`,
  ];
}
