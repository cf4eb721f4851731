import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { AppProcess } from './support/app-process';

/** A port free right now, for a server whose address must be known before its banner. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

/** A stack frame ("    at fn (file:1:2)") anywhere in the output: an error escaped unhandled. */
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

describe('the embedded demo loader (first start)', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'lm-demo-loader-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('logs a failed set-up, keeps the server up and serving, and succeeds on a later try', async () => {
    const dataDir = path.join(root, 'fails-once');
    // The demo keeps its department keys in DATA_DIR/demo-keys.json: a directory there makes reading it fail.
    mkdirSync(path.join(dataDir, 'demo-keys.json'), { recursive: true });
    const port = await freePort();
    const app = new AppProcess({ DATA_DIR: dataDir, PORT: String(port), PASSWORD_HASH_ROUNDS: '10' });
    try {
      await app.start(150_000, { waitForBanner: false });
      await app.waitForOutput(/demo set-up failed \(attempt 1\), trying again in 1 s: .*EISDIR/);
      expect(app.running).toBe(true);
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
      rmSync(path.join(dataDir, 'demo-keys.json'), { recursive: true });
      await app.waitForOutput(/API:\s+http:\/\/localhost:\d+\/api\/v1/);
      await app.waitForOutput(/Demo users:/);
      expect(app.output).not.toMatch(STACK_FRAME);
      const exit = await app.stop();
      expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
    } finally {
      await app.stop();
    }
  });

  it('stops quietly when the server is stopped during the first load: no stack trace, a clean shutdown', async () => {
    const dataDir = path.join(root, 'stopped');
    const app = new AppProcess({ DATA_DIR: dataDir });
    try {
      await app.start(150_000, { waitForBanner: false });
      await app.waitForOutput(/Nest application successfully started/);
      const exit = await app.stop();
      expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
      // Stopped before the demo finished setting up (its banner never came), and nothing escaped.
      expect(app.output).not.toMatch(/API:\s+http/);
      expect(app.output).toContain('shutdown complete');
      expect(app.output).not.toMatch(STACK_FRAME);
      expect(app.output).not.toContain('fetch failed');
    } finally {
      await app.stop();
    }
  });
});
