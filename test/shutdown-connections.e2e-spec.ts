import { connect, Socket } from 'node:net';
import { startTestApp, TestApp } from './support/test-app';

/**
 * A stop must not wait for a client's connection: Fastify closes the connections idle at that moment,
 * but one busy then (here: a request whose body is still arriving) would hold the close until its
 * timeouts (minutes), past any orchestrator's grace period. The app cuts such connections after a
 * short grace (app-factory.ts), so close() resolves and the connection is closed by the server.
 */
describe('shutdown with a connection still busy', () => {
  let t: TestApp | null = null;
  let socket: Socket | null = null;

  afterEach(async () => {
    socket?.destroy();
    await t?.close().catch(() => undefined);
  });

  it('closes the application and cuts the busy connection instead of waiting for it', async () => {
    t = await startTestApp();
    const { port } = new URL(t.baseUrl);
    socket = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve, reject) => socket!.once('connect', resolve).once('error', reject));
    const serverClosedIt = new Promise<void>((resolve) => socket!.once('close', () => resolve()));
    // Headers and half of the declared body: the request is in flight, its connection not idle.
    socket.write(
      ['POST /api/v1/events HTTP/1.1', `Host: 127.0.0.1:${port}`, 'Content-Type: application/json', 'Content-Length: 100', 'Connection: keep-alive', '', '{"events":['].join('\r\n'),
    );
    await new Promise((r) => setTimeout(r, 200));
    const app = t;
    t = null;
    // Without the cut, close() waits for this connection and the test times out.
    await app.close();
    await serverClosedIt;
    expect(socket.destroyed || socket.readyState === 'closed').toBe(true);
  }, 30_000);
});
