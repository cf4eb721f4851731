import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const MAIN = path.resolve(__dirname, '../../dist/apps/api/src/main.js');

/**
 * The built application as a real OS process (what `npm start` runs), for tests of boot,
 * shutdown and crashes. `npm test` builds dist/ first (pretest).
 */
export class AppProcess {
  private child: ChildProcess | null = null;
  output = '';
  baseUrl = '';

  constructor(private readonly env: Record<string, string>) {}

  // Generous: on a loaded 2-core machine the embedded start (PGlite, demo catalogue, users) takes a while.
  async start(timeoutMs = 150_000, options: { waitForBanner?: boolean } = {}): Promise<void> {
    this.output = '';
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', LOG_FORMAT: 'text', HOST: '127.0.0.1', PORT: '0', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    if (options.waitForBanner === false) return;
    await this.waitForOutput(/API:\s+(http:\/\/\S+)\/api\/v1/, timeoutMs);
    this.baseUrl = /API:\s+(http:\/\/\S+)\/api\/v1/.exec(this.output)![1].replace('localhost', '127.0.0.1');
  }

  /** Waits until the output shows `pattern`; fails if the process ends first. */
  async waitForOutput(pattern: RegExp, timeoutMs = 150_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.output)) {
      const child = this.child;
      if (!child || child.exitCode !== null || child.signalCode !== null) throw new Error(`application exited (${child?.exitCode ?? child?.signalCode}) before ${pattern}:\n${this.output}`);
      if (Date.now() > deadline) throw new Error(`no ${pattern} in time:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Whether the process is still running. */
  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** kill -9: no shutdown hooks, no flush, as a crash or an OOM kill. */
  async crash(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** SIGTERM: graceful shutdown (Nest closes, then re-raises the signal, so either outcome is clean). */
  async stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return this.signal('SIGTERM');
  }

  private async signal(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      return { code: child?.exitCode ?? null, signal: child?.signalCode ?? null };
    }
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, sig) => resolve({ code, signal: sig })),
    );
    child.kill(signal);
    return exited;
  }
}
