import { createHash, timingSafeEqual } from 'node:crypto';
import { connect, createServer, Server, Socket } from 'node:net';

/** PostgreSQL wire-protocol codes of the first message (protocol 3.0 and the SSL probe). */
const PROTOCOL_3 = 196608;
const SSL_REQUEST = 80877103;
/** A startup message is a few hundred bytes; anything much larger is not a PostgreSQL client. */
const MAX_STARTUP_BYTES = 10_000;
const MAX_PASSWORD_MESSAGE_BYTES = 1_000;
/** A client that has not authenticated by then is dropped. */
const AUTH_TIMEOUT_MS = 10_000;

const digest = (value: Buffer | string): Buffer => createHash('sha256').update(value).digest();

function authenticationCleartextPassword(): Buffer {
  const message = Buffer.alloc(9);
  message.write('R', 0);
  message.writeInt32BE(8, 1);
  message.writeInt32BE(3, 5);
  return message;
}

function fatal(code: string, text: string): Buffer {
  const fields = Buffer.concat([Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${text}\0`, 'utf8'), Buffer.from([0])]);
  const header = Buffer.alloc(5);
  header.write('E', 0);
  header.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([header, fields]);
}

export interface PasswordFront {
  /** host:port on loopback. */
  readonly address: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * The embedded database's only TCP door: a loopback port that asks every client for the password
 * generated at boot (PostgreSQL cleartext password exchange, which the `pg` driver answers from the
 * connection URL) before it passes the connection on to PGlite's socket server, which itself listens
 * on a private Unix socket (embedded-postgres.ts). PGlite has no authentication of its own, so
 * without this any local process — or a browser page tricked into talking to 127.0.0.1 — could
 * read and change every record.
 */
export async function startPasswordFront(upstreamPath: string, password: string): Promise<PasswordFront> {
  const expected = digest(password);
  const server: Server = createServer((client) => admit(client, upstreamPath, expected));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  return {
    address: `127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  };
}

function admit(client: Socket, upstreamPath: string, expected: Buffer): void {
  let buffered = Buffer.alloc(0);
  let startup: Buffer | null = null;
  const timer = setTimeout(() => client.destroy(), AUTH_TIMEOUT_MS).unref();
  const refuse = (code: string, text: string) => {
    clearTimeout(timer);
    client.removeListener('data', onData);
    client.end(fatal(code, text));
  };
  const onData = (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (;;) {
      if (startup === null) {
        if (buffered.length < 8) return;
        const length = buffered.readInt32BE(0);
        const code = buffered.readInt32BE(4);
        if (length === 8 && code === SSL_REQUEST) {
          client.write('N'); // no TLS on loopback; the client goes on in plain text
          buffered = buffered.subarray(8);
          continue;
        }
        if (code !== PROTOCOL_3 || length < 8 || length > MAX_STARTUP_BYTES) return refuse('08P01', 'expected a PostgreSQL 3.0 startup message');
        if (buffered.length < length) return;
        startup = buffered.subarray(0, length);
        buffered = buffered.subarray(length);
        client.write(authenticationCleartextPassword());
        continue;
      }
      if (buffered.length < 5) return;
      const length = buffered.readInt32BE(1);
      if (buffered[0] !== 0x70 /* 'p' */ || length < 5 || length > MAX_PASSWORD_MESSAGE_BYTES) return refuse('08P01', 'expected a password message');
      if (buffered.length < 1 + length) return;
      const presented = buffered.subarray(5, length); // without the terminating NUL
      const rest = buffered.subarray(1 + length);
      if (!timingSafeEqual(digest(presented), expected)) return refuse('28P01', 'password authentication failed for the embedded database');
      clearTimeout(timer);
      client.removeListener('data', onData);
      client.pause();
      pass(client, upstreamPath, startup, rest);
      return;
    }
  };
  client.on('data', onData);
  client.on('error', () => client.destroy());
}

/** Hands an authenticated client to PGlite: its startup message first, then both directions as they come. */
function pass(client: Socket, upstreamPath: string, startup: Buffer, rest: Buffer): void {
  const upstream = connect(upstreamPath, () => {
    upstream.write(startup);
    if (rest.length > 0) upstream.write(rest);
    client.pipe(upstream);
    upstream.pipe(client);
    client.resume();
  });
  upstream.on('error', () => client.destroy());
  client.on('close', () => upstream.destroy());
  upstream.on('close', () => client.destroy());
}
