/**
 * The system under fault injection: one api process and worker processes started from a private
 * build, each on a fixed port (a restarted api answers where the load generator already sends),
 * all reaching PostgreSQL through a TCP proxy (R3 cuts it) and our own Redis (R2 restarts it).
 */
import { ServerProcess, startServer } from '../support/server';
import { freePort } from './free-port';

export interface ClusterSettings {
  entry: string;
  databaseUrl: string;
  redisUrl: string;
  adminToken: string;
  jwtSecret: string;
  queuePrefix: string;
  workers: number;
  env: Record<string, string>;
}

export interface ExitRecord {
  role: string;
  signal: NodeJS.Signals;
  exitCode: number | null;
  ms: number;
}

export class Cluster {
  api!: ServerProcess;
  readonly workers: (ServerProcess | null)[] = [];
  private apiPort = 0;
  private readonly workerPorts: number[] = [];

  constructor(readonly settings: ClusterSettings) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.apiPort}`;
  }

  async start(): Promise<void> {
    this.apiPort = await freePort();
    for (let i = 0; i < this.settings.workers; i++) this.workerPorts.push(await freePort());
    await this.startApi();
    for (let i = 0; i < this.settings.workers; i++) await this.startWorker(i);
  }

  async startApi(): Promise<void> {
    this.api = await this.spawn('api', this.apiPort);
  }

  async startWorker(index: number): Promise<void> {
    this.workers[index] = await this.spawn('worker', this.workerPorts[index]);
  }

  /** Signals a process and waits for it to exit; the time it took says whether shutdown hangs. */
  async signal(target: 'api' | number, signal: NodeJS.Signals, timeoutMs = 60_000): Promise<ExitRecord> {
    const proc = target === 'api' ? this.api : this.workers[target];
    const role = target === 'api' ? 'api' : `worker ${target}`;
    if (!proc) throw new Error(`${role} is not running`);
    const t0 = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const exitCode = await Promise.race([
      proc.stop(signal),
      new Promise<'hung'>((r) => (timer = setTimeout(() => r('hung'), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (exitCode === 'hung') {
      await proc.stop('SIGKILL');
      throw new Error(`${role} did not exit within ${timeoutMs} ms of ${signal}:\n${proc.output().slice(-3000)}`);
    }
    if (target !== 'api') this.workers[target] = null;
    return { role, signal, exitCode, ms: Date.now() - t0 };
  }

  async stop(): Promise<void> {
    for (const worker of this.workers) await worker?.stop('SIGKILL');
    await this.api?.stop('SIGKILL');
  }

  /** Everything the processes printed (the last processes of each role), for a failure report. */
  output(): string {
    return [this.api, ...this.workers].filter((p): p is ServerProcess => !!p).map((p) => p.output()).join('\n----\n');
  }

  private spawn(role: 'api' | 'worker', port: number): Promise<ServerProcess> {
    const { entry, databaseUrl, redisUrl, adminToken, jwtSecret, queuePrefix, env } = this.settings;
    return startServer({ entry, databaseUrl, redisUrl, adminToken, jwtSecret, queuePrefix, role, env: { ...env, PORT: String(port) } });
  }
}
