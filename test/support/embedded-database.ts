import { spawn } from 'node:child_process';
import path from 'node:path';

/** Opens an embedded data directory in a separate process and runs `use` against its PostgreSQL URL. */
export async function withEmbeddedDatabase<T>(dataDir: string, use: (url: string) => Promise<T>): Promise<T> {
  const child = spawn(process.execPath, [path.join(__dirname, 'pglite-serve.mjs'), dataDir], { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const deadline = Date.now() + 60_000;
    while (!/^URL (\S+)/m.test(output)) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the embedded database did not open:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return await use(/^URL (\S+)/m.exec(output)![1]);
  } finally {
    child.stdin.end();
    await exited;
  }
}
