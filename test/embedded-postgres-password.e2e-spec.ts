import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { waitFor } from './support/wait-for';

// PGlite loads itself with a dynamic import Jest's VM cannot run: it runs in a child process from the build (`npm test` builds first).
const EMBEDDED = path.resolve(__dirname, '../dist/apps/api/src/embedded/embedded-postgres.js');

/** A child process holding one embedded database; prints its URL and address. */
class EmbeddedDatabaseProcess {
  private readonly child: ChildProcess;
  private output = '';

  constructor(dataDir: string) {
    const script = `require(${JSON.stringify(EMBEDDED)}).startEmbeddedPostgres(${JSON.stringify(dataDir)}).then((e) => console.log('URL ' + e.url + ' ADDRESS ' + e.address))`;
    this.child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  async started(): Promise<{ url: string; address: string }> {
    return waitFor(async () => {
      const match = /URL (\S+) ADDRESS (\S+)/.exec(this.output);
      if (!match && this.child.exitCode !== null) throw new Error(`embedded database exited: ${this.output}`);
      return match ? { url: match[1], address: match[2] } : undefined;
    }, 'the embedded database', 120_000);
  }

  stop(): void {
    this.child.kill('SIGKILL');
  }
}

async function answer(url: string): Promise<number> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    return (await client.query<{ answer: number }>('SELECT 41 + 1 AS answer')).rows[0].answer;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe('embedded PostgreSQL: its loopback port requires the password generated at start (issue 17.5)', () => {
  const dataDirs: string[] = [];
  const processes: EmbeddedDatabaseProcess[] = [];
  const start = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lm-embedded-pw-'));
    dataDirs.push(dir);
    const p = new EmbeddedDatabaseProcess(dir);
    processes.push(p);
    return p.started();
  };
  afterAll(() => {
    for (const p of processes) p.stop();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('serves the URL it was given, refuses a wrong or missing password with 28P01, and generates another password next time', async () => {
    const [first, second] = await Promise.all([start(), start()]);
    const url = new URL(first.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(first.address).toBe(`127.0.0.1:${url.port}`);
    expect(url.password.length).toBeGreaterThanOrEqual(32);
    expect(await answer(first.url)).toBe(42);

    for (const password of ['not-the-password', new URL(second.url).password]) {
      const wrong = new URL(first.url);
      wrong.password = password;
      await expect(answer(wrong.toString())).rejects.toMatchObject({ code: '28P01', message: 'password authentication failed for the embedded database' });
    }
    const empty = new URL(first.url);
    empty.password = '';
    await expect(answer(empty.toString())).rejects.toThrow();
    expect(await answer(first.url)).toBe(42);
  });
});
