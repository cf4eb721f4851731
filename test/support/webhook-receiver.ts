import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { waitFor } from './wait-for';

export interface ReceivedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  /** The exact bytes received, as text: what a signature covers. */
  body: string;
  json: Record<string, unknown> | null;
  at: number;
  /** The status this receiver answered with (null: it never answered). */
  answered: number | null;
}

/** How a path answers its n-th request (1-based): a status and body, or `hang` to never answer. */
export type Responder = (n: number, request: ReceivedRequest) => { status: number; body?: unknown } | 'hang';

/** A real HTTP server on a free port that records every request and answers as each path is told to. */
export class WebhookReceiver {
  readonly requests: ReceivedRequest[] = [];
  private readonly responders = new Map<string, Responder>();
  private readonly hanging = new Set<ServerResponse>();
  private readonly server: Server = createServer((req, res) => this.handle(req, res));

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  answer(path: string, responder: Responder): void {
    this.responders.set(path, responder);
  }

  on(path: string): ReceivedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  async waitFor(predicate: (r: ReceivedRequest) => boolean, what: string, timeoutMs = 15_000): Promise<ReceivedRequest> {
    return waitFor(async () => this.requests.find(predicate), what, timeoutMs);
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: Record<string, unknown> | null = null;
      try {
        json = JSON.parse(body) as Record<string, unknown>;
      } catch {
        json = null;
      }
      const url = new URL(req.url ?? '/', 'http://receiver');
      const request: ReceivedRequest = { path: url.pathname, headers: req.headers, body, json, at: Date.now(), answered: null };
      this.requests.push(request);
      const responder = this.responders.get(url.pathname) ?? (() => ({ status: 200, body: { errcode: 0, errmsg: 'ok' } }));
      const answer = responder(this.on(url.pathname).length, request);
      if (answer === 'hang') {
        this.hanging.add(res);
        return;
      }
      request.answered = answer.status;
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body ?? {}));
    });
  }
}
